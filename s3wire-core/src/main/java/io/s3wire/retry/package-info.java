/**
 * Retries: {@link io.s3wire.retry.RetryPolicy} (attempts, full-jitter exponential backoff, deadline),
 * {@link io.s3wire.retry.Retrier} (which failures are retried and why, given {@link
 * io.s3wire.retry.RequestTraits}), {@link io.s3wire.retry.RetryDecision} and {@link
 * io.s3wire.retry.ClockSkew} for RequestTimeTooSkewed. The caller sleeps, re-signs and resends; this
 * package only decides.
 */
package io.s3wire.retry;
