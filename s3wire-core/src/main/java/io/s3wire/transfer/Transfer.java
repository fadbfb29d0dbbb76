package io.s3wire.transfer;

import io.s3wire.transfer.internal.TransferState;
import java.util.concurrent.CompletableFuture;

/**
 * A running transfer: its outcome, its progress, and a way to stop it.
 *
 * <p>{@link #result()} completes once everything the transfer started has ended: on failure or
 * cancellation after its multipart upload was aborted (unless resumable) and its temporary file
 * removed. Failures are {@code io.s3wire.error.S3Exception}s; one caused by a part names the part.
 *
 * @param <T> what the transfer produces
 */
public final class Transfer<T> {
  private final CompletableFuture<T> result;
  private final TransferState state;

  /** Made by {@link TransferManager}. */
  public Transfer(CompletableFuture<T> result, TransferState state) {
    this.result = result;
    this.state = state;
  }

  /** Completes with the transfer's outcome. Cancelling this future does not stop it: use {@link #cancel()}. */
  public CompletableFuture<T> result() {
    return result;
  }

  /** Waits for the outcome; throws what the transfer failed with (never a {@code CompletionException}). */
  public T join() {
    return io.s3wire.internal.Futures.await(result);
  }

  public TransferProgress progress() {
    return state.progress();
  }

  /**
   * Stops the transfer: parts being sent fail within one chunk, nothing new starts, buffers and
   * connections are released; {@link #result()} then fails with a CANCELLED {@code
   * TransportException}. Idempotent; does nothing after the transfer ended.
   */
  public void cancel() {
    state.cancel();
  }
}
