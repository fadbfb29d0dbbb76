package io.s3wire.server;

import static io.s3wire.server.RawS3.MIB;
import static io.s3wire.server.RawS3.bytes;
import static io.s3wire.server.RawS3.chunked;
import static io.s3wire.server.RawS3.text;
import static io.s3wire.server.RawS3.trailing;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.CompleteMultipartUploadResult;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.CopyObjectResult;
import io.s3wire.xml.CopyPartResult;
import io.s3wire.xml.ListMultipartUploadsResult;
import io.s3wire.xml.ListPartsResult;
import io.s3wire.xml.PartSummary;
import io.s3wire.xml.S3Xml;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of S3's five checksum algorithms through the embedded server, on both stores: in a header
 * and in an aws-chunked trailer, on GET and HEAD, in every multipart combination S3 allows (and
 * the ones it refuses), and on copies. Requests are written by hand, so each header is exactly the
 * one under test; the SDK's defaults: {@link SdkDefaultChecksumsTest}. Error answers: {@link ChecksumErrorsTest}.
 */
@Timeout(120)
class ChecksumAlgorithmsTest {
  @TempDir
  Path dir;
  S3Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(String store) throws Exception {
    ObjectStore s = store.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
    server = S3Server.builder().anonymous(true).store(s).start();
    server.store().createBucket("bucket");
  }

  private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
    return RawS3.send(server, method, path, body, headers);
  }

  static Stream<Arguments> everyAlgorithmOnEachStore() {
    return Stream.of("memory", "file").flatMap(s -> Arrays.stream(ChecksumAlgorithm.values()).map(a -> Arguments.of(s, a)));
  }

  /** Each multipart checksum S3 allows: CRC64NVME FULL_OBJECT only, SHAs COMPOSITE only, CRC32(C) either. */
  static Stream<Arguments> everyMultipartChecksumOnEachStore() {
    List<Arguments> out = new ArrayList<>();
    for (String store : List.of("memory", "file")) {
      for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
        for (ChecksumType t : ChecksumType.values()) {
          if (t == ChecksumType.FULL_OBJECT ? a.supportsFullObject() : a.supportsComposite()) {
            out.add(Arguments.of(store, a, t));
          }
        }
      }
    }
    return out.stream();
  }

  static String b64(ChecksumAlgorithm a, byte[] data) {
    return a.base64(a.of(data));
  }

  private static String lower(ChecksumAlgorithm a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  @ParameterizedTest(name = "{1} on the {0} store")
  @MethodSource("everyAlgorithmOnEachStore")
  void aChecksumHeaderIsCheckedKeptEchoedAndReturnedInChecksumMode(String store, ChecksumAlgorithm a) throws Exception {
    start(store);
    byte[] body = bytes(150_000, a.ordinal());
    HttpResponse<byte[]> put = send("PUT", "/bucket/k", body, a.headerName(), b64(a, body),
        "x-amz-sdk-checksum-algorithm", a.name());
    assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
    assertThat(put.headers().firstValue(a.headerName())).hasValue(b64(a, body));
    assertThat(put.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    assertThat(server.store().headObject("bucket", "k").checksum())
        .isEqualTo(new ObjectChecksum(a, b64(a, body), ChecksumType.FULL_OBJECT));

    for (String method : List.of("GET", "HEAD")) {
      HttpResponse<byte[]> r = send(method, "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
      assertThat(r.headers().firstValue(a.headerName())).as(method).hasValue(b64(a, body));
      assertThat(r.headers().firstValue("x-amz-checksum-type")).as(method).hasValue("FULL_OBJECT");
    }

    byte[] other = bytes(1000, 99);
    HttpResponse<byte[]> wrong = send("PUT", "/bucket/k", other, a.headerName(), b64(a, body));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(text(wrong)).contains("<Code>BadDigest</Code>")
        .contains("<Message>The " + a.name() + " you specified did not match the calculated checksum.</Message>");
    assertThat(server.store().headObject("bucket", "k").checksum().value()).isEqualTo(b64(a, body));
  }

  @ParameterizedTest(name = "{1} on the {0} store")
  @MethodSource("everyAlgorithmOnEachStore")
  void aChecksumTrailerIsCheckedAndKept(String store, ChecksumAlgorithm a) throws Exception {
    start(store);
    byte[] body = bytes(200_000, 10 + a.ordinal());
    HttpResponse<byte[]> put = send("PUT", "/bucket/k", chunked(body, a.headerName() + ":" + b64(a, body)),
        trailing(body.length, a.headerName(), "x-amz-sdk-checksum-algorithm", a.name()));
    assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
    assertThat(put.headers().firstValue(a.headerName())).hasValue(b64(a, body));
    assertThat(server.store().headObject("bucket", "k").checksum().value()).isEqualTo(b64(a, body));

    byte[] other = bytes(5000, 98);
    HttpResponse<byte[]> wrong = send("PUT", "/bucket/k", chunked(other, a.headerName() + ":" + b64(a, body)),
        trailing(other.length, a.headerName()));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(text(wrong)).contains("<Message>The " + a.name() + " you specified did not match the calculated"
        + " checksum.</Message>");
    assertThat(server.store().headObject("bucket", "k").size()).isEqualTo(body.length);
  }

  @ParameterizedTest(name = "{1} {2} on the {0} store")
  @MethodSource("everyMultipartChecksumOnEachStore")
  void multipartObjectsGetTheirChecksumFromTheParts(String store, ChecksumAlgorithm a, ChecksumType type)
      throws Exception {
    start(store);
    HttpResponse<byte[]> created = send("POST", "/bucket/m?uploads", null, "x-amz-checksum-algorithm", lower(a),
        "x-amz-checksum-type", type.name());
    assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
    assertThat(created.headers().firstValue("x-amz-checksum-algorithm")).hasValue(a.name());
    assertThat(created.headers().firstValue("x-amz-checksum-type")).hasValue(type.name());
    String id = S3Xml.readInitiateMultipartUploadResult(created.body()).uploadId();

    ListMultipartUploadsResult uploads = S3Xml.readListMultipartUploadsResult(send("GET", "/bucket?uploads", null).body());
    assertThat(uploads.uploads()).singleElement().satisfies(u -> {
      assertThat(u.checksumAlgorithm()).isEqualTo(a.name());
      assertThat(u.checksumType()).isEqualTo(type.name());
    });

    List<byte[]> parts = List.of(bytes(5 * MIB, 1), bytes(70_000, 2));
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      byte[] p = parts.get(i);
      HttpResponse<byte[]> up = send("PUT", "/bucket/m?partNumber=" + (i + 1) + "&uploadId=" + id, p,
          a.headerName(), b64(a, p));
      assertThat(up.statusCode()).as(text(up)).isEqualTo(200);
      assertThat(up.headers().firstValue(a.headerName())).hasValue(b64(a, p));
      completed.add(new CompletedPart(i + 1, up.headers().firstValue("etag").orElseThrow(), a, b64(a, p)));
    }
    ListPartsResult listed = S3Xml.readListPartsResult(send("GET", "/bucket/m?uploadId=" + id, null).body());
    assertThat(listed.checksumAlgorithm()).isEqualTo(a.name());
    assertThat(listed.checksumType()).isEqualTo(type.name());
    assertThat(listed.parts()).extracting(PartSummary::checksums)
        .containsExactly(Map.of(a, b64(a, parts.get(0))), Map.of(a, b64(a, parts.get(1))));

    byte[] whole = ByteBuffer.allocate(parts.get(0).length + parts.get(1).length).put(parts.get(0)).put(parts.get(1))
        .array();
    String expected = type == ChecksumType.FULL_OBJECT ? b64(a, whole)
        : a.composite(List.of(a.of(parts.get(0)), a.of(parts.get(1))));
    String wrong = type == ChecksumType.FULL_OBJECT ? b64(a, parts.get(0)) : b64(a, parts.get(0)) + "-2";
    HttpResponse<byte[]> refused = send("POST", "/bucket/m?uploadId=" + id,
        S3Xml.write(new CompleteMultipartUpload(completed)), a.headerName(), wrong);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(text(refused)).contains("<Code>BadDigest</Code>");

    HttpResponse<byte[]> done = send("POST", "/bucket/m?uploadId=" + id,
        S3Xml.write(new CompleteMultipartUpload(completed)), a.headerName(), expected,
        "x-amz-checksum-type", type.name());
    assertThat(done.statusCode()).as(text(done)).isEqualTo(200);
    CompleteMultipartUploadResult result = S3Xml.readCompleteMultipartUploadResult(done.body());
    assertThat(result.checksums()).isEqualTo(Map.of(a, expected));
    assertThat(result.checksumType()).isEqualTo(type.name());
    assertThat(type == ChecksumType.FULL_OBJECT ? expected : expected.substring(0, expected.lastIndexOf('-')))
        .isNotEqualTo(b64(a, parts.get(0)));

    HttpResponse<byte[]> head = send("HEAD", "/bucket/m", null, "x-amz-checksum-mode", "ENABLED");
    assertThat(head.headers().firstValue(a.headerName())).hasValue(expected);
    assertThat(head.headers().firstValue("x-amz-checksum-type")).hasValue(type.name());
  }

  /** A COMPOSITE checksum named without its {@code -N} is compared all the same, as by S3. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "SHA1"})
  void aCompositeChecksumMayBeNamedWithoutItsPartCount(ChecksumAlgorithm a) throws Exception {
    start("memory");
    String id = S3Xml.readInitiateMultipartUploadResult(send("POST", "/bucket/m?uploads", null,
        "x-amz-checksum-algorithm", a.name()).body()).uploadId();
    byte[] p = bytes(1000, 3);
    String etag = send("PUT", "/bucket/m?partNumber=1&uploadId=" + id, p, a.headerName(), b64(a, p))
        .headers().firstValue("etag").orElseThrow();
    String composite = a.composite(List.of(a.of(p)));
    HttpResponse<byte[]> done = send("POST", "/bucket/m?uploadId=" + id, S3Xml.write(new CompleteMultipartUpload(
        List.of(new CompletedPart(1, etag, a, b64(a, p))))), a.headerName(), composite.replace("-1", ""));
    assertThat(done.statusCode()).as(text(done)).isEqualTo(200);
    assertThat(S3Xml.readCompleteMultipartUploadResult(done.body()).checksums()).isEqualTo(Map.of(a, composite));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ChecksumAlgorithm.class)
  void theTypeDefaultsToFullObjectForCrc64nvmeAndCompositeForTheOthers(ChecksumAlgorithm a) throws Exception {
    start("memory");
    HttpResponse<byte[]> created = send("POST", "/bucket/m?uploads", null, "x-amz-checksum-algorithm", a.name());
    assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
    String type = a == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
    assertThat(created.headers().firstValue("x-amz-checksum-type")).hasValue(type);
    String id = S3Xml.readInitiateMultipartUploadResult(created.body()).uploadId();
    assertThat(server.store().upload("bucket", "m", id).checksumType()).hasToString(type);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("combinationsS3Refuses")
  void createRefusesTheCombinationsS3Refuses(ChecksumAlgorithm a, ChecksumType type) throws Exception {
    start("memory");
    HttpResponse<byte[]> r = send("POST", "/bucket/m?uploads", null, "x-amz-checksum-algorithm", a.name(),
        "x-amz-checksum-type", type.name());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("<Code>InvalidRequest</Code>").contains("<Message>The " + type
        + " checksum type cannot be used with the " + lower(a) + " checksum algorithm.</Message>");
    HttpResponse<byte[]> typeAlone = send("POST", "/bucket/m?uploads", null, "x-amz-checksum-type", type.name());
    assertThat(text(typeAlone)).contains("<Message>The x-amz-checksum-type header can only be used with the"
        + " x-amz-checksum-algorithm header.</Message>");
    assertThat(server.store().listMultipartUploads("bucket")).isEmpty();
  }

  static Stream<Arguments> combinationsS3Refuses() {
    return Stream.of(Arguments.of(ChecksumAlgorithm.CRC64NVME, ChecksumType.COMPOSITE),
        Arguments.of(ChecksumAlgorithm.SHA1, ChecksumType.FULL_OBJECT),
        Arguments.of(ChecksumAlgorithm.SHA256, ChecksumType.FULL_OBJECT));
  }

  /** A FULL_OBJECT upload computes the checksum of a part sent without one (S3 requires it of COMPOSITE ones). */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
  void aFullObjectUploadComputesTheChecksumOfAPartSentWithout(ChecksumAlgorithm a) throws Exception {
    start("memory");
    String id = S3Xml.readInitiateMultipartUploadResult(send("POST", "/bucket/m?uploads", null,
        "x-amz-checksum-algorithm", a.name(), "x-amz-checksum-type", "FULL_OBJECT").body()).uploadId();
    byte[] p = bytes(4000, 4);
    HttpResponse<byte[]> up = send("PUT", "/bucket/m?partNumber=1&uploadId=" + id, p);
    assertThat(up.statusCode()).as(text(up)).isEqualTo(200);
    assertThat(up.headers().firstValue(a.headerName())).hasValue(b64(a, p));
  }

  @ParameterizedTest(name = "{1} on the {0} store")
  @MethodSource("everyAlgorithmOnEachStore")
  void copiesComputeTheAlgorithmTheyAreAskedFor(String store, ChecksumAlgorithm a) throws Exception {
    start(store);
    byte[] body = bytes(90_000, 5);
    assertThat(send("PUT", "/bucket/src", body).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> copy = send("PUT", "/bucket/dst", null, "x-amz-copy-source", "/bucket/src",
        "x-amz-checksum-algorithm", a.name());
    assertThat(copy.statusCode()).as(text(copy)).isEqualTo(200);
    CopyObjectResult result = S3Xml.readCopyObjectResult(copy.body());
    assertThat(result.checksums()).isEqualTo(Map.of(a, b64(a, body)));
    assertThat(result.checksumType()).isEqualTo("FULL_OBJECT");
    assertThat(server.store().headObject("bucket", "dst").checksum())
        .isEqualTo(new ObjectChecksum(a, b64(a, body), ChecksumType.FULL_OBJECT));

    // Onto itself, to change the checksum: how S3 tells users to change an object's algorithm.
    HttpResponse<byte[]> self = send("PUT", "/bucket/src", null, "x-amz-copy-source", "/bucket/src",
        "x-amz-checksum-algorithm", a.name());
    assertThat(self.statusCode()).as(text(self)).isEqualTo(200);
    assertThat(server.store().headObject("bucket", "src").checksum().algorithm()).isEqualTo(a);

    // Without the header the copy keeps the source's algorithm.
    HttpResponse<byte[]> plain = send("PUT", "/bucket/again", null, "x-amz-copy-source", "/bucket/dst");
    assertThat(S3Xml.readCopyObjectResult(plain.body()).checksums()).isEqualTo(Map.of(a, b64(a, body)));

    if (a.supportsComposite()) {
      String id = S3Xml.readInitiateMultipartUploadResult(send("POST", "/bucket/m?uploads", null,
          "x-amz-checksum-algorithm", a.name()).body()).uploadId();
      HttpResponse<byte[]> part = send("PUT", "/bucket/m?partNumber=1&uploadId=" + id, null,
          "x-amz-copy-source", "/bucket/src", "x-amz-copy-source-range", "bytes=10-1009");
      assertThat(part.statusCode()).as(text(part)).isEqualTo(200);
      CopyPartResult copied = S3Xml.readCopyPartResult(part.body());
      assertThat(copied.checksums()).isEqualTo(Map.of(a, b64(a, Arrays.copyOfRange(body, 10, 1010))));
    }
  }
}
