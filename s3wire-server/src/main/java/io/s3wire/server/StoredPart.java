package io.s3wire.server;

import java.time.Instant;

/**
 * An uploaded part of a multipart upload: number, quoted ETag (MD5), size, upload time and checksum.
 *
 * @param checksum the FULL_OBJECT checksum of the part's bytes, or {@code null} when the store kept none
 */
public record StoredPart(int partNumber, String etag, long size, Instant lastModified, ObjectChecksum checksum) {
  /** A part without a checksum. */
  public StoredPart(int partNumber, String etag, long size, Instant lastModified) {
    this(partNumber, etag, size, lastModified, null);
  }
}
