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

  /** What the server accepts; default the generic profile. */
  default io.s3wire.provider.ProviderProfile profile() {
    return io.s3wire.provider.ProviderProfiles.generic();
  }

  /** The PEM file that vouches for the server's TLS certificate when no system CA does; {@code null} for none. */
  default java.nio.file.Path trustedCertificate() {
    return null;
  }

  /** Adds what this server needs (capability overrides) to a builder that has endpoint and credentials. */
  default S3ClientBuilder configure(S3ClientBuilder builder) {
    return builder;
  }
}
