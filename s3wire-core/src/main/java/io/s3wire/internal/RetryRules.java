package io.s3wire.internal;

import java.time.Duration;

/**
 * How hard a call tries: at most {@code maxAttempts} attempts, waits of full jitter under an
 * exponential cap ({@code baseDelay * 2^(n-1)}, at most {@code maxDelay}), and no new attempt after
 * {@code deadline} from the call's start ({@link Duration#ZERO}: no deadline).
 */
public record RetryRules(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {
  public static final RetryRules DEFAULT = new RetryRules(4, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO);

  public RetryRules {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The wait before attempt {@code next} (2 or more): uniform in [0, cap), "full jitter". */
  long delayMillis(int next, java.util.random.RandomGenerator random) {
    long cap = baseDelay.toMillis() << Math.min(20, next - 2);
    cap = Math.max(1, Math.min(cap, maxDelay.toMillis()));
    return random.nextLong(cap);
  }
}
