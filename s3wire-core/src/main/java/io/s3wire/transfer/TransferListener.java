package io.s3wire.transfer;

/**
 * Hears a transfer's progress: bytes per part as they move, each finished part, and a running total.
 *
 * <p>Called from the threads that read and write the bytes, possibly several at once: methods must
 * be thread-safe, fast, must not throw and must not block (a progress bar samples {@link
 * TransferProgress} and draws elsewhere).
 */
public interface TransferListener {
  /** A listener that ignores every event; the default. */
  TransferListener NONE = new TransferListener() {};

  /**
   * {@code bytes} more of part {@code partNumber} moved ({@code partNumber} 0 for a transfer sent in
   * one request). When a part is sent again, its bytes are reported again.
   *
   * @param partNumber the part, from 1; 0 for a transfer sent in one request
   * @param bytes how many bytes moved since the last call for this part
   * @param total the transfer's progress after these bytes
   */
  default void onPartBytes(int partNumber, long bytes, TransferProgress total) {}

  /**
   * Part {@code partNumber} of {@code size} bytes finished and was verified.
   *
   * @param partNumber the part, from 1; 0 for a transfer sent in one request
   * @param size the part's size in bytes
   * @param total the transfer's progress with this part counted
   */
  default void onPartCompleted(int partNumber, long size, TransferProgress total) {}
}
