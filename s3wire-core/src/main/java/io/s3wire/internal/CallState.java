package io.s3wire.internal;

import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one call accumulates across its attempts: the wire facts of each attempt, and values worth
 * computing once (a file body's SHA-256). Confined to one call; attempts run one after another, never
 * at once, so plain synchronisation on the lists is enough.
 */
final class CallState {
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<S3Exception> earlierFailures = new ArrayList<>();
  private String payloadSha256;
  private int attempt;
  private Instant serverDate;

  synchronized String payloadSha256() {
    return payloadSha256;
  }

  synchronized void payloadSha256(String v) {
    payloadSha256 = v;
  }

  /** Starts the next attempt; returns its number, from 1. */
  synchronized int nextAttempt() {
    return ++attempt;
  }

  synchronized int attempt() {
    return attempt;
  }

  /** The server's clock as its last answer stated it ({@code Date}), or {@code null}. */
  synchronized Instant serverDate() {
    return serverDate;
  }

  synchronized void serverDate(Instant v) {
    serverDate = v;
  }

  /** Keeps a failed attempt that is about to be retried, so the final failure can tell all of them. */
  synchronized void rememberFailure(S3Exception failure) {
    earlierFailures.add(failure);
    attempts.addAll(failure.attempts());
  }

  /** The attempts of the failures before this one, oldest first. */
  synchronized List<Attempt> earlierAttempts() {
    return List.copyOf(attempts);
  }

  /**
   * Gives the final failure the attempts of the failures retried before it (which it may already
   * carry when this pipeline built it) and keeps them as suppressed exceptions.
   */
  synchronized S3Exception withEarlierAttempts(S3Exception failure) {
    List<Attempt> own = failure.attempts();
    boolean hasThem = own.size() >= attempts.size() && own.subList(0, attempts.size()).equals(attempts);
    if (!hasThem) {
      attempts.forEach(failure::addAttempt);
    }
    for (S3Exception earlier : earlierFailures) {
      if (earlier != failure) {
        failure.addSuppressed(earlier);
      }
    }
    return failure;
  }
}
