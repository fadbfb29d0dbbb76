package io.s3wire;

import io.s3wire.internal.Validation;

/**
 * A part the server accepted, as CompleteMultipartUpload needs it.
 *
 * @param partNumber 1..10,000
 * @param eTag the part's entity tag without quotes
 * @param size the part's length in bytes, or {@code -1} if not known; when known, every part but
 *     the last must be at least 5 MiB, and completing checks it before anything is sent
 * @param checksumCrc32c the part's CRC32C in S3's base64 form when it was sent with one, else {@code null}
 */
public record CompletedPart(int partNumber, String eTag, long size, String checksumCrc32c) {
  /** A part without a checksum. */
  public CompletedPart(int partNumber, String eTag, long size) {
    this(partNumber, eTag, size, null);
  }

  public CompletedPart {
    Validation.partNumber(partNumber);
    if (eTag == null || eTag.isEmpty()) {
      throw new io.s3wire.error.ClientException("part " + partNumber, "ETag must not be empty");
    }
  }
}
