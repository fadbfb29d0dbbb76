package io.s3wire.server.client;

import io.s3wire.it.PresignContract;
import io.s3wire.it.S3Target;
import io.s3wire.server.S3Server;
import org.junit.jupiter.api.AfterAll;

/** The presigner against the embedded server. */
class EmbeddedServerPresignTest extends PresignContract {
  private final S3Server server;

  EmbeddedServerPresignTest() throws Exception {
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
