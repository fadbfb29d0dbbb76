package io.s3wire.internal;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The first stage: runs the rest of the pipeline once per attempt and decides whether a failure is
 * tried again.
 *
 * <p>A failure is retried when it says it is retryable ({@link S3Exception#isRetryable()}: 5xx,
 * SlowDown, 429, RequestTimeout, a reset before any response, REFUSED_STREAM, ...), attempts and the
 * deadline remain, the body can be sent again, and repeating cannot apply the operation twice: the
 * operation is idempotent, or the server certainly did not process it. RequestTimeTooSkewed is
 * different: the clock offset is corrected from the server's time and the call tried once more at
 * once.
 */
final class RetryStage implements Exchange {
  private final Exchange next;
  private final RetryRules rules;
  private final ClockSkew skew;

  RetryStage(Exchange next, RetryRules rules, ClockSkew skew) {
    this.next = next;
    this.rules = rules;
    this.skew = skew;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    long deadline = rules.deadline().isZero() ? Long.MAX_VALUE : System.nanoTime() + rules.deadline().toNanos();
    attempt(call, state, result, deadline, false);
    return result;
  }

  private void attempt(S3Call call, CallState state, CompletableFuture<HttpResponse> result, long deadline, boolean skewFixed) {
    if (result.isDone()) {
      return;
    }
    int n = state.nextAttempt();
    CompletableFuture<HttpResponse> sent;
    try {
      sent = next.send(call, state);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // Cancelling the caller's future cancels the attempt in flight.
    CompletableFuture<HttpResponse> inFlight = sent;
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        inFlight.cancel(true);
      }
    });
    sent.whenComplete((response, err) -> {
      if (err == null) {
        if (!result.complete(response)) {
          response.close();
        }
        return;
      }
      S3Exception failure = asS3(Futures.unwrap(err), call);
      boolean replayable = call.body().isReplayable();
      if (!skewFixed && replayable && failure instanceof ServiceException se
          && "RequestTimeTooSkewed".equals(se.errorCode()) && skew.correct(state.serverDate())) {
        state.rememberFailure(failure);
        attempt(call, state, result, deadline, true);
        return;
      }
      boolean safe = call.idempotent() || failure.retrySafety() == RetrySafety.UNPROCESSED;
      if (failure.isRetryable() && safe && replayable && n < rules.maxAttempts()) {
        long delay = rules.delayMillis(n + 1, ThreadLocalRandom.current());
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) < deadline) {
          state.rememberFailure(failure);
          CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
              .execute(() -> attempt(call, state, result, deadline, skewFixed));
          return;
        }
      }
      result.completeExceptionally(state.withEarlierAttempts(failure));
    });
  }

  private static S3Exception asS3(Throwable t, S3Call call) {
    if (t instanceof S3Exception s3) {
      return s3;
    }
    return new TransportException(
        TransportException.Kind.IO, call.describe() + " failed: " + t, RetrySafety.UNKNOWN, t);
  }
}
