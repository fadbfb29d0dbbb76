package io.s3wire.internal;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.retry.RequestTraits;
import io.s3wire.retry.Retrier;
import io.s3wire.retry.RetryLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The first stage: runs the rest of the pipeline once per attempt under the retry policy ({@link
 * Retrier}: transient failures, replayable bodies only, non-idempotent operations only when the
 * server certainly did not process them, full-jitter backoff, a deadline). RequestTimeTooSkewed
 * corrects the signing clock from the server's {@code Date} and tries once more at once.
 *
 * <p>The final failure carries the attempts of every try, and the earlier failures as suppressed
 * exceptions.
 */
final class RetryStage implements Exchange {
  private final Exchange next;
  private final Retrier retrier;
  private final ClockSkew skew;
  private final Executor executor;

  RetryStage(Exchange next, Retrier retrier, ClockSkew skew, Executor executor) {
    this.next = next;
    this.retrier = retrier;
    this.skew = skew;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<HttpResponse> send(S3Call call, CallState state) {
    RequestTraits traits = new RequestTraits(call.body().isReplayable(), call.idempotent());
    return RetryLoop.run(retrier, traits, n -> attempt(call, state), failure -> skew.correct(state.serverDate()), executor);
  }

  private CompletableFuture<HttpResponse> attempt(S3Call call, CallState state) {
    if (state.isCancelled()) {
      return CompletableFuture.failedFuture(CallState.cancelledException());
    }
    int n = state.nextAttempt();
    CallEvents.Tracked tracked = state.tracked();
    if (tracked != null) {
      tracked.attemptStarted(n);
    }
    CompletableFuture<HttpResponse> sent;
    try {
      sent = next.send(call, state);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((response, err) -> {
      if (err == null) {
        if (tracked != null) {
          tracked.attemptEnded(n, response, null, response.attempts());
        }
        return response;
      }
      Throwable t = Futures.unwrap(err);
      if (tracked != null) {
        tracked.attemptEnded(n, null, t, state.ownAttempts(t));
      }
      if (state.isCancelled()) {
        // Whatever the abandoned attempt failed with, the call ends as cancelled and is not retried.
        throw Futures.asCompletion(CallState.cancelledException());
      }
      S3Exception failure = t instanceof S3Exception s3 ? s3
          : new TransportException(TransportException.Kind.IO, call.describe() + " failed: " + t, RetrySafety.UNKNOWN, t);
      state.record(failure);
      throw Futures.asCompletion(failure);
    });
  }
}
