package io.s3wire.retry;

import io.s3wire.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs an asynchronous call's attempts under a {@link Retrier}: the outermost stage of a request's
 * pipeline, so each attempt goes through defaults, provider quirks and signing again.
 *
 * <p>Waits use {@link CompletableFuture#delayedExecutor}, never a sleeping thread. The future
 * fails with the last attempt's {@link S3Exception}; earlier failures are attached to it as
 * suppressed exceptions, oldest first. A failure that is not an {@code S3Exception} ends the call
 * as it is.
 */
public final class RetryLoop {
  private RetryLoop() {}

  /**
   * Runs {@code attempt} (given the attempt number, from 1) until it succeeds or the retrier says
   * stop.
   *
   * @param <T> what a successful attempt produces
   * @param retrier decides after each failure; a new {@link Retrier#newCall()} tracks this call
   * @param traits whether the request may be sent again at all
   * @param attempt starts attempt number {@code n} (from 1) and returns its outcome
   * @param correctClock called before the retry that a {@link RetryDecision.CorrectClockAndRetry}
   *     asks for, with the failure; it sets the signer's clock offset (see {@link ClockSkew})
   * @param executor where attempts after the first start (after their delay); when it rejects a
   *     task the call ends with the failure that asked for the retry
   * @return completes with the first successful attempt's value, or fails with the last failure
   *     (every earlier one attached as suppressed)
   */
  public static <T> CompletableFuture<T> run(Retrier retrier, RequestTraits traits,
      IntFunction<CompletableFuture<T>> attempt, Consumer<S3Exception> correctClock, Executor executor) {
    Objects.requireNonNull(retrier, "retrier");
    Objects.requireNonNull(traits, "traits");
    Objects.requireNonNull(attempt, "attempt");
    Objects.requireNonNull(correctClock, "correctClock");
    Objects.requireNonNull(executor, "executor");
    CompletableFuture<T> result = new CompletableFuture<>();
    new Run<>(retrier.newCall(), traits, attempt, correctClock, executor, result).attempt(1);
    return result;
  }

  private static final class Run<T> {
    private final Retrier.Call call;
    private final RequestTraits traits;
    private final IntFunction<CompletableFuture<T>> attempt;
    private final Consumer<S3Exception> correctClock;
    private final Executor executor;
    private final CompletableFuture<T> result;
    // Touched by one attempt's completion at a time: attempts never overlap.
    private final List<S3Exception> failures = new ArrayList<>();

    Run(Retrier.Call call, RequestTraits traits, IntFunction<CompletableFuture<T>> attempt,
        Consumer<S3Exception> correctClock, Executor executor, CompletableFuture<T> result) {
      this.call = call;
      this.traits = traits;
      this.attempt = attempt;
      this.correctClock = correctClock;
      this.executor = executor;
      this.result = result;
    }

    void attempt(int number) {
      if (result.isDone()) {
        return;
      }
      CompletableFuture<T> f;
      try {
        f = attempt.apply(number);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((value, error) -> {
        if (error == null) {
          result.complete(value);
          return;
        }
        Throwable cause = unwrap(error);
        if (!(cause instanceof S3Exception failure)) {
          result.completeExceptionally(cause);
          return;
        }
        RetryDecision d;
        try {
          d = call.onFailure(failure, traits);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
          return;
        }
        if (d instanceof RetryDecision.Retry r) {
          Executor later = r.delay().isZero() ? executor
              : CompletableFuture.delayedExecutor(r.delay().toNanos(), TimeUnit.NANOSECONDS, executor);
          failures.add(failure);
          schedule(later, number + 1, failure);
        } else if (d instanceof RetryDecision.CorrectClockAndRetry) {
          try {
            correctClock.accept(failure);
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          failures.add(failure);
          schedule(executor, number + 1, failure);
        } else {
          giveUp(failure);
        }
      });
    }

    private void schedule(Executor where, int number, S3Exception failure) {
      try {
        where.execute(() -> attempt(number));
      } catch (RejectedExecutionException e) {
        failures.remove(failures.size() - 1);
        giveUp(failure);
      }
    }

    private void giveUp(S3Exception failure) {
      for (S3Exception earlier : failures) {
        if (earlier != failure) {
          failure.addSuppressed(earlier);
        }
      }
      result.completeExceptionally(failure);
    }

    private static Throwable unwrap(Throwable t) {
      Throwable c = t;
      while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
        c = c.getCause();
      }
      return c;
    }
  }
}
