package io.s3wire.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a call is retried: at most {@code maxAttempts} attempts in all,
 * exponential backoff with full jitter between them, and an optional deadline for the whole call.
 *
 * @param maxAttempts attempts in all, the first included (1: never retry)
 * @param baseDelay the backoff ceiling before the first retry; it doubles with every attempt
 * @param maxDelay the highest backoff ceiling
 * @param deadline the longest a call may take from its first attempt to the start of its last, or
 *     {@code null} for none
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {
  /**
   * Checks the values.
   *
   * @param maxAttempts attempts in all, the first included; at least 1
   * @param baseDelay the backoff ceiling before the first retry; not negative
   * @param maxDelay the highest backoff ceiling; at least {@code baseDelay}
   * @param deadline the longest a call may take, or {@code null} for none; positive when given
   * @throws IllegalArgumentException when {@code maxAttempts < 1}, the delays are negative or
   *     inverted, or the deadline is not positive
   */
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, was " + baseDelay + " and " + maxDelay);
    }
    if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
      throw new IllegalArgumentException("deadline must be positive, was " + deadline);
    }
  }

  /**
   * Three attempts, 100 ms base, 20 s cap, no deadline: the AWS SDKs' standard mode.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(20), null);
  }

  /**
   * One attempt, no retries.
   *
   * @return a policy that never retries
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, null);
  }

  /**
   * This policy with another number of attempts.
   *
   * @param n attempts in all, the first included; at least 1
   * @return a copy; this one is unchanged
   */
  public RetryPolicy withMaxAttempts(int n) {
    return new RetryPolicy(n, baseDelay, maxDelay, deadline);
  }

  /**
   * This policy with another deadline.
   *
   * @param d the longest a call may take from its first attempt to the start of its last, or
   *     {@code null} for none
   * @return a copy; this one is unchanged
   */
  public RetryPolicy withDeadline(Duration d) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, d);
  }

  /**
   * The ceiling of the backoff after attempt {@code attemptNumber} failed: {@code min(maxDelay,
   * baseDelay * 2^(attemptNumber-1))}.
   *
   * @param attemptNumber the failed attempt's number, from 1
   * @return the ceiling, never negative
   * @throws IllegalArgumentException when {@code attemptNumber < 1}
   */
  public Duration backoffCeiling(int attemptNumber) {
    if (attemptNumber < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, was " + attemptNumber);
    }
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    int shift = Math.min(attemptNumber - 1, 62);
    long ceiling = base == 0 ? 0 : (base > (max >> shift) ? max : Math.min(max, base << shift));
    return Duration.ofNanos(ceiling);
  }

  /**
   * The wait after attempt {@code attemptNumber} failed, with full jitter: uniform in {@code [0,
   * backoffCeiling(attemptNumber)]}, so clients that failed together do not retry together.
   *
   * @param attemptNumber the failed attempt's number, from 1
   * @param random the jitter's source
   * @return the wait, between zero and the ceiling inclusive
   */
  public Duration backoff(int attemptNumber, RandomGenerator random) {
    long ceiling = backoffCeiling(attemptNumber).toNanos();
    return ceiling == 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
  }
}
