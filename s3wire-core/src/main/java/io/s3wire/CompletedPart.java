package io.s3wire;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.internal.Validation;

/**
 * A part the server accepted, as CompleteMultipartUpload needs it.
 *
 * @param partNumber 1..10,000
 * @param eTag the part's entity tag without quotes
 * @param size the part's length in bytes, or {@code -1} if not known; when known, every part but
 *     the last must be at least 5 MiB, and completing checks it before anything is sent
 * @param checksumAlgorithm the algorithm of {@code checksum}, or {@code null}
 * @param checksum the part's checksum in S3's base64 form when it was sent with one, else {@code null}
 */
public record CompletedPart(int partNumber, String eTag, long size, ChecksumAlgorithm checksumAlgorithm,
    String checksum) {
  /**
   * A part without a checksum.
   *
   * @param partNumber the part's number, 1 to 10,000
   * @param eTag the part's entity tag as the server answered it
   * @param size the part's length in bytes, or {@code -1} if not known
   */
  public CompletedPart(int partNumber, String eTag, long size) {
    this(partNumber, eTag, size, null, null);
  }

  /**
   * Checks the part, so a completion that would be refused fails before anything is sent.
   *
   * @param partNumber the part's number, 1 to 10,000
   * @param eTag the part's entity tag, not empty
   * @param size the part's length in bytes, or {@code -1}
   * @param checksumAlgorithm the checksum's algorithm, or {@code null} without a checksum
   * @param checksum the checksum, or {@code null}; given exactly when {@code checksumAlgorithm} is
   * @throws io.s3wire.error.ClientException naming the part when one of these rules is broken
   */
  public CompletedPart {
    Validation.partNumber(partNumber);
    if (eTag == null || eTag.isEmpty()) {
      throw new io.s3wire.error.ClientException("part " + partNumber, "ETag must not be empty");
    }
    if ((checksumAlgorithm == null) != (checksum == null)) {
      throw new io.s3wire.error.ClientException("part " + partNumber, "a checksum needs its algorithm, and only it");
    }
  }
}
