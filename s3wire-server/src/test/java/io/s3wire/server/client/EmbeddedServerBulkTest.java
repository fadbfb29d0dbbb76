package io.s3wire.server.client;

import io.s3wire.it.S3ClientBulkContract;
import io.s3wire.it.S3Target;
import io.s3wire.server.S3Server;
import org.junit.jupiter.api.AfterAll;

/** The bulk client suite against the embedded server. */
class EmbeddedServerBulkTest extends S3ClientBulkContract {
  private final S3Server server;

  EmbeddedServerBulkTest() throws Exception {
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
