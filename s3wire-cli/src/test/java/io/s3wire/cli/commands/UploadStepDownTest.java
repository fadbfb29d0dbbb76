package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.PutObjectResult;
import io.s3wire.S3Client;
import io.s3wire.cli.CliRun;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --provider aws}, uploads to a server that behaves as Ceph RGW 16.2 does (the embedded
 * server's {@code ceph} profile: unsigned trailers refused with XAmzContentSHA256Mismatch, checksum
 * headers silently ignored) step down to a form the server takes and checks, succeed, and say so; a
 * server that takes and confirms everything sees no step-down.
 */
@Timeout(120)
class UploadStepDownTest {
  private static final int MIB = 1024 * 1024;
  private static final String TRAILER = "aws-chunked with a trailing checksum";
  private static final String HEADER = "the checksum in a header";
  private static final String MD5 = "Content-MD5 only";

  @TempDir Path home;

  /** The reports a client made, as short strings: {@code step-down OPERATION SUBJECT: FROM -> TO}, {@code unconfirmed ...}. */
  private static List<String> reports(List<WireEvent> events) {
    return events.stream().map(e -> {
      if (e instanceof WireEvent.UploadStepDown s) {
        return "step-down " + s.operation() + " " + s.subject() + ": " + s.from() + " -> " + s.to();
      }
      if (e instanceof WireEvent.ChecksumUnconfirmed u) {
        return "unconfirmed " + u.operation() + " " + u.subject() + " " + u.algorithm() + " by " + u.checkedBy();
      }
      return null;
    }).filter(s -> s != null).toList();
  }

  private S3Client client(S3Server server, List<WireEvent> events) throws Exception {
    TransportConfig.Builder t = TransportConfig.builder();
    if (server.endpoint().getScheme().equals("https")) {
      Path ca = home.resolve("ca.pem");
      server.writeCertificatePem(ca);
      t.trustedCertificates(ca);
    }
    return S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), home)).endpoint(server.endpoint().toString())
        .region("us-east-1").credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY).provider(ProviderProfiles.aws())
        .transportConfig(t.build()).listener(events::add).build();
  }

  private static S3Server server(ServerProfile profile, boolean tls, AtomicInteger uploadParts) throws java.io.IOException {
    return S3Server.builder().credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY).profile(profile).tls(tls)
        .observer(r -> {
          if (r.operation().equals("UploadPart")) {
            uploadParts.incrementAndGet();
          }
        }).start();
  }

  private Path file(int size) throws Exception {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(home.resolve("source-" + size + ".bin"), data);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Three parts of 5 MiB, one at a time so the reports come in a fixed order. */
  private static TransferConfig threeParts() {
    return TransferConfig.defaults().withMultipartThreshold(5L * MIB).withPartSize(5L * MIB).withMaxConcurrency(1);
  }

  @Test
  void overTlsARefusedTrailerStepsDownToTheHeaderThenToContentMd5AndIsRemembered() throws Exception {
    AtomicInteger uploadParts = new AtomicInteger();
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    Path source = file(12 * MIB);
    try (S3Server server = server(ServerProfile.CEPH, true, uploadParts); S3Client client = client(server, events);
        TransferManager manager = TransferManager.create(client.async(), threeParts())) {
      client.createBucket("stepdown");
      BucketKey key = BucketKey.of("stepdown", "tls.bin");
      PutObjectResult put = manager.uploadFile(key, source, UploadOptions.DEFAULTS).join();
      assertThat(put.parts()).isEqualTo(3);
      assertThat(sha256(client.getObjectBytes(key).bytes())).isEqualTo(sha256(Files.readAllBytes(source)));
      assertThat(reports(events)).containsExactly(
          "step-down UploadPart part 1 of s3://stepdown/tls.bin: " + TRAILER + " -> " + HEADER,
          "unconfirmed UploadPart part 1 of s3://stepdown/tls.bin CRC32C by comparing the part's ETag with the MD5 of its bytes",
          "step-down UploadPart part 1 of s3://stepdown/tls.bin: " + HEADER + " -> " + MD5,
          "unconfirmed CompleteMultipartUpload s3://stepdown/tls.bin CRC32C by the parts' own checks (the transfer engine"
              + " also compares the object's ETag with the MD5 of the parts' MD5s)");
      WireEvent.UploadStepDown first = (WireEvent.UploadStepDown) events.stream()
          .filter(e -> e instanceof WireEvent.UploadStepDown).findFirst().orElseThrow();
      assertThat(first.reason()).isEqualTo("400 XAmzContentSHA256Mismatch to an upload that signed no payload hash"
          + " (STREAMING-UNSIGNED-PAYLOAD-TRAILER): the server does not take aws-chunked with a trailing checksum;"
          + " sending the part once more with the checksum in a header; remembered for this endpoint for 5 min");
      // Part 1 twice (refused, then in the header), parts 2 and 3 once.
      assertThat(uploadParts.get()).isEqualTo(4);

      // Remembered: the next upload goes straight to Content-MD5, with nothing refused and nothing to report.
      events.clear();
      uploadParts.set(0);
      manager.uploadFile(BucketKey.of("stepdown", "again.bin"), source, UploadOptions.DEFAULTS).join();
      assertThat(uploadParts.get()).isEqualTo(3);
      assertThat(reports(events)).containsExactly("unconfirmed CompleteMultipartUpload s3://stepdown/again.bin CRC32C"
          + " by the parts' own checks (the transfer engine also compares the object's ETag with the MD5 of the parts'"
          + " MD5s)");
    }
  }

  @Test
  void overPlainHttpAnIgnoredChecksumIsCheckedByMd5AndSaid() throws Exception {
    AtomicInteger uploadParts = new AtomicInteger();
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    Path source = file(12 * MIB);
    try (S3Server server = server(ServerProfile.CEPH, false, uploadParts); S3Client client = client(server, events);
        TransferManager manager = TransferManager.create(client.async(), threeParts())) {
      client.createBucket("stepdown");
      BucketKey key = BucketKey.of("stepdown", "plain.bin");
      manager.uploadFile(key, source, UploadOptions.DEFAULTS).join();
      assertThat(sha256(client.getObjectBytes(key).bytes())).isEqualTo(sha256(Files.readAllBytes(source)));
      assertThat(uploadParts.get()).isEqualTo(3);
      assertThat(reports(events)).containsExactly(
          "unconfirmed UploadPart part 1 of s3://stepdown/plain.bin CRC32C by comparing the part's ETag with the MD5 of its"
              + " bytes",
          "step-down UploadPart part 1 of s3://stepdown/plain.bin: " + HEADER + " -> " + MD5,
          "unconfirmed CompleteMultipartUpload s3://stepdown/plain.bin CRC32C by the parts' own checks (the transfer engine"
              + " also compares the object's ETag with the MD5 of the parts' MD5s)");
    }
  }

  @Test
  void aServerThatTakesAndConfirmsChecksumsSeesNoStepDown() throws Exception {
    for (boolean tls : new boolean[] {true, false}) {
      AtomicInteger uploadParts = new AtomicInteger();
      List<WireEvent> events = new CopyOnWriteArrayList<>();
      try (S3Server server = server(ServerProfile.S3, tls, uploadParts); S3Client client = client(server, events);
          TransferManager manager = TransferManager.create(client.async(), threeParts())) {
        client.createBucket("plainsailing");
        manager.uploadFile(BucketKey.of("plainsailing", "k.bin"), file(12 * MIB), UploadOptions.DEFAULTS).join();
        assertThat(uploadParts.get()).as("tls " + tls).isEqualTo(3);
        assertThat(reports(events)).as("tls " + tls).isEmpty();
      }
    }
  }

  @Test
  void aBadDigestOfCorruptedDataFailsAndNeverStepsDown() throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    try (S3Server server = server(ServerProfile.S3, true, new AtomicInteger()); S3Client client = client(server, events)) {
      client.createBucket("corrupt");
      io.s3wire.MultipartUpload upload = client.async().createMultipartUploadWithChecksum(BucketKey.of("corrupt", "k"),
          io.s3wire.ObjectMetadata.NONE, io.s3wire.checksum.ChecksumAlgorithm.CRC32C).join();
      byte[] part = new byte[5 * MIB];
      byte[] wrong = {1, 2, 3, 4};
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.async().uploadPartWithChecksum(upload, 1,
          io.s3wire.http.RequestBody.ofBytes(part), io.s3wire.checksum.ChecksumAlgorithm.CRC32C, wrong).join())
          .cause().isInstanceOfSatisfying(io.s3wire.error.ServiceException.class,
              e -> assertThat(e.errorCode()).isEqualTo("BadDigest"));
      assertThat(reports(events)).isEmpty();
      // Nothing was learnt: the next part still goes with its checksum in the header, and is confirmed.
      io.s3wire.CompletedPart ok = client.async().uploadPartWithChecksum(upload, 1, io.s3wire.http.RequestBody.ofBytes(part),
          io.s3wire.checksum.ChecksumAlgorithm.CRC32C, io.s3wire.checksum.ChecksumAlgorithm.CRC32C.of(part)).join();
      assertThat(ok.checksum()).isNotNull();
      assertThat(reports(events)).isEmpty();
      client.abortMultipartUpload(upload);
    }
  }

  @Test
  void cpWithProviderAwsExitsZeroAndNamesTheStepDown() throws Exception {
    // Over cp's 16 MiB threshold: four parts, sent side by side; each note is said once.
    Path source = file(18 * MIB);
    for (boolean tls : new boolean[] {true, false}) {
      try (S3Server server = server(ServerProfile.CEPH, tls, new AtomicInteger())) {
        Path ca = home.resolve("cli-ca.pem");
        if (tls) {
          server.writeCertificatePem(ca);
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID",
            LocalS3.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY, "AWS_REGION", "us-east-1",
            "AWS_ENDPOINT_URL", server.endpoint().toString()));
        if (tls) {
          env.put("AWS_CA_BUNDLE", ca.toString());
        }
        assertThat(CliRun.run(env, "mb", "s3://notes").exitCode()).isZero();
        CliRun cp = CliRun.run(env, "cp", "--provider", "aws", "--part-size", "5MiB", source.toString(), "s3://notes/k.bin");
        assertThat(cp.exitCode()).as(cp.toString()).isZero();
        assertThat(cp.out()).isEqualTo("upload: " + source + " to s3://notes/k.bin\n");
        String stepDown = tls
            ? "s3wire: note: uploads stepped down from " + TRAILER + " to " + HEADER + ": 400 XAmzContentSHA256Mismatch to an"
                + " upload that signed no payload hash (STREAMING-UNSIGNED-PAYLOAD-TRAILER): the server does not take"
                + " aws-chunked with a trailing checksum\n"
            : "";
        assertThat(cp.err()).as(cp.toString()).isEqualTo(stepDown
            + "s3wire: note: the server did not confirm the CRC32C checksum of UploadPart; integrity was checked by"
            + " comparing the part's ETag with the MD5 of its bytes\n"
            + "s3wire: note: uploads stepped down from " + HEADER + " to " + MD5 + ": the server answered without"
            + " confirming the CRC32C checksum, so it may ignore checksums\n"
            + "s3wire: note: the server did not confirm the CRC32C checksum of CompleteMultipartUpload; integrity was"
            + " checked by the parts' own checks (the transfer engine also compares the object's ETag with the MD5 of the"
            + " parts' MD5s)\n");
      }
    }
  }
}
