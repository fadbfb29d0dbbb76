package io.s3wire.xml;

/**
 * The answer to CompleteMultipartUpload. S3 may answer status 200 with an {@code <Error>} body
 * instead; the reader then throws {@link ErrorBodyException}.
 *
 * @param eTag the object's ETag, quotes included (for a multipart object not an MD5)
 * @param checksumCrc32c the object's CRC32C (base64) when the upload carried that checksum, else
 *     {@code null}
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} with a checksum, else {@code null}
 */
public record CompleteMultipartUploadResult(
    String location, String bucket, String key, String eTag, String checksumCrc32c, String checksumType) {
  /** A result without a checksum. */
  public CompleteMultipartUploadResult(String location, String bucket, String key, String eTag) {
    this(location, bucket, key, eTag, null, null);
  }
}
