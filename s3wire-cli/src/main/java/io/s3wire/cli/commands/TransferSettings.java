package io.s3wire.cli.commands;

import io.s3wire.transfer.TransferChecksum;
import io.s3wire.transfer.TransferConfig;

/**
 * How a command's transfers are split, paced and checked, from {@code --part-size}, {@code
 * --concurrency}, {@code --checksum-algorithm} and {@code --resume}.
 *
 * @param partSize bytes per upload part and download range; {@code 0} chooses from each object's size
 * @param concurrency parts in flight per transfer
 * @param checksum how each transfer is verified
 * @param resume whether file uploads keep a state file next to the file, and their multipart upload
 *     when stopped or failed, and continue from them
 */
record TransferSettings(long partSize, int concurrency, TransferChecksum checksum, boolean resume) {
  static final TransferSettings DEFAULTS =
      new TransferSettings(0, TransferConfig.defaults().maxConcurrency(), TransferChecksum.AUTO, false);

  /** The transfer manager's configuration for uploads and downloads. */
  TransferConfig config() {
    return TransferConfig.defaults().withPartSize(partSize).withMaxConcurrency(concurrency).withChecksum(checksum);
  }
}
