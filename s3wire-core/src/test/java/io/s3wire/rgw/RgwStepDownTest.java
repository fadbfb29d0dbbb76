package io.s3wire.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.PutObjectResult;
import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.it.S3Target;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import io.s3wire.wire.WireEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, finding 5, against the real thing: a client configured for Amazon S3 ({@code aws}
 * profile: trailing checksums over TLS, CRC32C everywhere) uploads to Ceph RGW 16.2. Over TLS RGW
 * refuses the unsigned trailer (400 XAmzContentSHA256Mismatch): the part steps down and the upload
 * succeeds; on both fronts RGW ignores the CRC32C, which the client reports along with what checked
 * the bytes instead.
 */
@Tag("rgw")
@Timeout(180)
class RgwStepDownTest {
  private static final int MIB = 1024 * 1024;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @TempDir Path temp;

  enum Front {
    PLAIN, TLS;

    S3Target target() {
      return this == PLAIN ? RgwCluster.get().plainTarget() : RgwCluster.get().tlsTarget();
    }
  }

  private static S3Client awsClient(Front front, List<WireEvent> events) {
    S3Target t = front.target();
    return t.configure(S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of("target", "no-aws-home")))
        .endpoint(t.endpoint())
        .region(RgwCluster.get().region())
        .credentials(t.accessKey(), t.secretKey())
        .provider(ProviderProfiles.aws())
        .listener(events::add)).build();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  void anAwsConfiguredUploadStepsDownAndSaysTheChecksumWasIgnored(Front front) throws Exception {
    byte[] data = new byte[17 * MIB + 5];
    new Random(17).nextBytes(data);
    Path source = Files.write(temp.resolve("source.bin"), data);
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    TransferConfig config = TransferConfig.defaults().withMultipartThreshold(5L * MIB).withPartSize(6L * MIB)
        .withMaxConcurrency(1);
    try (S3Client client = awsClient(front, events); TransferManager manager = TransferManager.create(client.async(), config)) {
      String bucket = "s3w-stepdown-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
      client.createBucket(bucket);
      BucketKey key = BucketKey.of(bucket, "stepped.bin");
      PutObjectResult put = manager.uploadFile(key, source, UploadOptions.DEFAULTS).join();
      assertThat(put.parts()).isEqualTo(3);
      assertThat(sha256(client.getObjectBytes(key).bytes())).isEqualTo(sha256(data));

      List<WireEvent.UploadStepDown> steps = events.stream().filter(e -> e instanceof WireEvent.UploadStepDown)
          .map(e -> (WireEvent.UploadStepDown) e).toList();
      List<WireEvent.ChecksumUnconfirmed> unconfirmed = events.stream()
          .filter(e -> e instanceof WireEvent.ChecksumUnconfirmed).map(e -> (WireEvent.ChecksumUnconfirmed) e).toList();
      String subject = "part 1 of s3://" + bucket + "/stepped.bin";
      if (front == Front.TLS) {
        assertThat(steps).map(s -> s.subject() + ": " + s.from() + " -> " + s.to()).containsExactly(
            subject + ": aws-chunked with a trailing checksum -> the checksum in a header",
            subject + ": the checksum in a header -> Content-MD5 only");
        assertThat(steps.get(0).reason()).startsWith("400 XAmzContentSHA256Mismatch to an upload that signed no payload"
            + " hash (STREAMING-UNSIGNED-PAYLOAD-TRAILER)");
      } else {
        assertThat(steps).map(s -> s.subject() + ": " + s.from() + " -> " + s.to()).containsExactly(
            subject + ": the checksum in a header -> Content-MD5 only");
      }
      assertThat(unconfirmed).map(u -> u.operation() + " " + u.algorithm() + " " + u.checkedBy()).containsExactly(
          "UploadPart CRC32C comparing the part's ETag with the MD5 of its bytes",
          "CompleteMultipartUpload CRC32C the parts' own checks (the transfer engine also compares the object's ETag"
              + " with the MD5 of the parts' MD5s)");
      client.deleteObject(key);
      client.deleteBucket(bucket);
    }
  }
}
