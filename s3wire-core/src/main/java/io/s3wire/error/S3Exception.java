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
  private final List<Attempt> attempts = new ArrayList<>();
  private final RetrySafety retrySafety;

  protected S3Exception(String message, RetrySafety retrySafety, Throwable cause) {
    super(message, cause);
    this.retrySafety = retrySafety;
  }

  /** Every attempt of the call, oldest first. */
  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /** Records an attempt; called by the layer that made it. */
  public S3Exception addAttempt(Attempt attempt) {
    synchronized (attempts) {
      attempts.add(attempt);
    }
    return this;
  }

  /** Whether the server may have processed the failed request. */
  public RetrySafety retrySafety() {
    return retrySafety;
  }

  /** What the failure means on any HTTP version (e.g. a 400 and an HTTP/2 PROTOCOL_ERROR are both MALFORMED_REQUEST). */
  public FailureClass failureClass() {
    return FailureClass.of(this);
  }

  /** Whether repeating the request could succeed and is safe as far as this failure tells. */
  public abstract boolean isRetryable();

  /**
   * One paragraph for a person: what happened, in the terms of the HTTP version it happened on, what
   * it usually means, and what to do.
   */
  public abstract String explain();
}
