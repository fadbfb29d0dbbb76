package io.s3wire.rgw;

import io.s3wire.it.S3ClientContract;
import io.s3wire.it.S3Target;
import org.junit.jupiter.api.Tag;

/** The client suite against Ceph RGW 16.2 on its own plain-HTTP front end (Beast, HTTP/1.1). */
@Tag("rgw")
class RgwClientTest extends S3ClientContract {
  @Override
  protected S3Target target() {
    return RgwCluster.get().plainTarget();
  }
}
