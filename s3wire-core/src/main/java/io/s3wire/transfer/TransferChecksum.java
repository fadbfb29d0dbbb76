package io.s3wire.transfer;

/**
 * How a transfer proves the bytes arrived intact.
 *
 * <p>MD5 is what every S3-compatible server understands (single-part ETags are MD5s), but it is
 * slow: about 0.5 GiB/s for one core, the largest cost of a fast transfer on a small machine. CRC32C
 * is an intrinsic of the JDK (many GiB/s) and pieces combine without being read again, so parts and
 * ranges are checked in parallel, and a part is sent straight from its file.
 */
public enum TransferChecksum {
  /** CRC32C where the provider profile accepts flexible checksums, else MD5. */
  AUTO,
  /**
   * Uploads: each part's MD5 (as {@code Content-MD5} or computed while sending) checked against its
   * ETag, and the multipart ETag against the MD5 of the parts' MD5s. Downloads: a plain-MD5 ETag
   * against the MD5 of the file.
   */
  MD5,
  /**
   * Uploads: each part's CRC32C in {@code x-amz-checksum-crc32c} (the server refuses a mismatch) and a
   * full-object CRC32C on completion, which the server checks and answers. Downloads: the stored
   * full-object CRC32C ({@code x-amz-checksum-mode}) against the ranges' CRC32Cs combined; objects
   * without one fall back to their MD5 ETag.
   */
  CRC32C
}
