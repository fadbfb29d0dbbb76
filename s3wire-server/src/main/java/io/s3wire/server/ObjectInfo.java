package io.s3wire.server;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored object's description: key, size, ETag (quoted, as S3 sends it), last-modified time
 * (second precision, as HTTP dates carry it) and attributes.
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes) {
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(attributes, "attributes");
  }
}
