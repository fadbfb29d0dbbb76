package io.s3wire.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A call's future, and every future derived from it ({@code thenApply}, {@code whenComplete}, ...):
 * cancelling any of them abandons the call, aborting the request on the wire (see {@link
 * CallState#cancel()}). Plain {@code CompletableFuture}s cancel only themselves, so without this a
 * cancelled operation would go on sending its body until the server answered.
 */
final class CallFuture<T> extends CompletableFuture<T> {
  private final CallState state;

  CallFuture(CallState state) {
    this.state = state;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CallFuture<>(state);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      state.cancel();
    }
    return cancelled;
  }
}
