package io.s3wire.cli.commands;

import io.s3wire.transfer.TransferChecksum;
import io.s3wire.transfer.TransferConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options {@code cp}, {@code mv} and {@code sync} share for how each transfer runs. */
public final class TransferOptions {
  @Option(names = "--part-size", paramLabel = "SIZE",
      description = "Bytes per upload part and per download range, 5MiB to 5GiB (default: from the object's size,"
          + " at least 8MiB, at most 10,000 parts). E.g. 64MiB.")
  String partSize;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Parts in flight per transfer, 1 to " + TransferConfig.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
  int concurrency = TransferSettings.DEFAULTS.concurrency();

  @Option(names = "--checksum-algorithm", paramLabel = "auto|md5|crc32|crc32c|crc64nvme|sha1|sha256",
      description = "How every transfer is checked: a flexible checksum (x-amz-checksum-<algorithm> for each part"
          + " and the whole object: full-object for crc32, crc32c and crc64nvme, composite for sha1 and sha256),"
          + " md5 (Content-MD5 and ETags), or auto (crc32c where the provider takes it, else md5; the default).")
  String checksumAlgorithm;

  @Option(names = "--resume",
      description = "Make uploads of files resumable: each keeps a state file (FILE.s3wire-upload, next to the file;"
          + " no credentials in it) and, when stopped or failed, its multipart upload. The same command with --resume"
          + " then sends only the missing parts.")
  boolean resume;

  /**
   * The settings these options give for a command copying from {@code source} (written as {@code
   * sourceText}); a value out of range, or --resume for anything but local files, is an {@link
   * IllegalArgumentException} naming it.
   */
  TransferSettings settings(Location source, String sourceText) {
    if (resume && !(source instanceof Location.Local)) {
      throw new IllegalArgumentException("--resume resumes uploads of files: the source must be a file or directory, not "
          + sourceText);
    }
    long part = 0;
    if (partSize != null) {
      try {
        part = Format.parseSize(partSize);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--part-size: " + e.getMessage());
      }
      if (part < TransferConfig.MIN_PART_SIZE || part > TransferConfig.MAX_PART_SIZE) {
        throw new IllegalArgumentException("--part-size must be 5MiB to 5GiB, not " + partSize);
      }
    }
    if (concurrency < 1 || concurrency > TransferConfig.MAX_CONCURRENCY) {
      throw new IllegalArgumentException("--concurrency must be 1 to " + TransferConfig.MAX_CONCURRENCY + ", not " + concurrency);
    }
    TransferChecksum checksum = TransferChecksum.AUTO;
    if (checksumAlgorithm != null) {
      try {
        checksum = TransferChecksum.valueOf(checksumAlgorithm.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--checksum-algorithm takes auto, md5, crc32, crc32c, crc64nvme, sha1 or"
            + " sha256, not '" + checksumAlgorithm + "'");
      }
    }
    return new TransferSettings(part, concurrency, checksum, resume);
  }
}
