package io.s3wire.error;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of every failure s3wire reports: one of four kinds, each carrying the wire facts of every
 * attempt.
 *
 * <ul>
 *   <li>{@link ServiceException}: the server answered with an error status.
 *   <li>{@link StreamResetException}: an HTTP/2 stream was reset (RST_STREAM, or GOAWAY covering it).
 *   <li>{@link TransportException}: connect, TLS, timeout, closed connection.
 *   <li>{@link ClientException}: invalid input, found before anything was sent.
 * </ul>
 *
 * <p>Messages never contain secrets (keys, signatures, session tokens).
 */
public abstract sealed class S3Exception extends RuntimeException
    permits ServiceException, StreamResetException, TransportException, ClientException {
  /** Every attempt, oldest first; guarded by itself, as layers on other threads add to it. */
  private final List<Attempt> attempts = new ArrayList<>();
  /** Whether the server may have processed the request. */
  private final RetrySafety retrySafety;

  /**
   * Creates the failure without attempts; the layer that made each attempt adds it.
   *
   * @param message what failed, without secrets
   * @param retrySafety whether the server may have processed the request
   * @param cause the underlying failure, or {@code null}
   */
  protected S3Exception(String message, RetrySafety retrySafety, Throwable cause) {
    super(message, cause);
    this.retrySafety = retrySafety;
  }

  /**
   * Every attempt of the call, oldest first.
   *
   * @return an immutable copy, empty when the call failed before its first attempt
   */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /**
   * Records an attempt; called by the layer that made it. Safe to call from any thread.
   *
   * @param attempt the wire facts of the attempt that just ended
   * @return this exception, to chain or rethrow
   */
  public S3Exception addAttempt(Attempt attempt) {
    synchronized (attempts) {
      attempts.add(attempt);
    }
    return this;
  }

  /**
   * Whether the server may have processed the failed request.
   *
   * @return never {@code null}
   */
  public RetrySafety retrySafety() {
    return retrySafety;
  }

  /**
   * What the failure means on any HTTP version (e.g. a 400 and an HTTP/2 PROTOCOL_ERROR are both
   * MALFORMED_REQUEST).
   *
   * @return the class, as {@link FailureClass#of} maps it
   */
  public FailureClass failureClass() {
    return FailureClass.of(this);
  }

  /**
   * Whether repeating the request could succeed and is safe as far as this failure tells.
   *
   * @return {@code true} when a retry is worth making
   */
  public abstract boolean isRetryable();

  /**
   * One paragraph for a person: what happened, in the terms of the HTTP version it happened on, what
   * it usually means, and what to do.
   *
   * @return the paragraph, without secrets
   */
  public abstract String explain();
}
