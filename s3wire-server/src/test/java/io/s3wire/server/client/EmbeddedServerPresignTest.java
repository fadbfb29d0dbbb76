package io.s3wire.server.client;

import io.s3wire.it.PresignContract;
import io.s3wire.it.S3Target;
import io.s3wire.server.S3Server;
import org.junit.jupiter.api.AfterAll;

/** The presigner against the embedded server. */
class EmbeddedServerPresignTest extends PresignContract {
  private final S3Server server;

  EmbeddedServerPresignTest() throws Exception {
    server = S3Server.builder().credentials("AKIDEMBEDDED", "embedded-secret").build().start();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Override
  protected S3Target target() {
    return new S3Target() {
      @Override public String endpoint() { return server.endpoint().toString(); }
      @Override public String accessKey() { return server.accessKey(); }
      @Override public String secretKey() { return server.secretKey(); }
    };
  }
}
