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
 */
public record ObjectInfo(
    BucketKey object,
    long contentLength,
    String eTag,
    Instant lastModified,
    ObjectMetadata metadata,
    String contentRange,
    String versionId) {}
