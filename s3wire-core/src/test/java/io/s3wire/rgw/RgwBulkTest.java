package io.s3wire.rgw;

import io.s3wire.it.S3ClientBulkContract;
import io.s3wire.it.S3Target;
import org.junit.jupiter.api.Tag;

/** The bulk half of the client suite against Ceph RGW 16.2 on plain HTTP/1.1. */
@Tag("rgw")
class RgwBulkTest extends S3ClientBulkContract {
  @Override
  protected S3Target target() {
    return RgwCluster.get().plainTarget();
  }
}
