package io.s3wire;

/**
 * The outcome of a delete, as far as the server said.
 *
 * @param object the object
 * @param versionId the version deleted, or the delete marker written ({@code x-amz-version-id}), or
 *     {@code null} when the bucket is not versioned
 * @param deleteMarker whether the delete wrote or removed a delete marker ({@code x-amz-delete-marker})
 */
public record DeleteObjectResult(BucketKey object, String versionId, boolean deleteMarker) {}
