package io.s3wire.xml;

import java.time.Instant;

/**
 * One {@code <Version>} or {@code <DeleteMarker>} entry of ListVersionsResult.
 *
 * @param deleteMarker {@code true} for a {@code <DeleteMarker>} (then eTag, size and storage class
 *     are not written)
 * @param versionId the version id; {@code null} is written as S3's {@code null} for unversioned
 *     buckets
 */
public record ObjectVersion(
    boolean deleteMarker,
    String key,
    String versionId,
    boolean latest,
    Instant lastModified,
    String eTag,
    long size,
    String storageClass,
    Owner owner) {}
