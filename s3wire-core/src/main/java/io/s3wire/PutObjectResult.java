package io.s3wire;

/**
 * The outcome of writing an object (single PUT, or a completed multipart upload).
 *
 * @param object the object written
 * @param eTag the entity tag without quotes; for a single PUT it was checked against the MD5 of the
 *     bytes sent
 * @param versionId the version id, or {@code null}
 * @param parts how many parts were uploaded (0 for a single PUT)
 */
public record PutObjectResult(BucketKey object, String eTag, String versionId, int parts) {}
