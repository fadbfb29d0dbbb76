package io.s3wire.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Cancellation for an operation made of several calls one after another (a multipart upload of a
 * stream): the operation's future, once {@link #guard guarded}, cancels the call in flight and
 * makes every later step fail as cancelled, so the operation's own failure handling (aborting the
 * upload) runs as for any other failure. Thread-safe.
 */
final class CancelScope {
  private CompletableFuture<?> inFlight;
  private boolean cancelled;

  /**
   * Starts {@code step} (a call) as the operation's current step; when the operation was cancelled,
   * fails as cancelled without starting it (cancelling a call already sent could be too late to stop it).
   */
  <T> CompletableFuture<T> start(java.util.function.Supplier<CompletableFuture<T>> step) {
    if (isCancelled()) {
      return CompletableFuture.failedFuture(CallState.cancelledException());
    }
    CompletableFuture<T> f = step.get();
    synchronized (this) {
      if (!cancelled) {
        inFlight = f;
        return f;
      }
    }
    f.cancel(false);
    return f;
  }

  /** Fails as cancelled when the operation was: to call before starting a step that is not a call. */
  void check() {
    if (isCancelled()) {
      throw Futures.asCompletion(CallState.cancelledException());
    }
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The operation's future: cancelling it (or a future derived from it) cancels the operation. */
  <T> CompletableFuture<T> guard(CompletableFuture<T> operation) {
    return LinkedFuture.of(operation, this::cancel);
  }

  private void cancel() {
    CompletableFuture<?> f;
    synchronized (this) {
      cancelled = true;
      f = inFlight;
    }
    if (f != null) {
      f.cancel(false);
    }
  }
}
