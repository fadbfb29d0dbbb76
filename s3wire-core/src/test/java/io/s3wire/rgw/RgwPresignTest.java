package io.s3wire.rgw;

import io.s3wire.it.PresignContract;
import io.s3wire.it.S3Target;
import org.junit.jupiter.api.Tag;

/** The presigner against Ceph RGW 16.2, plain HTTP. */
@Tag("rgw")
class RgwPresignTest extends PresignContract {
  @Override
  protected S3Target target() {
    return RgwCluster.get().plainTarget();
  }
}
