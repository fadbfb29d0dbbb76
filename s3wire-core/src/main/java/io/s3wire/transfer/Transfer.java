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
   * Completes with the transfer's outcome. Cancelling it, or a future derived from it, stops the
   * transfer as {@link #cancel()} does; the future is cancelled at once, while the cleanup (abort of
   * the upload, removal of the temporary file) goes on: {@link #join()} waits for it. Completes on
   * the client's completion executor, so dependent stages ({@code thenApply}, {@code thenCompose},
   * ...) run there, never on a transport I/O thread; their {@code ...Async} forms default to it too.
   *
   * @return the outcome, the same future on every call
   */
  CompletableFuture<T> result();

  /**
   * Waits until the transfer ended, cleanup included, and returns its outcome; throws what the
   * transfer failed with (never a {@code CompletionException}): after a cancellation, a CANCELLED
   * {@code TransportException}. An interrupt cancels the transfer.
   *
   * @return what the transfer produced
   */
  T join();

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
