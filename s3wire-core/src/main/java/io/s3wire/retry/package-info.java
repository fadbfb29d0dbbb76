/**
 * Retries: {@link io.s3wire.retry.RetryPolicy} (attempts, full-jitter exponential backoff, deadline),
 * {@link io.s3wire.retry.Retrier} (which failures are retried and why, given {@link
 * io.s3wire.retry.RequestTraits}), {@link io.s3wire.retry.RetryDecision} and {@link
 * io.s3wire.retry.ClockSkew} for RequestTimeTooSkewed, and {@link io.s3wire.retry.RetryLoop}, which
 * runs an asynchronous call's attempts under those decisions without blocking a thread. Each
 * attempt is built and signed afresh by the caller's attempt function.
 */
package io.s3wire.retry;
