package io.s3wire.server;

import java.time.Instant;

/**
 * An uploaded part of a multipart upload: number, quoted ETag (MD5), size, upload time and checksum.
 *
 * @param checksum the FULL_OBJECT checksum of the part's bytes, or {@code null} when the store kept none
 */
public record StoredPart(int partNumber, String etag, long size, Instant lastModified, ObjectChecksum checksum) {
  /**
   * A part without a checksum.
   *
   * @param partNumber the part's number, 1 to 10,000
   * @param etag the part's ETag, quoted: the hex MD5 of its bytes
   * @param size the part's length in bytes
   * @param lastModified when the part was uploaded
   */
  public StoredPart(int partNumber, String etag, long size, Instant lastModified) {
    this(partNumber, etag, size, lastModified, null);
  }
}
