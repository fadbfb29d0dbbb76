package io.s3wire.server;

import static io.s3wire.server.RawS3.MIB;
import static io.s3wire.server.RawS3.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * The AWS SDK for Java v2 at its defaults (flexible checksums on: CRC32 on every upload, responses
 * validated) against the server, over plain HTTP and TLS and on both stores: the sync client, the
 * async client's own multipart uploads, S3TransferManager, each algorithm asked for explicitly, a
 * checksum that does not match, and the CRT-based client. What the SDK sends differs by transport
 * ({@link SdkWireLog} shows it): over plain HTTP a signed aws-chunked body with its checksum in a
 * trailer ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}), over TLS an unsigned one ({@code
 * STREAMING-UNSIGNED-PAYLOAD-TRAILER}); a value the caller gives goes in a header.
 */
@Timeout(180)
class SdkDefaultChecksumsTest {
  @TempDir
  static Path dir;
  static final List<S3Server> SERVERS = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    for (boolean tls : List.of(false, true)) {
      for (String store : List.of("memory", "file")) {
        ObjectStore s = store.equals("memory") ? ObjectStore.memory() : ObjectStore.file(dir.resolve(tls + store));
        SERVERS.add(Peers.onOneDigitDay().tls(tls).store(s).start());
      }
    }
  }

  @AfterAll
  static void stop() {
    SERVERS.forEach(S3Server::close);
    // The memory stores hold some 100 MiB by now; the tests after these share the JVM's heap.
    SERVERS.clear();
  }

  /** Plain HTTP and TLS, each on the memory and the file store. */
  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("http memory", SERVERS.get(0)), Arguments.of("http file", SERVERS.get(1)),
        Arguments.of("tls memory", SERVERS.get(2)), Arguments.of("tls file", SERVERS.get(3)));
  }

  /** For the heavier tests: plain HTTP on the memory store, TLS on the file store. */
  static Stream<Arguments> twoServers() {
    return Stream.of(Arguments.of("http memory", SERVERS.get(0)), Arguments.of("tls file", SERVERS.get(3)));
  }

  static Stream<Arguments> twoServersEachAlgorithm() {
    return twoServers().flatMap(s -> Stream.of(io.s3wire.checksum.ChecksumAlgorithm.values())
        .map(a -> Arguments.of(s.get()[0], s.get()[1], a)));
  }

  private static String bucket(String test, String server) {
    return (test + "-" + server.replace(' ', '-')).toLowerCase(Locale.ROOT);
  }

  private static void createBucket(S3Server server, String bucket) throws Exception {
    if (!server.store().bucketExists(bucket)) {
      server.store().createBucket(bucket);
    }
  }

  static ChecksumAlgorithm sdk(io.s3wire.checksum.ChecksumAlgorithm a) {
    return ChecksumAlgorithm.fromValue(a.name());
  }

  static String b64(io.s3wire.checksum.ChecksumAlgorithm a, byte[] data) {
    return a.base64(a.of(data));
  }

  /** The value of {@code a} a GET, HEAD or PUT answer carries. */
  static String value(Object response, io.s3wire.checksum.ChecksumAlgorithm a) {
    String name = "checksum" + a.name();
    try {
      return (String) response.getClass().getMethod(name).invoke(response);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name, e);
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void syncClientPutsWithCrc32AndValidatesWhatItGets(String name, S3Server server) throws Exception {
    String bucket = bucket("sync", name);
    createBucket(server, bucket);
    SdkWireLog wire = new SdkWireLog();
    byte[] data = bytes(MIB + 17, 1);
    try (S3Client s3 = Peers.apache(server, wire)) {
      PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromBytes(data));
      String crc32 = b64(io.s3wire.checksum.ChecksumAlgorithm.CRC32, data);
      assertThat(put.checksumCRC32()).isEqualTo(crc32);
      assertThat(put.checksumTypeAsString()).isEqualTo("FULL_OBJECT");
      assertThat(server.store().headObject(bucket, "k").checksum())
          .isEqualTo(new ObjectChecksum(io.s3wire.checksum.ChecksumAlgorithm.CRC32, crc32, ChecksumType.FULL_OBJECT));
      assertThat(wire.of("PutObject")).singleElement().satisfies(sent -> {
        assertThat(sent.header("x-amz-content-sha256")).isEqualTo(server.isTls()
            ? "STREAMING-UNSIGNED-PAYLOAD-TRAILER" : "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        assertThat(sent.header("x-amz-trailer")).isEqualTo("x-amz-checksum-crc32");
        assertThat(sent.header("x-amz-sdk-checksum-algorithm")).isEqualTo("CRC32");
      });

      // The SDK 2.57 does not ask for the checksum by itself: without checksum mode, none comes.
      ResponseBytes<GetObjectResponse> plain = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k"));
      assertThat(plain.asByteArray()).isEqualTo(data);
      assertThat(plain.response().checksumCRC32()).isNull();
      assertThat(wire.of("GetObject")).singleElement()
          .satisfies(sent -> assertThat(sent.header("x-amz-checksum-mode")).isNull());
      // Asked for, the CRC32 comes and the SDK checks the bytes against it (SdkChecksumTest: it refuses a wrong one).
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(got.response().checksumCRC32()).isEqualTo(crc32);
      assertThat(got.response().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
      // A range has no checksum to check, and the SDK reads it all the same.
      ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").range("bytes=5-9"));
      assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 5, 10));
      assertThat(range.response().checksumCRC32()).isNull();
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void aChecksumThatDoesNotMatchIsBadDigest(String name, S3Server server) throws Exception {
    String bucket = bucket("wrong", name);
    createBucket(server, bucket);
    SdkWireLog wire = new SdkWireLog();
    try (S3Client s3 = Peers.apache(server, wire)) {
      assertThatThrownBy(() -> s3.putObject(r -> r.bucket(bucket).key("k").checksumCRC32("AAAAAA=="),
          RequestBody.fromBytes(bytes(1000, 2))))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The CRC32 you specified did not match the calculated checksum.");
          });
      // A value the caller gives travels in a header, not a trailer.
      assertThat(wire.of("PutObject")).first().satisfies(sent -> {
        assertThat(sent.header("x-amz-checksum-crc32")).isEqualTo("AAAAAA==");
        assertThat(sent.header("x-amz-trailer")).isNull();
      });
      assertThat(server.store().listObjects(bucket, "", "").hasNext()).isFalse();
    }
  }

  @ParameterizedTest(name = "{2} {0}", autoCloseArguments = false)
  @MethodSource("twoServersEachAlgorithm")
  void eachAlgorithmOnPutObject(String name, S3Server server, io.s3wire.checksum.ChecksumAlgorithm a)
      throws Exception {
    String bucket = bucket("put-" + a, name);
    createBucket(server, bucket);
    byte[] data = bytes(300_000, 3);
    try (S3Client s3 = Peers.apache(server)) {
      PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key("k").checksumAlgorithm(sdk(a)),
          RequestBody.fromBytes(data));
      assertThat(value(put, a)).isEqualTo(b64(a, data));
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")
          .checksumMode(ChecksumMode.ENABLED));
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(value(got.response(), a)).isEqualTo(b64(a, data));

      // The SDK checks what it validates: a wrong value of the algorithm is refused by the server.
      byte[] wrong = a.of(new byte[1]);
      assertThatThrownBy(() -> s3.putObject(r -> r.bucket(bucket).key("k").checksumAlgorithm(sdk(a))
          .overrideConfiguration(o -> o.putHeader(a.headerName(), a.base64(wrong))), RequestBody.fromBytes(data)))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
              .isIn("BadDigest", "InvalidRequest"));
    }
  }

  /**
   * The async client's own multipart upload ({@code multipartEnabled(true)}) with each algorithm:
   * 11 MiB in 5 MiB parts. The SDK creates the upload with the algorithm and S3's default type.
   */
  @ParameterizedTest(name = "{2} {0}", autoCloseArguments = false)
  @MethodSource("twoServersEachAlgorithm")
  void eachAlgorithmOnTheAsyncMultipartClient(String name, S3Server server, io.s3wire.checksum.ChecksumAlgorithm a)
      throws Exception {
    String bucket = bucket("mpu-" + a, name);
    createBucket(server, bucket);
    byte[] data = bytes(11 * MIB, 4);
    try (S3AsyncClient s3 = Peers.nettyAsync(server, true, b -> b.multipartConfiguration(
        c -> c.thresholdInBytes(5L * MIB).minimumPartSizeInBytes(5L * MIB)))) {
      s3.putObject(r -> r.bucket(bucket).key("k").checksumAlgorithm(sdk(a)), AsyncRequestBody.fromBytes(data)).join();
      ObjectChecksum kept = server.store().headObject(bucket, "k").checksum();
      assertThat(kept.algorithm()).isEqualTo(a);
      if (kept.type() == ChecksumType.FULL_OBJECT) {
        assertThat(kept.value()).isEqualTo(b64(a, data));
      } else {
        List<byte[]> parts = List.of(a.of(java.util.Arrays.copyOfRange(data, 0, 5 * MIB)),
            a.of(java.util.Arrays.copyOfRange(data, 5 * MIB, 10 * MIB)),
            a.of(java.util.Arrays.copyOfRange(data, 10 * MIB, data.length)));
        assertThat(kept.value()).isEqualTo(a.composite(parts));
      }
      assertThat(kept.type()).isEqualTo(a.supportsComposite() ? ChecksumType.COMPOSITE : ChecksumType.FULL_OBJECT);

    }
    // Read back whole, the object's own checksum validated (PartChecksumsTest reads by partNumber
    // with the multipart client, each part validated against its own checksum).
    try (S3AsyncClient s3 = Peers.nettyAsync(server, false, b -> { })) {
      ResponseBytes<GetObjectResponse> got = s3.getObject(r -> r.bucket(bucket).key("k")
          .checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes()).join();
      assertThat(got.asByteArray()).isEqualTo(data);
      assertThat(value(got.response(), a)).isEqualTo(server.store().headObject(bucket, "k").checksum().value());
    }
  }

  /** The async multipart client at its defaults: CRC32 parts, and a 20 MiB object read back validated. */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("twoServers")
  void asyncMultipartUploadAtDefaults(String name, S3Server server) throws Exception {
    String bucket = bucket("async", name);
    createBucket(server, bucket);
    byte[] data = bytes(20 * MIB, 5);
    SdkWireLog wire = new SdkWireLog();
    try (S3AsyncClient s3 = Peers.nettyAsync(server, true, b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(wire)))) {
      s3.putObject(r -> r.bucket(bucket).key("big"), AsyncRequestBody.fromBytes(data)).join();
      assertThat(wire.of("UploadPart")).hasSizeGreaterThan(1)
          .allSatisfy(sent -> assertThat(sent.header("x-amz-sdk-checksum-algorithm")).isEqualTo("CRC32"));
      ObjectChecksum kept = server.store().headObject(bucket, "big").checksum();
      assertThat(kept.algorithm()).isEqualTo(io.s3wire.checksum.ChecksumAlgorithm.CRC32);

      HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("big").checksumMode(ChecksumMode.ENABLED)).join();
      assertThat(head.checksumCRC32()).isEqualTo(kept.value());
      assertThat(head.checksumTypeAsString()).isEqualTo(kept.type().name());
      ResponseBytes<GetObjectResponse> got = s3.getObject(r -> r.bucket(bucket).key("big")
          .checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes()).join();
      assertThat(got.asByteArray()).isEqualTo(data);
    }
  }

  /** S3TransferManager (Java-based, on the async multipart client) uploads and downloads a 20 MiB file. */
  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("twoServers")
  void transferManagerUploadsAndDownloadsAFile(String name, S3Server server, @TempDir Path files) throws Exception {
    String bucket = bucket("tm", name);
    createBucket(server, bucket);
    byte[] data = bytes(20 * MIB + 3, 6);
    Path source = Files.write(files.resolve("source.bin"), data);
    Path target = files.resolve("target.bin");
    try (S3AsyncClient s3 = Peers.nettyAsync(server, true, b -> { });
        S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
      CompletedFileUpload up = tm.uploadFile(u -> u.source(source).putObjectRequest(p -> p.bucket(bucket).key("f")))
          .completionFuture().join();
      assertThat(up.response().eTag()).endsWith("-3\"");
      assertThat(server.store().headObject(bucket, "f").checksum().algorithm())
          .isEqualTo(io.s3wire.checksum.ChecksumAlgorithm.CRC32);
      tm.downloadFile(d -> d.destination(target).getObjectRequest(g -> g.bucket(bucket).key("f")
          .checksumMode(ChecksumMode.ENABLED))).completionFuture().join();
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }
  }
}
