package io.s3wire.retry;

import io.s3wire.error.ClientException;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Decides whether a failed attempt is retried, after how long, and why.
 *
 * <p>The rules, in order: no attempt beyond {@link RetryPolicy#maxAttempts()}; never a request
 * whose body cannot be replayed; never a {@link ClientException}; RequestTimeTooSkewed gives {@link
 * RetryDecision.CorrectClockAndRetry} (the server refused the request at authentication, so it did
 * nothing); otherwise only transient failures: status 500, 502, 503, 504 and 429, the S3 codes
 * SlowDown, RequestTimeout, InternalError and ServiceUnavailable, a connection refused, reset or
 * closed before a response (not PROCESSED), a connect or TLS handshake timeout, REFUSED_STREAM, a
 * stream above a GOAWAY's last-stream-id, RST_STREAM(INTERNAL_ERROR or
 * ENHANCE_YOUR_CALM) from the server before a response, and a stream a GOAWAY covers that the connection's
 * close left unanswered; and an operation that is not idempotent only when the
 * failure is {@link RetrySafety#UNPROCESSED}. A retry waits a full-jitter backoff.
 *
 * <p>Thread-safe: a retrier holds no per-call state; {@link #newCall()} gives the per-call tracker
 * that adds the deadline and the once-only clock correction.
 */
public final class Retrier {
  private final RetryPolicy policy;
  private final Clock clock;
  private final RandomGenerator random;

  /**
   * A retrier with the UTC system clock and a thread-local random source.
   *
   * @param policy how many attempts, how long between them, and the deadline
   */
  public Retrier(RetryPolicy policy) {
    this(policy, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextLong());
  }

  /**
   * A retrier with an injected clock and random source (tests make both deterministic).
   *
   * @param policy how many attempts, how long between them, and the deadline
   * @param clock what deadlines are measured with
   * @param random the source of the backoff's jitter; called from any thread that reports a failure
   */
  public Retrier(RetryPolicy policy, Clock clock, RandomGenerator random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The policy this retrier applies.
   *
   * @return the policy given at construction
   */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * The decision after attempt {@code attemptNumber} (from 1) failed with {@code failure}; without a
   * deadline and without remembering an earlier clock correction (see {@link #newCall()}).
   *
   * @param failure what the attempt failed with
   * @param attemptNumber the failed attempt's number, from 1
   * @param traits whether the request may be sent again at all
   * @return retry (with the delay), correct the clock and retry, or stop (with the reason)
   */
  public RetryDecision shouldRetry(S3Exception failure, int attemptNumber, RequestTraits traits) {
    if (attemptNumber >= policy.maxAttempts()) {
      return new RetryDecision.DoNotRetry("attempt " + attemptNumber + " of " + policy.maxAttempts() + " failed");
    }
    if (failure instanceof ClientException) {
      return new RetryDecision.DoNotRetry("invalid input; sending it again cannot help");
    }
    if (!traits.replayableBody()) {
      return new RetryDecision.DoNotRetry("the request body cannot be sent again");
    }
    if (failure instanceof ServiceException se && "RequestTimeTooSkewed".equals(se.errorCode())) {
      return new RetryDecision.CorrectClockAndRetry(
          "RequestTimeTooSkewed: the local clock differs from the server's; correcting it from the server's Date");
    }
    String transientReason = transientReason(failure);
    if (transientReason == null) {
      return new RetryDecision.DoNotRetry("not a transient failure");
    }
    if (!traits.idempotent() && failure.retrySafety() != RetrySafety.UNPROCESSED) {
      return new RetryDecision.DoNotRetry(transientReason + ", but the operation is not idempotent and the server"
          + " may have processed it (" + failure.retrySafety() + ")");
    }
    return new RetryDecision.Retry(policy.backoff(attemptNumber, random), transientReason);
  }

  /** Why the failure is transient, or {@code null} when it is not. */
  static String transientReason(S3Exception failure) {
    if (failure instanceof ServiceException se) {
      int s = se.status();
      if (s == 500 || s == 502 || s == 503 || s == 504 || s == 429) {
        return "HTTP " + s + (se.errorCode() == null ? "" : " " + se.errorCode());
      }
      String code = se.errorCode();
      if ("SlowDown".equals(code) || "RequestTimeout".equals(code) || "InternalError".equals(code)
          || "ServiceUnavailable".equals(code)) {
        return code;
      }
      return null;
    }
    if (failure instanceof StreamResetException sr) {
      if (sr.retrySafety() == RetrySafety.UNPROCESSED) {
        if (sr.isGoAway()) {
          return "GOAWAY(last-stream-id " + sr.lastStreamId() + ") left stream " + sr.streamId() + " unprocessed";
        }
        return sr.code() == Http2ErrorCode.REFUSED_STREAM ? "REFUSED_STREAM" : null;
      }
      // HTTP/2's twins of a 500 and a 503 (INTERNAL_ERROR, ENHANCE_YOUR_CALM), as isRetryable() says:
      // transient, with the non-idempotent gate below (the server may have processed the request).
      // Other codes, e.g. the PROTOCOL_ERROR a server sends for a request it cannot accept, fail the
      // same way every time.
      if (!sr.isGoAway() && sr.sentByPeer() && !sr.afterResponseHeaders() && sr.isRetryable()) {
        return "RST_STREAM(" + sr.errorName() + ") before a response";
      }
      // A stream the GOAWAY covers (it may have been processed) that the connection's close ended with
      // no response: the same as a connection closed before a response, so the same verdict (retried
      // only when idempotent, by the gate below).
      if (sr.isGoAway() && !sr.afterResponseHeaders()) {
        return "GOAWAY(last-stream-id " + sr.lastStreamId() + ") and the connection closed before stream "
            + sr.streamId() + " was answered";
      }
      return null;
    }
    if (failure instanceof TransportException te) {
      if (te.retrySafety() == RetrySafety.PROCESSED) {
        return null;
      }
      return switch (te.kind()) {
        case CONNECTION_REFUSED -> "connection refused";
        case CONNECT_TIMEOUT -> "connect timeout";
        case TLS_HANDSHAKE_TIMEOUT -> "TLS handshake timeout";
        case CONNECTION_CLOSED -> "connection closed before a response";
        case IO -> "connection reset before a response";
        default -> null;
      };
    }
    return null;
  }

  /**
   * A tracker for one call: counts attempts, enforces the deadline from now, corrects the clock once.
   *
   * @return a new tracker, to be used by that call only
   */
  public Call newCall() {
    return new Call(clock.instant());
  }

  /** The retry state of one call. Not thread-safe: one call's attempts happen one after another. */
  public final class Call {
    private final Instant started;
    private int attempts;
    private boolean clockCorrected;

    private Call(Instant started) {
      this.started = started;
    }

    /**
     * Attempts that failed so far.
     *
     * @return how many times {@link #onFailure} was called
     */
    public int failedAttempts() {
      return attempts;
    }

    /**
     * The decision after the next attempt failed: as {@link Retrier#shouldRetry}, and stop when the
     * retry would start after the deadline or when the clock was already corrected once.
     *
     * @param failure what the attempt failed with
     * @param traits whether the request may be sent again at all
     * @return the decision; its reason says which rule decided
     */
    public RetryDecision onFailure(S3Exception failure, RequestTraits traits) {
      attempts++;
      RetryDecision d = shouldRetry(failure, attempts, traits);
      if (d instanceof RetryDecision.CorrectClockAndRetry) {
        if (clockCorrected) {
          return new RetryDecision.DoNotRetry("RequestTimeTooSkewed again after correcting the clock once");
        }
        clockCorrected = true;
      }
      if (d instanceof RetryDecision.Retry r && policy.deadline() != null) {
        Instant next = clock.instant().plus(r.delay());
        if (next.isAfter(started.plus(policy.deadline()))) {
          return new RetryDecision.DoNotRetry(r.reason() + ", but a retry after " + r.delay().toMillis()
              + " ms would pass the call's deadline of " + policy.deadline().toMillis() + " ms");
        }
      }
      return d;
    }

    /**
     * How long the call has run.
     *
     * @return the time since {@link Retrier#newCall()}, by the retrier's clock
     */
    public Duration elapsed() {
      return Duration.between(started, clock.instant());
    }
  }
}
