package io.s3wire.server;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored object's description: key, size, ETag (quoted, as S3 sends it), last-modified time
 * (second precision, as HTTP dates carry it), attributes and checksum.
 *
 * @param checksum the checksum the object keeps, or {@code null} when the store kept none (e.g.
 *     objects a file store wrote before it kept checksums)
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes,
    ObjectChecksum checksum) {
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(attributes, "attributes");
  }

  /** An object without a checksum. */
  public ObjectInfo(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes) {
    this(key, size, etag, lastModified, attributes, null);
  }
}
