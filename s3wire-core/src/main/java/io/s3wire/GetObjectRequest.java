package io.s3wire;

import java.util.Objects;

/**
 * A read of an object, whole or a byte range, under optional preconditions.
 *
 * @param range the bytes to read, or {@code null} for all of them
 */
public record GetObjectRequest(BucketKey object, Range range, Conditions conditions) {
  public GetObjectRequest {
    Objects.requireNonNull(object, "object");
    conditions = conditions == null ? Conditions.NONE : conditions;
  }

  public static GetObjectRequest of(BucketKey object) {
    return new GetObjectRequest(object, null, Conditions.NONE);
  }

  public GetObjectRequest withRange(Range r) {
    return new GetObjectRequest(object, r, conditions);
  }

  public GetObjectRequest withConditions(Conditions c) {
    return new GetObjectRequest(object, range, c);
  }
}
