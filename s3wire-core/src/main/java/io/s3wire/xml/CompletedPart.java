package io.s3wire.xml;

/**
 * One {@code <Part>} of a CompleteMultipartUpload request.
 *
 * @param eTag the part's ETag as UploadPart returned it, quotes included
 * @param checksumCrc32c the part's CRC32C (base64 of its four big-endian bytes) when the upload was
 *     created with that checksum algorithm, else {@code null}
 */
public record CompletedPart(int partNumber, String eTag, String checksumCrc32c) {
  /** A part without a checksum. */
  public CompletedPart(int partNumber, String eTag) {
    this(partNumber, eTag, null);
  }
}
