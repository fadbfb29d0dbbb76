package io.s3wire.rgw;

import io.s3wire.it.S3ClientContract;
import io.s3wire.it.S3Target;
import org.junit.jupiter.api.Tag;

/** The client suite against Ceph RGW 16.2 through nginx: TLS, HTTP/2 only. */
@Tag("rgw")
class RgwTlsClientTest extends S3ClientContract {
  @Override
  protected S3Target target() {
    return RgwCluster.get().tlsTarget();
  }
}
