package io.s3wire;

import java.util.Objects;

/**
 * A HEAD of an object: its metadata without its bytes.
 *
 * @param object the object
 * @param conditions preconditions ({@link Conditions#NONE}: none)
 * @param versionId the version to look at ({@code versionId}), or {@code null} for the current one
 * @param customerKey the SSE-C key the object was written with, or {@code null}
 * @param withChecksums whether to ask for the stored checksums ({@code x-amz-checksum-mode: ENABLED};
 *     not sent to providers without flexible checksums)
 * @param options extra headers and query parameters, and a listener for this call
 */
public record HeadObjectRequest(
    BucketKey object, Conditions conditions, String versionId, CustomerKey customerKey, boolean withChecksums,
    CallOptions options) {

  /**
   * Fills in defaults; {@code object} is required.
   * @param object the object
   * @param conditions the conditions
   * @param versionId the version id
   * @param customerKey the SSE-C key the object was written with, or {@code null}
   * @param withChecksums whether to ask for the stored checksums
   * @param options extra headers and query parameters, and a listener for this call
   */
  public HeadObjectRequest {
    Objects.requireNonNull(object, "object");
    conditions = conditions == null ? Conditions.NONE : conditions;
    versionId = VersionIds.check(versionId);
    options = options == null ? CallOptions.NONE : options;
  }

  /**
   * A HEAD of the current version of {@code object}.
   *
   * @param object the object
   * @return the head object request
   */
  public static HeadObjectRequest of(BucketKey object) {
    return new HeadObjectRequest(object, Conditions.NONE, null, null, false, CallOptions.NONE);
  }

  /**
   * This request under preconditions.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public HeadObjectRequest withConditions(Conditions v) {
    return new HeadObjectRequest(object, v, versionId, customerKey, withChecksums, options);
  }

  /**
   * This request for one version.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public HeadObjectRequest withVersionId(String v) {
    return new HeadObjectRequest(object, conditions, v, customerKey, withChecksums, options);
  }

  /**
   * This request for an object written with an SSE-C key.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public HeadObjectRequest withCustomerKey(CustomerKey v) {
    return new HeadObjectRequest(object, conditions, versionId, v, withChecksums, options);
  }

  /**
   * This request asking for the stored checksums, or not.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public HeadObjectRequest withChecksums(boolean v) {
    return new HeadObjectRequest(object, conditions, versionId, customerKey, v, options);
  }

  /**
   * This request with extras and a listener.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public HeadObjectRequest withOptions(CallOptions v) {
    return new HeadObjectRequest(object, conditions, versionId, customerKey, withChecksums, v);
  }
}
