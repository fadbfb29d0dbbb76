package io.s3wire.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The client suite against s3proxy (a child JVM, in-memory store, SigV4). */
@ExtendWith(S3ProxyExtension.class)
class S3ProxyClientTest extends S3ClientContract {
  private final S3ProxyPeer peer;

  S3ProxyClientTest(S3ProxyPeer peer) {
    this.peer = peer;
  }

  @Override
  protected S3Target target() {
    return S3ProxyTargets.of(peer);
  }
}
