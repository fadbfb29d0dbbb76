package io.s3wire.it;

import io.s3wire.S3ClientBuilder;

/**
 * An S3 server the client suite runs against: where it is, the credentials it accepts, and the
 * builder options its capabilities need.
 */
public interface S3Target {
  String endpoint();

  String accessKey();

  String secretKey();

  /** Adds what this server needs (capability overrides) to a builder that has endpoint and credentials. */
  default S3ClientBuilder configure(S3ClientBuilder builder) {
    return builder;
  }
}
