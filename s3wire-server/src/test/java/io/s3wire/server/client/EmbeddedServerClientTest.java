package io.s3wire.server.client;

import io.s3wire.it.S3ClientContract;
import io.s3wire.it.S3Target;
import io.s3wire.server.S3Server;
import org.junit.jupiter.api.AfterAll;

/** The client suite against the embedded server. */
class EmbeddedServerClientTest extends S3ClientContract {
  private final S3Server server;

  EmbeddedServerClientTest() throws Exception {
    server = EmbeddedTarget.start();
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Override
  protected S3Target target() {
    return EmbeddedTarget.of(server);
  }
}
