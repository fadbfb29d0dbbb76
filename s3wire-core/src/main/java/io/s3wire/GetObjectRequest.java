package io.s3wire;

import java.util.Objects;

/**
 * A read of an object, whole or a byte range, under optional preconditions.
 *
 * @param object the object
 * @param range the bytes to read, or {@code null} for all of them
 * @param conditions preconditions ({@link Conditions#NONE}: none)
 * @param versionId the version to read ({@code versionId}), or {@code null} for the current one
 * @param customerKey the SSE-C key the object was written with, or {@code null}
 * @param options extra headers and query parameters, and a listener for this call
 */
public record GetObjectRequest(
    BucketKey object, Range range, Conditions conditions, String versionId, CustomerKey customerKey,
    CallOptions options) {

  /**
   * Fills in defaults; {@code object} is required.
   * @param object the object
   * @param range the range
   * @param conditions the conditions
   * @param versionId the version id
   * @param customerKey the SSE-C key the object was written with, or {@code null}
   * @param options extra headers and query parameters, and a listener for this call
   */
  public GetObjectRequest {
    Objects.requireNonNull(object, "object");
    conditions = conditions == null ? Conditions.NONE : conditions;
    versionId = VersionIds.check(versionId);
    options = options == null ? CallOptions.NONE : options;
  }

  /**
   * A read of {@code range} under {@code conditions} (the form before versions and keys).
   *
   * @param object the object
   * @param range the range
   * @param conditions the conditions
   */
  public GetObjectRequest(BucketKey object, Range range, Conditions conditions) {
    this(object, range, conditions, null, null, CallOptions.NONE);
  }

  /**
   * A read of the whole current version of {@code object}.
   *
   * @param object the object
   * @return the get object request
   */
  public static GetObjectRequest of(BucketKey object) {
    return new GetObjectRequest(object, null, Conditions.NONE);
  }

  /**
   * This request for a byte range ({@code null}: all).
   *
   * @param r the range
   * @return a copy with that change
   */
  public GetObjectRequest withRange(Range r) {
    return new GetObjectRequest(object, r, conditions, versionId, customerKey, options);
  }

  /**
   * This request under preconditions.
   *
   * @param c the preconditions
   * @return a copy with that change
   */
  public GetObjectRequest withConditions(Conditions c) {
    return new GetObjectRequest(object, range, c, versionId, customerKey, options);
  }

  /**
   * This request for one version.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public GetObjectRequest withVersionId(String v) {
    return new GetObjectRequest(object, range, conditions, v, customerKey, options);
  }

  /**
   * This request for an object written with an SSE-C key.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public GetObjectRequest withCustomerKey(CustomerKey v) {
    return new GetObjectRequest(object, range, conditions, versionId, v, options);
  }

  /**
   * This request with extras and a listener.
   *
   * @param v the new value
   * @return a copy with that change
   */
  public GetObjectRequest withOptions(CallOptions v) {
    return new GetObjectRequest(object, range, conditions, versionId, customerKey, v);
  }
}
