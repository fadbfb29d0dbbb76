package io.s3wire.server;

import java.time.Instant;

/**
 * An uploaded part of a multipart upload: number, quoted ETag (MD5), size, upload time and CRC32C.
 *
 * @param checksumCrc32c the CRC32C of the part's bytes (base64 of its four big-endian bytes), or
 *     {@code null} when the store kept none
 */
public record PartInfo(int partNumber, String etag, long size, Instant lastModified, String checksumCrc32c) {
  /** A part without a checksum. */
  public PartInfo(int partNumber, String etag, long size, Instant lastModified) {
    this(partNumber, etag, size, lastModified, null);
  }
}
