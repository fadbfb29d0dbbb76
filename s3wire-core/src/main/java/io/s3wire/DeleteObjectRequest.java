package io.s3wire;

import java.util.Objects;

/**
 * A delete of an object, or of one of its versions.
 *
 * @param object the object
 * @param versionId the version to delete for good ({@code versionId}), or {@code null}: in a
 *     versioned bucket a delete marker is written instead
 * @param options extra headers and query parameters, and a listener for this call
 */
public record DeleteObjectRequest(BucketKey object, String versionId, CallOptions options) {
  /**
   * Fills in defaults; {@code object} is required.
   * @param object the object
   * @param versionId the version id
   * @param options extra headers and query parameters, and a listener for this call
   */
  public DeleteObjectRequest {
    Objects.requireNonNull(object, "object");
    versionId = VersionIds.check(versionId);
    options = options == null ? CallOptions.NONE : options;
  }

  /**
   * A delete of {@code object} (its current version).
   *
   * @param object the object
   * @return the delete object request
   */
  public static DeleteObjectRequest of(BucketKey object) {
    return new DeleteObjectRequest(object, null, CallOptions.NONE);
  }

  /**
   * This request for one version.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public DeleteObjectRequest withVersionId(String v) {
    return new DeleteObjectRequest(object, v, options);
  }

  /**
   * This request with extras and a listener.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public DeleteObjectRequest withOptions(CallOptions v) {
    return new DeleteObjectRequest(object, versionId, v);
  }
}
