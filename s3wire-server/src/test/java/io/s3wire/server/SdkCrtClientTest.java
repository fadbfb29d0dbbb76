package io.s3wire.server;

import static io.s3wire.server.RawS3.MIB;
import static io.s3wire.server.RawS3.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
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
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.crt.checksums.CRC64NVME;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * The AWS SDK's CRT-based S3 client (native, aws-crt; it loads on linux-x86_64) at its defaults
 * against the server, over plain HTTP and TLS: its own multipart upload with CRC32 parts, a
 * validated download, CRC64NVME asked for, and S3TransferManager on it uploading and downloading a
 * file. The CRT does its own TLS (s2n) and cannot take a
 * Java trust manager, so it trusts the test server's self-signed certificate by {@code
 * trustAllCertificatesEnabled}. Also: the CRT's CRC64NVME agrees with ours.
 */
@Timeout(180)
class SdkCrtClientTest {
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
    // Their memory stores hold what the tests uploaded; the tests after these share the JVM's heap.
    plain = null;
    tls = null;
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("http", plain), Arguments.of("tls", tls));
  }

  private static S3AsyncClient crt(S3Server server) {
    return S3AsyncClient.crtBuilder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(Peers.credentials(server))
        .forcePathStyle(true)
        .httpConfiguration(h -> h.trustAllCertificatesEnabled(server.isTls()))
        .build();
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void crtClientUploadsInPartsWithCrc32AndDownloadsValidated(String name, S3Server server) throws Exception {
    String bucket = "crt-" + name;
    server.store().createBucket(bucket);
    byte[] data = bytes(20 * MIB + 5, 7);
    try (S3AsyncClient s3 = crt(server)) {
      s3.putObject(r -> r.bucket(bucket).key("big"), AsyncRequestBody.fromBytes(data)).join();
      ObjectChecksum kept = server.store().headObject(bucket, "big").checksum();
      assertThat(kept.algorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
      assertThat(server.store().headObject(bucket, "big").etag()).matches("\"[0-9a-f]{32}-[0-9]+\"");

      ResponseBytes<GetObjectResponse> got = s3.getObject(r -> r.bucket(bucket).key("big")
          .checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes()).join();
      assertThat(got.asByteArray()).isEqualTo(data);

      byte[] small = bytes(100_000, 8);
      s3.putObject(r -> r.bucket(bucket).key("nvme").checksumAlgorithm(
          software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME), AsyncRequestBody.fromBytes(small))
          .join();
      assertThat(server.store().headObject(bucket, "nvme").checksum()).isEqualTo(ObjectChecksum.fullObject(
          ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.CRC64NVME.of(small)));
      ResponseBytes<GetObjectResponse> back = s3.getObject(r -> r.bucket(bucket).key("nvme")
          .checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes()).join();
      assertThat(back.asByteArray()).isEqualTo(small);
      assertThat(back.response().checksumCRC64NVME())
          .isEqualTo(ChecksumAlgorithm.CRC64NVME.base64(ChecksumAlgorithm.CRC64NVME.of(small)));
    }
  }

  /**
   * S3TransferManager over the CRT client, both at their defaults (8 MiB parts, CRC32, responses
   * validated when the server sends a checksum): a file above the part size goes up in parts and
   * comes back whole, through the CRT's ranged parallel download.
   */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void transferManagerOnTheCrtUploadsAndDownloadsAFile(String name, S3Server server, @TempDir Path files)
      throws Exception {
    String bucket = "crt-tm-" + name;
    server.store().createBucket(bucket);
    byte[] data = bytes(20 * MIB + 11, 12);
    Path source = Files.write(files.resolve("source.bin"), data);
    Path target = files.resolve("target.bin");
    try (S3AsyncClient s3 = crt(server); S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
      CompletedFileUpload up = tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket(bucket).key("f")))
          .completionFuture().join();
      assertThat(up.response().eTag()).endsWith("-3\"");
      assertThat(server.store().headObject(bucket, "f").checksum().algorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
      CompletedFileDownload down = tm.downloadFile(d -> d.destination(target)
          .getObjectRequest(g -> g.bucket(bucket).key("f"))).completionFuture().join();
      assertThat(down.response().contentLength()).isEqualTo(data.length);
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }
  }

  @Test
  void theCrtsCrc64nvmeIsOurs() {
    for (byte[] data : List.of(new byte[0], "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        bytes(1_000_003, 9))) {
      CRC64NVME crt = new CRC64NVME();
      crt.update(data, 0, data.length);
      assertThat(io.s3wire.checksum.Crc64Nvme.of(data)).isEqualTo(crt.getValue());
    }
  }
}
