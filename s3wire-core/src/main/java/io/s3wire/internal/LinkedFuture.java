package io.s3wire.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A future whose cancellation, or that of any future derived from it ({@code thenApply}, ...), runs
 * an action that stops the work behind it; plain {@code CompletableFuture}s cancel only themselves.
 * Dependents created without an executor run on {@code defaultExecutor} when one is given.
 *
 * @param <T> the value
 */
public final class LinkedFuture<T> extends CompletableFuture<T> {
  private final Runnable onCancel;
  private final Executor defaultExecutor;

  private LinkedFuture(Runnable onCancel, Executor defaultExecutor) {
    this.onCancel = onCancel;
    this.defaultExecutor = defaultExecutor;
  }

  /**
   * A future completing as {@code source} does (on the thread that completes it) whose cancellation
   * runs {@code onCancel}.
   */
  public static <T> LinkedFuture<T> of(CompletableFuture<T> source, Runnable onCancel) {
    LinkedFuture<T> out = new LinkedFuture<>(onCancel, null);
    source.whenComplete((v, e) -> complete(out, v, e));
    return out;
  }

  /** An incomplete future whose cancellation runs {@code onCancel}; dependents default to {@code executor}. */
  static <T> LinkedFuture<T> incomplete(Runnable onCancel, Executor executor) {
    return new LinkedFuture<>(onCancel, executor);
  }

  static <T> void complete(CompletableFuture<T> out, T value, Throwable failure) {
    if (failure == null) {
      out.complete(value);
    } else {
      out.completeExceptionally(failure);
    }
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new LinkedFuture<>(onCancel, defaultExecutor);
  }

  @Override
  public Executor defaultExecutor() {
    return defaultExecutor != null ? defaultExecutor : super.defaultExecutor();
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      onCancel.run();
    }
    return cancelled;
  }
}
