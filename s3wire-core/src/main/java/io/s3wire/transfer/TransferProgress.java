package io.s3wire.transfer;

import java.time.Duration;

/**
 * A snapshot of a transfer's progress.
 *
 * @param transferredBytes bytes sent or received so far (a retried part counts once)
 * @param totalBytes the transfer's size, or {@code -1} while it is not known (a stream)
 * @param completedParts parts finished
 * @param totalParts parts in all, or {@code -1} while not known
 * @param bytesPerSecond the average rate since the transfer started
 * @param eta the estimated time left, or {@code null} when it cannot be estimated
 */
public record TransferProgress(
    long transferredBytes, long totalBytes, int completedParts, int totalParts, double bytesPerSecond, Duration eta) {

  /**
   * The fraction of bytes done, for a progress bar.
   *
   * @return a value in [0, 1] (1 for an empty transfer), or {@code -1} when the total is not known
   */
  public double fraction() {
    if (totalBytes < 0) {
      return -1;
    }
    return totalBytes == 0 ? 1 : Math.min(1.0, (double) transferredBytes / totalBytes);
  }
}
