package io.s3wire.server;

import static io.s3wire.server.FlexibleChecksumTest.bytes;
import static io.s3wire.server.FlexibleChecksumTest.crc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.checksum.Crc32c;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The AWS SDK v2 as a peer for CRC32C flexible checksums: it sends its checksum (in an aws-chunked
 * trailer, or a header when the caller gives the value) and, with checksum mode ENABLED, validates
 * the server's answer itself; plain HTTP and TLS take different SDK paths (signed and unsigned
 * trailers).
 */
@Timeout(120)
class SdkChecksumTest {
  static S3Server plain;
  static S3Server tls;

  @BeforeAll
  static void start() throws Exception {
    plain = Peers.onOneDigitDay().start();
    tls = Peers.onOneDigitDay().tls(true).start();
  }

  @AfterAll
  static void stop() {
    plain.close();
    tls.close();
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("plain", plain), Arguments.of("tls", tls));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void putAndGetWithCrc32c(String name, S3Server server) throws Exception {
    String bucket = "crc-put-" + name;
    try (S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket(bucket));
      byte[] data = bytes(300_000, 1);
      PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("k")
          .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(data));
      assertThat(put.checksumCRC32C()).isEqualTo(crc(data));
      assertThat(server.store().headObject(bucket, "k").checksum().value()).isEqualTo(crc(data));

      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(got.response().checksumCRC32C()).isEqualTo(crc(data));
      assertThat(got.response().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
      assertThat(s3.headObject(r -> r.bucket(bucket).key("k").checksumMode(ChecksumMode.ENABLED)).checksumCRC32C())
          .isEqualTo(crc(data));
      assertThat(s3.headObject(r -> r.bucket(bucket).key("k")).checksumCRC32C()).isNull();

      assertThatThrownBy(() -> s3.putObject(r -> r.bucket(bucket).key("k").checksumCRC32C("AAAAAA=="),
          RequestBody.fromBytes("replacement".getBytes(StandardCharsets.UTF_8))))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
          });
      assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asByteArray()).isEqualTo(data);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void multipartWithFullObjectCrc32c(String name, S3Server server) throws Exception {
    String bucket = "crc-mpu-" + name;
    try (S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket(bucket));
      String id = s3.createMultipartUpload(r -> r.bucket(bucket).key("big")
          .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
          .checksumType(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT)).uploadId();
      List<byte[]> parts = List.of(bytes(5 * 1024 * 1024, 2), bytes(5 * 1024 * 1024, 3), bytes(777, 4));
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      List<CompletedPart> completed = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        int n = i + 1;
        UploadPartResponse up = s3.uploadPart(r -> r.bucket(bucket).key("big").uploadId(id).partNumber(n)
            .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(parts.get(i)));
        assertThat(up.checksumCRC32C()).isEqualTo(crc(parts.get(i)));
        completed.add(CompletedPart.builder().partNumber(n).eTag(up.eTag()).checksumCRC32C(up.checksumCRC32C()).build());
        whole.writeBytes(parts.get(i));
      }
      CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket(bucket).key("big").uploadId(id)
          .multipartUpload(m -> m.parts(completed)));
      assertThat(done.checksumCRC32C()).isEqualTo(crc(whole.toByteArray()));
      assertThat(done.checksumTypeAsString()).isEqualTo("FULL_OBJECT");

      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("big")
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(got.asByteArray()).isEqualTo(whole.toByteArray());
      assertThat(got.response().checksumCRC32C()).isEqualTo(crc(whole.toByteArray()));
    }
  }

  /** The SDK really validates: a stored checksum that does not match the bytes fails its GET. */
  @Test
  void sdkRejectsAnObjectWhoseStoredChecksumIsWrong(@TempDir Path dir) throws Exception {
    byte[] data = bytes(10_000, 5);
    try (ObjectStore store = ObjectStore.file(dir)) {
      store.createBucket("bucket");
      store.putObject("bucket", "k", ObjectAttributes.empty(), io.s3wire.checksum.ChecksumAlgorithm.CRC32C,
          new java.io.ByteArrayInputStream(data));
    }
    try (Stream<Path> metas = Files.list(dir.resolve("buckets/bucket/objects"))) {
      for (Path meta : metas.filter(p -> p.toString().endsWith(".meta")).toList()) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
          p.load(in);
        }
        assertThat(p.getProperty("checksum")).isEqualTo(crc(data));
        p.setProperty("checksum", crc(new byte[1]));
        try (var out = Files.newOutputStream(meta)) {
          p.store(out, null);
        }
      }
    }
    try (ObjectStore store = ObjectStore.file(dir);
        S3Server server = S3Server.builder().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      assertThat(s3.getObjectAsBytes(r -> r.bucket("bucket").key("k")).asByteArray()).isEqualTo(data);
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("bucket").key("k")
          .checksumMode(ChecksumMode.ENABLED)))
          .hasStackTraceContaining("Data read has a different checksum than expected");
    }
  }
}
