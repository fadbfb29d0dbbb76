package io.s3wire.server;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored object's description: key, size, ETag (quoted, as S3 sends it), last-modified time
 * (second precision, as HTTP dates carry it), attributes and CRC32C.
 *
 * @param checksumCrc32c the object's CRC32C as S3 writes it (base64 of the four big-endian bytes;
 *     for a {@link ChecksumType#COMPOSITE} one followed by {@code -N}), or {@code null} when the
 *     store kept none (e.g. objects a file store wrote before it kept checksums)
 * @param checksumType what {@code checksumCrc32c} covers; {@code null} exactly when it is {@code null}
 */
public record ObjectInfo(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes,
    String checksumCrc32c, ChecksumType checksumType) {
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(attributes, "attributes");
    if ((checksumCrc32c == null) != (checksumType == null)) {
      throw new IllegalArgumentException("checksumCrc32c and checksumType go together, got " + checksumCrc32c
          + " and " + checksumType);
    }
  }

  /** An object without a checksum. */
  public ObjectInfo(String key, long size, String etag, Instant lastModified, ObjectAttributes attributes) {
    this(key, size, etag, lastModified, attributes, null, null);
  }
}
