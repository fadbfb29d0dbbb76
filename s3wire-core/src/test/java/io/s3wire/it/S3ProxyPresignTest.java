package io.s3wire.it;

import org.junit.jupiter.api.extension.ExtendWith;

/** The presigner against s3proxy. */
@ExtendWith(S3ProxyExtension.class)
class S3ProxyPresignTest extends PresignContract {
  private final S3ProxyPeer peer;

  S3ProxyPresignTest(S3ProxyPeer peer) {
    this.peer = peer;
  }

  @Override
  protected S3Target target() {
    return S3ProxyTargets.of(peer);
  }
}
