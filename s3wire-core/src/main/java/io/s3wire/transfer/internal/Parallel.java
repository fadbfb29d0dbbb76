package io.s3wire.transfer.internal;

import io.s3wire.internal.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs tasks over items with at most {@code concurrency} at once, without blocking a thread to wait.
 *
 * <p>After the first failure (or cancellation) no new task starts; the result completes once the
 * running ones have ended, exceptionally with the first failure. So cleanup that follows (an abort,
 * deleting a temporary file) never races a part still in flight.
 */
final class Parallel {
  private Parallel() {}

  static <T> CompletableFuture<Void> run(
      List<T> items, int concurrency, TransferState state, Function<T, CompletableFuture<?>> task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (items.isEmpty()) {
      done.complete(null);
      return done;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int lanes = Math.min(concurrency, items.size());
    running.set(lanes);
    for (int i = 0; i < lanes; i++) {
      lane(items, next, running, failure, state, task, done);
    }
    return done;
  }

  private static <T> void lane(List<T> items, AtomicInteger next, AtomicInteger running, AtomicReference<Throwable> failure,
      TransferState state, Function<T, CompletableFuture<?>> task, CompletableFuture<Void> done) {
    int i = failure.get() == null && !state.isCancelled() ? next.getAndIncrement() : items.size();
    if (i >= items.size()) {
      if (running.decrementAndGet() == 0) {
        Throwable f = failure.get();
        if (f == null && state.isCancelled()) {
          f = TransferState.cancelledException();
        }
        if (f == null) {
          done.complete(null);
        } else {
          done.completeExceptionally(f);
        }
      }
      return;
    }
    CompletableFuture<?> f;
    try {
      f = task.apply(items.get(i));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((v, err) -> {
      if (err != null) {
        failure.compareAndSet(null, Futures.unwrap(err));
      }
      lane(items, next, running, failure, state, task, done);
    });
  }
}
