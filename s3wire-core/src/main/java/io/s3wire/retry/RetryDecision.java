package io.s3wire.retry;

import java.time.Duration;

/** What to do after a failed attempt, and why (the reason is one phrase, for traces and {@code explain}). */
public sealed interface RetryDecision {
  /**
   * Why the decision was taken.
   *
   * @return one phrase naming the rule that decided; never {@code null}
   */
  String reason();

  /**
   * Whether another attempt follows.
   *
   * @return {@code true} for {@code Retry} and {@code CorrectClockAndRetry}
   */
  boolean retries();

  /** Wait {@code delay}, then send the request again (signed afresh). */
  record Retry(Duration delay, String reason) implements RetryDecision {
    @Override
    public boolean retries() {
      return true;
    }
  }

  /**
   * The server rejected the request's time (RequestTimeTooSkewed): set the signer's clock offset from
   * the server's {@code Date} ({@link ClockSkew#offset}) and send again at once. Given at most once
   * per call.
   */
  record CorrectClockAndRetry(String reason) implements RetryDecision {
    @Override
    public boolean retries() {
      return true;
    }
  }

  /** Give up and report the failure. */
  record DoNotRetry(String reason) implements RetryDecision {
    @Override
    public boolean retries() {
      return false;
    }
  }
}
