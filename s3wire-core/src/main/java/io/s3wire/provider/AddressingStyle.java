package io.s3wire.provider;

/** Where the bucket name goes in a request's URL. */
public enum AddressingStyle {
  /** {@code https://endpoint/bucket/key}. */
  PATH,
  /** {@code https://bucket.endpoint/key}. */
  VIRTUAL,
  /** Virtual-hosted when the bucket name is a valid DNS label without dots (TLS wildcard certificates), else path. */
  AUTO
}
