package io.s3wire.transfer;

import java.util.concurrent.CompletableFuture;

/**
 * A running transfer: its outcome, its progress, and a way to stop it. Made by {@link
 * TransferManager}; callers do not implement it.
 *
 * <p>{@link #result()} completes once everything the transfer started has ended: on failure or
 * cancellation after its multipart upload was aborted (unless resumable) and its temporary file
 * removed. Failures are {@code io.s3wire.error.S3Exception}s; one caused by a part names the part.
 * All methods are safe to call from any thread.
 *
 * @param <T> what the transfer produces
 */
public interface Transfer<T> {
  /**
   * Completes with the transfer's outcome. Cancelling this future does not stop it: use {@link #cancel()}.
   *
   * @return the outcome, the same future on every call
   */
  CompletableFuture<T> result();

  /**
   * Waits for the outcome; throws what the transfer failed with (never a {@code CompletionException}).
   *
   * @return what the transfer produced
   */
  default T join() {
    return io.s3wire.internal.Futures.await(result());
  }

  /**
   * A snapshot of the bytes and parts done so far; a new value on each call, never {@code null}.
   *
   * @return the progress at the time of the call
   */
  TransferProgress progress();

  /**
   * Stops the transfer: parts being sent fail within one chunk, nothing new starts, buffers and
   * connections are released; {@link #result()} then fails with a CANCELLED {@code
   * TransportException}. Idempotent; does nothing after the transfer ended.
   */
  void cancel();
}
