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

  /** Fills in defaults; {@code object} is required. */
  public GetObjectRequest {
    Objects.requireNonNull(object, "object");
    conditions = conditions == null ? Conditions.NONE : conditions;
    versionId = VersionIds.check(versionId);
    options = options == null ? CallOptions.NONE : options;
  }

  /** A read of {@code range} under {@code conditions} (the form before versions and keys). */
  public GetObjectRequest(BucketKey object, Range range, Conditions conditions) {
    this(object, range, conditions, null, null, CallOptions.NONE);
  }

  /** A read of the whole current version of {@code object}. */
  public static GetObjectRequest of(BucketKey object) {
    return new GetObjectRequest(object, null, Conditions.NONE);
  }

  /** This request for a byte range ({@code null}: all). */
  public GetObjectRequest withRange(Range r) {
    return new GetObjectRequest(object, r, conditions, versionId, customerKey, options);
  }

  /** This request under preconditions. */
  public GetObjectRequest withConditions(Conditions c) {
    return new GetObjectRequest(object, range, c, versionId, customerKey, options);
  }

  /** This request for one version. */
  public GetObjectRequest withVersionId(String v) {
    return new GetObjectRequest(object, range, conditions, v, customerKey, options);
  }

  /** This request for an object written with an SSE-C key. */
  public GetObjectRequest withCustomerKey(CustomerKey v) {
    return new GetObjectRequest(object, range, conditions, versionId, v, options);
  }

  /** This request with extras and a listener. */
  public GetObjectRequest withOptions(CallOptions v) {
    return new GetObjectRequest(object, range, conditions, versionId, customerKey, v);
  }
}
