package io.s3wire.server;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored object's description: key, size, ETag (quoted, as S3 sends it), last-modified time
 * (second precision, as HTTP dates carry it), attributes and checksum.
 *
 * @param checksum the checksum the object keeps, or {@code null} when the store kept none (e.g.
 *     objects a file store wrote before it kept checksums)
 * @param versionId the object's version id in a bucket that has versioning configured ({@code "null"}
 *     for its null version), or {@code null} in a bucket that never had
 */
public record StoredObject(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes,
    ObjectChecksum checksum, String versionId) {
  /**
   * Checks that key, ETag, time and attributes are given.
   *
   * @param key the object's key
   * @param size its length in bytes
   * @param etag its ETag, quoted
   * @param lastModified when it was stored, to the second
   * @param attributes its headers, metadata, tags, encryption and ACL
   * @param checksum its checksum, or {@code null}
   * @param versionId its version id, or {@code null}
   * @throws NullPointerException when key, ETag, time or attributes is {@code null}
   */
  public StoredObject {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(attributes, "attributes");
  }

  /**
   * An object without a version id.
   *
   * @param key the object's key
   * @param size its length in bytes
   * @param etag its ETag, quoted
   * @param lastModified when it was stored, to the second
   * @param attributes its headers, metadata, tags, encryption and ACL
   * @param checksum its checksum, or {@code null}
   */
  public StoredObject(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes,
      ObjectChecksum checksum) {
    this(key, size, etag, lastModified, attributes, checksum, null);
  }

  /**
   * This description with another version id.
   *
   * @param id the version id ({@code null}: none)
   * @return the changed description
   */
  public StoredObject withVersionId(String id) {
    return new StoredObject(key, size, etag, lastModified, attributes, checksum, id);
  }

  /**
   * This description with other attributes; size, ETag, time, checksum and version id stay.
   *
   * @param changed the new attributes
   * @return the changed description
   */
  public StoredObject withAttributes(ObjectAttributes changed) {
    return new StoredObject(key, size, etag, lastModified, changed, checksum, versionId);
  }

  /**
   * An object without a checksum or version id.
   *
   * @param key the object's key
   * @param size its length in bytes
   * @param etag its ETag, quoted
   * @param lastModified when it was stored, to the second
   * @param attributes its headers, metadata, tags, encryption and ACL
   */
  public StoredObject(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes) {
    this(key, size, etag, lastModified, attributes, null);
  }
}
