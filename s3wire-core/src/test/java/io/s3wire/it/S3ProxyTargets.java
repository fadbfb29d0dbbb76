package io.s3wire.it;

/** s3proxy as an {@link S3Target}: HTTP/1.1, every capability of the generic profile. */
final class S3ProxyTargets {
  private S3ProxyTargets() {}

  static S3Target of(S3ProxyPeer peer) {
    return new S3Target() {
      @Override
      public String endpoint() {
        return peer.endpoint();
      }

      @Override
      public String accessKey() {
        return S3ProxyPeer.ACCESS_KEY;
      }

      @Override
      public String secretKey() {
        return S3ProxyPeer.SECRET_KEY;
      }
    };
  }
}
