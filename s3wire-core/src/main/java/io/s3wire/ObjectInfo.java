package io.s3wire;

import java.time.Instant;

/**
 * What the server says about a stored object (HEAD, or the head of a GET).
 *
 * @param object the object this is about
 * @param contentLength the length of the whole object, or of the returned range for a ranged GET
 * @param eTag the entity tag without surrounding quotes
 * @param lastModified when the object was last written, or {@code null} if the server did not say
 * @param metadata the content type, cache control, storage class, content headers and user metadata
 *     the server returned
 * @param contentRange the {@code Content-Range} of a ranged GET, or {@code null}
 * @param versionId the version id, or {@code null} when the bucket is not versioned
 * @param checksums the stored checksums the server returned ({@code x-amz-checksum-*} headers), by
 *     algorithm in lower case ({@code crc32}, {@code crc32c}, {@code crc64nvme}, {@code sha1},
 *     {@code sha256}) to the base64 value as sent; empty when it returned none
 * @param encryption the server-managed encryption the server reported ({@code
 *     x-amz-server-side-encryption} and its KMS key id and bucket key), or {@code null}
 * @param customerKeyMd5 the base64 MD5 of the SSE-C key the object is encrypted with ({@code
 *     x-amz-server-side-encryption-customer-key-MD5}), or {@code null}
 * @param tagCount how many tags the object has ({@code x-amz-tagging-count}; 0 when not said)
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
    ServerSideEncryption encryption,
    String customerKeyMd5,
    int tagCount) {
  /**
   * Copies the checksums.
   *
   * @param object the object
   * @param contentLength the length
   * @param eTag the ETag
   * @param lastModified the modification time
   * @param metadata the metadata
   * @param contentRange the Content-Range
   * @param versionId the version id
   * @param checksums the checksums
   * @param encryption the server-managed encryption reported, or {@code null}
   * @param customerKeyMd5 the Base64 MD5 of the SSE-C key, or {@code null}
   * @param tagCount how many tags the object has
   */
  public ObjectInfo {
    checksums = checksums == null ? java.util.Map.of() : java.util.Map.copyOf(checksums);
  }

  /**
   * Without checksums (the form before they were carried).
   *
   * @param object the object
   * @param contentLength the length
   * @param eTag the ETag
   * @param lastModified the modification time
   * @param metadata the metadata
   * @param contentRange the Content-Range
   * @param versionId the version id
   */
  public ObjectInfo(BucketKey object, long contentLength, String eTag, Instant lastModified, ObjectMetadata metadata,
      String contentRange, String versionId) {
    this(object, contentLength, eTag, lastModified, metadata, contentRange, versionId, java.util.Map.of());
  }

  /**
   * Without encryption and tags (the form before they were carried).
   *
   * @param object the object
   * @param contentLength the length
   * @param eTag the ETag
   * @param lastModified the modification time
   * @param metadata the metadata
   * @param contentRange the Content-Range
   * @param versionId the version id
   * @param checksums the checksums
   */
  public ObjectInfo(BucketKey object, long contentLength, String eTag, Instant lastModified, ObjectMetadata metadata,
      String contentRange, String versionId, java.util.Map<String, String> checksums) {
    this(object, contentLength, eTag, lastModified, metadata, contentRange, versionId, checksums, null, null, 0);
  }

  /**
   * Whether {@link #eTag()} is the MD5 of the object's bytes as far as the server's answer shows: 32
   * hex digits (not a multipart ETag) and neither SSE-KMS nor SSE-C, whose ETags S3 documents as not
   * an MD5 of the data.
   *
   * @return whether comparing the ETag with an MD5 of the bytes checks them
   */
  public boolean eTagIsMd5() {
    boolean encryptedByKey = customerKeyMd5 != null
        || (encryption != null && encryption.algorithm().toLowerCase(java.util.Locale.ROOT).startsWith("aws:kms"));
    return eTag != null && eTag.length() == 32 && eTag.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        && !encryptedByKey;
  }
}
