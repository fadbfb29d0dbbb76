package io.s3wire.transfer.internal;

import io.s3wire.internal.CompletionHop;
import io.s3wire.internal.Futures;
import io.s3wire.internal.LinkedFuture;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferProgress;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Transfer} a {@link Transfers} run hands out. {@code ended} completes when the work and
 * its cleanup are over; the caller's {@link #result()} is linked to it so that cancelling the
 * caller's future (or one derived from it) cancels the transfer, and completes on the client's
 * completion executor, as the client's own futures do, so a caller's dependent stages never run on
 * a transport I/O thread or hold up the manager's workers.
 */
final class RunningTransfer<T> implements Transfer<T> {
  private final CompletableFuture<T> ended;
  private final CompletableFuture<T> result;
  private final TransferState state;

  RunningTransfer(CompletableFuture<T> ended, TransferState state, CompletionHop completion) {
    this.ended = ended;
    this.state = state;
    this.result = completion.publish(LinkedFuture.of(ended, state::cancel));
  }

  @Override
  public CompletableFuture<T> result() {
    return result;
  }

  @Override
  public T join() {
    try {
      return Futures.await(ended);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        state.cancel();
      }
      throw e;
    }
  }

  @Override
  public TransferProgress progress() {
    return state.progress();
  }

  @Override
  public void cancel() {
    state.cancel();
  }
}
