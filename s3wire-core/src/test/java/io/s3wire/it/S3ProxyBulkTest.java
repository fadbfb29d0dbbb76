package io.s3wire.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk half of the client suite against s3proxy. */
@ExtendWith(S3ProxyExtension.class)
class S3ProxyBulkTest extends S3ClientBulkContract {
  private final S3ProxyPeer peer;

  S3ProxyBulkTest(S3ProxyPeer peer) {
    this.peer = peer;
  }

  @Override
  protected S3Target target() {
    return S3ProxyTargets.of(peer);
  }
}
