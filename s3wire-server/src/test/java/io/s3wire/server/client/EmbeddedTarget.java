package io.s3wire.server.client;

import io.s3wire.it.S3Target;
import io.s3wire.server.S3Server;

/** The embedded server as a target of the client suites: where it listens and the keys it accepts. */
final class EmbeddedTarget {
  private EmbeddedTarget() {}

  /** A started server with fixed keys, for one suite class. */
  static S3Server start() throws Exception {
    return S3Server.builder().credentials("AKIDEMBEDDED", "embedded-secret").build().start();
  }

  static S3Target of(S3Server server) {
    return new S3Target() {
      @Override public String endpoint() { return server.endpoint().toString(); }
      @Override public String accessKey() { return server.accessKey(); }
      @Override public String secretKey() { return server.secretKey(); }
    };
  }
}
