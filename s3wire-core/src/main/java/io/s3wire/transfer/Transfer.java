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
  private final CompletableFuture<T> ended;
  private final TransferState state;

  /** Made by {@link TransferManager}. */
  public Transfer(CompletableFuture<T> result, TransferState state) {
    this.ended = result;
    this.state = state;
    this.result = io.s3wire.internal.LinkedFuture.of(result, state::cancel);
  }

  /**
   * Completes with the transfer's outcome. Cancelling it, or a future derived from it, stops the
   * transfer as {@link #cancel()} does; the future is cancelled at once, while the cleanup (abort of
   * the upload, removal of the temporary file) goes on: {@link #join()} waits for it.
   */
  public CompletableFuture<T> result() {
    return result;
  }

  /**
   * Waits until the transfer ended, cleanup included, and returns its outcome; throws what the
   * transfer failed with (never a {@code CompletionException}): after a cancellation, a CANCELLED
   * {@code TransportException}. An interrupt cancels the transfer.
   */
  public T join() {
    try {
      return io.s3wire.internal.Futures.await(ended);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        state.cancel();
      }
      throw e;
    }
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
