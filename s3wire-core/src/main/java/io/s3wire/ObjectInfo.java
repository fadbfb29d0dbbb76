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
 */
public record ObjectInfo(
    BucketKey object,
    long contentLength,
    String eTag,
    Instant lastModified,
    ObjectMetadata metadata,
    String contentRange,
    String versionId,
    java.util.Map<String, String> checksums) {
  public ObjectInfo {
    checksums = checksums == null ? java.util.Map.of() : java.util.Map.copyOf(checksums);
  }

  /** Without checksums (the form before they were carried). */
  public ObjectInfo(BucketKey object, long contentLength, String eTag, Instant lastModified, ObjectMetadata metadata,
      String contentRange, String versionId) {
    this(object, contentLength, eTag, lastModified, metadata, contentRange, versionId, java.util.Map.of());
  }
}
