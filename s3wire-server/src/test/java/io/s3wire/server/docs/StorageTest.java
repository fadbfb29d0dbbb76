package io.s3wire.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.server.S3Server;
import io.s3wire.server.S3ServerExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testing snippet of docs/library.md: a user's own test class, as shown there. */
@Timeout(60)
// snippet:testing
@ExtendWith(S3ServerExtension.class)
class StorageTest {
  @Test
  void storesAndReads(S3Client client, S3Server server) {
    client.createBucket("test-bucket");
    client.putObject(BucketKey.of("test-bucket", "k"), "v".getBytes(StandardCharsets.UTF_8));
    assertThat(client.getObjectBytes(BucketKey.of("test-bucket", "k")).asUtf8()).isEqualTo("v");
    assertThat(server.requestCounts()).isNotEmpty();
  }
}
// end:testing
