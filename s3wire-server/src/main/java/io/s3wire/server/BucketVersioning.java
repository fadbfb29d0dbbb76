package io.s3wire.server;

/**
 * A bucket's versioning state, as S3 knows it: never configured, enabled, or suspended. A bucket
 * that was once versioned never returns to {@link #UNVERSIONED}.
 */
public enum BucketVersioning {
  /** Never configured: a PUT replaces the object, a DELETE removes it, no version ids are reported. */
  UNVERSIONED,
  /** Every PUT adds a version with a fresh id; a DELETE without version id adds a delete marker. */
  ENABLED,
  /** A PUT or DELETE replaces the version whose id is {@code null}; older versions stay. */
  SUSPENDED
}
