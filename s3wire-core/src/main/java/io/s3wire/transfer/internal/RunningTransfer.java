package io.s3wire.transfer.internal;

import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferProgress;
import java.util.concurrent.CompletableFuture;

/** The {@link Transfer} a {@link Transfers} run hands out: its future and its shared state. */
record RunningTransfer<T>(CompletableFuture<T> result, TransferState state) implements Transfer<T> {
  @Override
  public TransferProgress progress() {
    return state.progress();
  }

  @Override
  public void cancel() {
    state.cancel();
  }
}
