package io.s3wire;

import java.time.Instant;

/**
 * What the server says about a stored object (HEAD, or the head of a GET).
 *
 * @param contentLength the length of the whole object, or of the returned range for a ranged GET
 * @param eTag the entity tag without surrounding quotes
 * @param lastModified when the object was last written, or {@code null} if the server did not say
 * @param contentRange the {@code Content-Range} of a ranged GET, or {@code null}
 * @param versionId the version id, or {@code null} when the bucket is not versioned
 * @param checksums the stored checksums the server returned ({@code x-amz-checksum-*} headers), by
 *     algorithm in lower case ({@code crc32}, {@code crc32c}, {@code crc64nvme}, {@code sha1},
 *     {@code sha256}) to the base64 value as sent; empty when it returned none
 * @param encryption how the server says the object is encrypted: its
 *     {@code x-amz-server-side-encryption} ({@code AES256}, {@code aws:kms}, {@code aws:kms:dsse}),
 *     {@link #CUSTOMER_KEY} when it names a customer-provided key's algorithm, or {@code null}
 */
public record ObjectInfo(
    BucketKey object,
    long contentLength,
    String eTag,
    Instant lastModified,
    ObjectMetadata metadata,
    String contentRange,
    String versionId,
    java.util.Map<String, String> checksums,
    String encryption) {
  /** {@link #encryption()} of an object encrypted with a customer-provided key (SSE-C). */
  public static final String CUSTOMER_KEY = "SSE-C";

  public ObjectInfo {
    checksums = checksums == null ? java.util.Map.of() : java.util.Map.copyOf(checksums);
  }

  /** Without what the server said about encryption. */
  public ObjectInfo(BucketKey object, long contentLength, String eTag, Instant lastModified, ObjectMetadata metadata,
      String contentRange, String versionId, java.util.Map<String, String> checksums) {
    this(object, contentLength, eTag, lastModified, metadata, contentRange, versionId, checksums, null);
  }

  /**
   * Whether {@link #eTag()} is the MD5 of the object's bytes as far as the server's answer shows: 32
   * hex digits (not a multipart ETag) and not SSE-KMS or SSE-C, whose ETags S3 documents as not an
   * MD5 of the data.
   */
  public boolean eTagIsMd5() {
    boolean encryptedByKey = encryption != null
        && (encryption.toLowerCase(java.util.Locale.ROOT).startsWith("aws:kms") || encryption.equals(CUSTOMER_KEY));
    return eTag != null && eTag.length() == 32 && eTag.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        && !encryptedByKey;
  }

  /** Without checksums (the form before they were carried). */
  public ObjectInfo(BucketKey object, long contentLength, String eTag, Instant lastModified, ObjectMetadata metadata,
      String contentRange, String versionId) {
    this(object, contentLength, eTag, lastModified, metadata, contentRange, versionId, java.util.Map.of());
  }
}
