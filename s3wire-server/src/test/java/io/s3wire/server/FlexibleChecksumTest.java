package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.checksum.Crc32c;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.CompleteMultipartUploadResult;
import io.s3wire.xml.CompletedPart;
import io.s3wire.xml.S3Xml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 flexible checksums on the wire, with CRC32C and S3's default CRC64NVME: x-amz-checksum-crc32c
 * on PutObject and UploadPart (header and aws-chunked trailer), the checksum of multipart uploads
 * (FULL_OBJECT and COMPOSITE), x-amz-checksum-mode on GET and HEAD, copies, the file store across
 * reopen and its earlier formats, and the gcs profile. Every algorithm: {@link ChecksumAlgorithmsTest}.
 */
@Timeout(120)
class FlexibleChecksumTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final int MIB = 1024 * 1024;
  static final String BAD_DIGEST_MESSAGE = "<Message>The CRC32C you specified did not match the calculated checksum.</Message>";

  @TempDir
  Path dir;
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  // ---- helpers

  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String crc(byte[] b) {
    return Crc32c.base64(Crc32c.of(b));
  }

  static String crc64(byte[] b) {
    return io.s3wire.checksum.Crc64Nvme.base64(io.s3wire.checksum.Crc64Nvme.of(b));
  }

  private static HttpResponse<byte[]> send(S3Server s, String method, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.endpoint() + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
    return send(server, method, path, body, headers);
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private byte[] stored(String key) throws Exception {
    StoredObject info = server.store().headObject("bucket", key);
    try (ObjectContent c = server.store().getObject("bucket", key, 0, info.size());
        InputStream in = c.newInputStream()) {
      return in.readAllBytes();
    }
  }

  private String create(String key, String... headers) throws Exception {
    HttpResponse<byte[]> r = send("POST", "/bucket/" + key + "?uploads", null, headers);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    return S3Xml.readInitiateMultipartUploadResult(r.body()).uploadId();
  }

  private String uploadPart(String key, String uploadId, int n, byte[] body) throws Exception {
    HttpResponse<byte[]> r = send("PUT", "/bucket/" + key + "?partNumber=" + n + "&uploadId=" + uploadId, body,
        "x-amz-checksum-crc32c", crc(body));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc(body));
    return r.headers().firstValue("etag").orElseThrow();
  }

  private HttpResponse<byte[]> complete(String key, String uploadId, List<CompletedPart> parts, String... headers)
      throws Exception {
    return send("POST", "/bucket/" + key + "?uploadId=" + uploadId, S3Xml.write(new CompleteMultipartUpload(parts)),
        headers);
  }

  /** Three parts of 5 MiB and a short last one, each uploaded with its CRC32C. */
  private record Uploaded(String uploadId, byte[] whole, List<byte[]> parts, List<CompletedPart> completed) {}

  private Uploaded uploadFourParts(String key, String... createHeaders) throws Exception {
    String uploadId = create(key, createHeaders);
    List<byte[]> parts = List.of(bytes(5 * MIB, 1), bytes(5 * MIB, 2), bytes(5 * MIB, 3), bytes(12_345, 4));
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    List<CompletedPart> completed = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String etag = uploadPart(key, uploadId, i + 1, parts.get(i));
      completed.add(new CompletedPart(i + 1, etag, ChecksumAlgorithm.CRC32C, crc(parts.get(i))));
      whole.writeBytes(parts.get(i));
    }
    return new Uploaded(uploadId, whole.toByteArray(), parts, completed);
  }

  // ---- PutObject

  @Test
  void putWithTheRightChecksumIsStoredAndEchoed() throws Exception {
    byte[] body = bytes(100_000, 7);
    HttpResponse<byte[]> r = send("PUT", "/bucket/k", body, "x-amz-checksum-crc32c", crc(body));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    assertThat(r.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc(body));
    assertThat(r.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    StoredObject info = server.store().headObject("bucket", "k");
    assertThat(info.checksum()).isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc(body), ChecksumType.FULL_OBJECT));
  }

  /** S3 keeps (and answers) a CRC64NVME for a body sent without a checksum: its default since 2025. */
  @Test
  void putWithoutAChecksumKeepsAndEchoesTheDefaultCrc64nvme() throws Exception {
    byte[] body = bytes(3000, 8);
    HttpResponse<byte[]> r = send("PUT", "/bucket/k", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-amz-checksum-crc32c")).isEmpty();
    assertThat(r.headers().firstValue("x-amz-checksum-crc64nvme")).hasValue(crc64(body));
    assertThat(r.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    assertThat(server.store().headObject("bucket", "k").checksum())
        .isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC64NVME, crc64(body), ChecksumType.FULL_OBJECT));
  }

  @Test
  void putWithAWrongChecksumIsBadDigestAndKeepsTheOldObject() throws Exception {
    byte[] old = "the old object".getBytes(StandardCharsets.UTF_8);
    assertThat(send("PUT", "/bucket/k", old).statusCode()).isEqualTo(200);
    byte[] replacement = bytes(200_000, 9);
    HttpResponse<byte[]> r = send("PUT", "/bucket/k", replacement, "x-amz-checksum-crc32c", crc(old));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("<Code>BadDigest</Code>").contains(BAD_DIGEST_MESSAGE);
    assertThat(stored("k")).isEqualTo(old);
    assertThat(server.store().headObject("bucket", "k").checksum().value()).isEqualTo(crc64(old));

    HttpResponse<byte[]> fresh = send("PUT", "/bucket/fresh", replacement, "x-amz-checksum-crc32c", crc(old));
    assertThat(fresh.statusCode()).isEqualTo(400);
    assertThat(server.store().listObjects("bucket", "fresh", "").hasNext()).isFalse();
  }

  @Test
  void aMalformedChecksumIsInvalidRequest() throws Exception {
    for (String bad : List.of("not base64!", "AAAA", "AAAAAAAA", "AAAAAA==-2", "")) {
      HttpResponse<byte[]> r = send("PUT", "/bucket/k", "x".getBytes(StandardCharsets.UTF_8),
          "x-amz-checksum-crc32c", bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(text(r)).as(bad).contains("<Code>InvalidRequest</Code>")
          .contains("<Message>Value for x-amz-checksum-crc32c header is invalid.</Message>");
    }
    assertThat(server.store().listObjects("bucket", "", "").hasNext()).isFalse();
  }

  @Test
  void awsChunkedTrailerIsChecked() throws Exception {
    byte[] body = bytes(70_000, 10);
    HttpResponse<byte[]> good = send("PUT", "/bucket/k", chunkedWithTrailer(body, crc(body)),
        "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "content-encoding", "aws-chunked",
        "x-amz-decoded-content-length", Integer.toString(body.length), "x-amz-trailer", "x-amz-checksum-crc32c");
    assertThat(good.statusCode()).as(text(good)).isEqualTo(200);
    assertThat(good.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc(body));
    assertThat(stored("k")).isEqualTo(body);

    byte[] other = bytes(1000, 11);
    HttpResponse<byte[]> bad = send("PUT", "/bucket/k", chunkedWithTrailer(other, crc(body)),
        "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "content-encoding", "aws-chunked",
        "x-amz-decoded-content-length", Integer.toString(other.length), "x-amz-trailer", "x-amz-checksum-crc32c");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(text(bad)).contains("<Code>BadDigest</Code>").contains(BAD_DIGEST_MESSAGE);
    assertThat(stored("k")).isEqualTo(body);
  }

  private static byte[] chunkedWithTrailer(byte[] body, String crc32c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < body.length; off += 65_536) {
      int n = Math.min(65_536, body.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("0\r\nx-amz-checksum-crc32c:" + crc32c + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  // ---- GetObject and HeadObject

  @Test
  void getAndHeadReportTheChecksumOnlyInChecksumModeAndNotForARange() throws Exception {
    byte[] body = bytes(50_000, 12);
    assertThat(send("PUT", "/bucket/k", body).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> plainHead = send("HEAD", "/bucket/k", null);
    assertThat(plainHead.headers().firstValue("x-amz-checksum-crc64nvme")).isEmpty();
    assertThat(plainHead.headers().firstValue("x-amz-checksum-type")).isEmpty();
    HttpResponse<byte[]> plainGet = send("GET", "/bucket/k", null);
    assertThat(plainGet.headers().firstValue("x-amz-checksum-crc64nvme")).isEmpty();

    HttpResponse<byte[]> head = send("HEAD", "/bucket/k", null, "x-amz-checksum-mode", "enabled");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("x-amz-checksum-crc64nvme")).hasValue(crc64(body));
    assertThat(head.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    HttpResponse<byte[]> get = send("GET", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(body);
    assertThat(get.headers().firstValue("x-amz-checksum-crc64nvme")).hasValue(crc64(body));
    assertThat(get.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");

    HttpResponse<byte[]> ranged = send("GET", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED",
        "range", "bytes=0-99");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.body()).isEqualTo(Arrays.copyOf(body, 100));
    assertThat(ranged.headers().firstValue("x-amz-checksum-crc64nvme")).isEmpty();
    assertThat(ranged.headers().firstValue("x-amz-checksum-type")).isEmpty();

    HttpResponse<byte[]> badMode = send("GET", "/bucket/k", null, "x-amz-checksum-mode", "yes");
    assertThat(badMode.statusCode()).isEqualTo(400);
    assertThat(text(badMode)).contains("<Message>Value for x-amz-checksum-mode header is invalid.</Message>");
  }

  // ---- UploadPart

  @Test
  void uploadPartWithAWrongChecksumIsBadDigestAndKeepsTheOldPart() throws Exception {
    String uploadId = create("k", "x-amz-checksum-algorithm", "CRC32C");
    byte[] first = bytes(10_000, 13);
    String etag = uploadPart("k", uploadId, 1, first);
    HttpResponse<byte[]> bad = send("PUT", "/bucket/k?partNumber=1&uploadId=" + uploadId, bytes(10_000, 14),
        "x-amz-checksum-crc32c", crc(bytes(10, 15)));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(text(bad)).contains("<Code>BadDigest</Code>").contains(BAD_DIGEST_MESSAGE);
    HttpResponse<byte[]> malformed = send("PUT", "/bucket/k?partNumber=2&uploadId=" + uploadId, first,
        "x-amz-checksum-crc32c", "AA==");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(text(malformed)).contains("<Code>InvalidRequest</Code>");
    assertThat(server.store().listParts("bucket", "k", uploadId)).singleElement().satisfies(p -> {
      assertThat(p.etag()).isEqualTo(etag);
      assertThat(p.checksum()).isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc(first),
          ChecksumType.FULL_OBJECT));
    });
  }

  // ---- CreateMultipartUpload and CompleteMultipartUpload

  @Test
  void fullObjectChecksumOfAMultipartObjectIsTheCrcOfAllItsBytes() throws Exception {
    Uploaded u = uploadFourParts("k", "x-amz-checksum-algorithm", "crc32c", "x-amz-checksum-type", "full_object");
    assertThat(server.store().upload("bucket", "k", u.uploadId).checksumAlgorithm())
        .isEqualTo(ChecksumAlgorithm.CRC32C);
    HttpResponse<byte[]> r = complete("k", u.uploadId, u.completed, "x-amz-checksum-crc32c", crc(u.whole));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    CompleteMultipartUploadResult result = S3Xml.readCompleteMultipartUploadResult(r.body());
    assertThat(result).isEqualTo(new CompleteMultipartUploadResult("/bucket/k", "bucket", "k", result.eTag(),
        java.util.Map.of(ChecksumAlgorithm.CRC32C, crc(u.whole)), "FULL_OBJECT"));
    assertThat(result.eTag()).endsWith("-4\"");
    HttpResponse<byte[]> head = send("HEAD", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
    assertThat(head.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc(u.whole));
    assertThat(head.headers().firstValue("x-amz-checksum-type")).hasValue("FULL_OBJECT");
    assertThat(stored("k")).isEqualTo(u.whole);
  }

  /** The parts' CRC32Cs are checked; the object keeps S3's default, a FULL_OBJECT CRC64NVME, and says so. */
  @Test
  void withoutAChecksumAlgorithmTheObjectKeepsTheDefaultCrc64nvme() throws Exception {
    String uploadId = create("k");
    byte[] a = bytes(5 * MIB, 16);
    byte[] b = bytes(100, 17);
    List<CompletedPart> parts = List.of(new CompletedPart(1, uploadPart("k", uploadId, 1, a)),
        new CompletedPart(2, uploadPart("k", uploadId, 2, b)));
    byte[] whole = new byte[a.length + b.length];
    System.arraycopy(a, 0, whole, 0, a.length);
    System.arraycopy(b, 0, whole, a.length, b.length);
    // A whole-object checksum of another algorithm than the kept one is ignored, as by S3.
    HttpResponse<byte[]> r = complete("k", uploadId, parts, "x-amz-checksum-crc32c", crc(a));
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    assertThat(S3Xml.readCompleteMultipartUploadResult(r.body())).satisfies(res -> {
      assertThat(res.checksums()).containsExactly(java.util.Map.entry(ChecksumAlgorithm.CRC64NVME, crc64(whole)));
      assertThat(res.checksumType()).isEqualTo("FULL_OBJECT");
    });
    HttpResponse<byte[]> head = send("HEAD", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
    assertThat(head.headers().firstValue("x-amz-checksum-crc64nvme")).hasValue(crc64(whole));
  }

  @Test
  void aWrongPartChecksumInTheXmlIsInvalidPart() throws Exception {
    Uploaded u = uploadFourParts("k", "x-amz-checksum-algorithm", "CRC32C");
    List<CompletedPart> parts = new ArrayList<>(u.completed);
    CompletedPart second = parts.get(1);
    parts.set(1, new CompletedPart(2, second.eTag(), ChecksumAlgorithm.CRC32C, crc(u.parts.get(0))));
    HttpResponse<byte[]> r = complete("k", u.uploadId, parts);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("<Code>InvalidPart</Code>").contains("<PartNumber>2</PartNumber>");
    assertThat(server.store().listMultipartUploads("bucket")).extracting(StoredUpload::uploadId)
        .containsExactly(u.uploadId);
  }

  @Test
  void aWrongFullObjectChecksumIsBadDigestAndTheUploadStaysOpen() throws Exception {
    Uploaded u = uploadFourParts("k", "x-amz-checksum-algorithm", "CRC32C", "x-amz-checksum-type", "FULL_OBJECT");
    HttpResponse<byte[]> r = complete("k", u.uploadId, u.completed, "x-amz-checksum-crc32c", crc(u.parts.get(0)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r)).contains("<Code>BadDigest</Code>").contains(BAD_DIGEST_MESSAGE);
    HttpResponse<byte[]> listed = send("GET", "/bucket?uploads", null);
    assertThat(text(listed)).contains("<UploadId>" + u.uploadId + "</UploadId>");
    assertThat(send("HEAD", "/bucket/k", null).statusCode()).isEqualTo(404);

    HttpResponse<byte[]> retried = complete("k", u.uploadId, u.completed, "x-amz-checksum-crc32c", crc(u.whole));
    assertThat(retried.statusCode()).as(text(retried)).isEqualTo(200);
    assertThat(S3Xml.readCompleteMultipartUploadResult(retried.body()).checksums().get(ChecksumAlgorithm.CRC32C)).isEqualTo(crc(u.whole));
  }

  @Test
  void compositeChecksumIsTheCrcOfThePartCrcs() throws Exception {
    Uploaded u = uploadFourParts("k", "x-amz-checksum-algorithm", "CRC32C", "x-amz-checksum-type", "COMPOSITE");
    ByteBuffer crcs = ByteBuffer.allocate(16);
    u.parts.forEach(p -> crcs.putInt(Crc32c.of(p)));
    String composite = crc(crcs.array()) + "-4";
    HttpResponse<byte[]> r = complete("k", u.uploadId, u.completed);
    assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
    CompleteMultipartUploadResult result = S3Xml.readCompleteMultipartUploadResult(r.body());
    assertThat(result.checksums().get(ChecksumAlgorithm.CRC32C)).isEqualTo(composite);
    assertThat(result.checksumType()).isEqualTo("COMPOSITE");
    HttpResponse<byte[]> head = send("HEAD", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
    assertThat(head.headers().firstValue("x-amz-checksum-crc32c")).hasValue(composite);
    assertThat(head.headers().firstValue("x-amz-checksum-type")).hasValue("COMPOSITE");
  }

  @Test
  void compositeChecksumHeaderOnCompleteIsChecked() throws Exception {
    Uploaded u = uploadFourParts("k", "x-amz-checksum-algorithm", "CRC32C", "x-amz-checksum-type", "COMPOSITE");
    HttpResponse<byte[]> bad = complete("k", u.uploadId, u.completed, "x-amz-checksum-crc32c", crc(u.whole) + "-4");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(text(bad)).contains("<Code>BadDigest</Code>");
    ByteBuffer crcs = ByteBuffer.allocate(16);
    u.parts.forEach(p -> crcs.putInt(Crc32c.of(p)));
    HttpResponse<byte[]> good = complete("k", u.uploadId, u.completed,
        "x-amz-checksum-crc32c", crc(crcs.array()) + "-4");
    assertThat(good.statusCode()).as(text(good)).isEqualTo(200);
  }

  @Test
  void createRejectsUnknownChecksumAlgorithmsAndTypes() throws Exception {
    HttpResponse<byte[]> unknown = send("POST", "/bucket/k?uploads", null, "x-amz-checksum-algorithm", "MD4");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(text(unknown)).contains("<Code>InvalidRequest</Code>").contains("<Message>Checksum algorithm provided is"
        + " unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]</Message>");
    HttpResponse<byte[]> badType = send("POST", "/bucket/k?uploads", null, "x-amz-checksum-algorithm", "CRC32C",
        "x-amz-checksum-type", "PARTIAL");
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(text(badType)).contains("<Code>InvalidRequest</Code>")
        .contains("<Message>Value for x-amz-checksum-type header is invalid.</Message>");
    assertThat(server.store().listMultipartUploads("bucket")).isEmpty();
  }

  // ---- copies

  @Test
  void copiesCarryTheChecksum() throws Exception {
    Uploaded u = uploadFourParts("src", "x-amz-checksum-algorithm", "CRC32C");
    assertThat(complete("src", u.uploadId, u.completed).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> copy = send("PUT", "/bucket/copy", null, "x-amz-copy-source", "/bucket/src");
    assertThat(copy.statusCode()).as(text(copy)).isEqualTo(200);
    // The source's checksum is COMPOSITE (CRC32C's default); the copy, one body, keeps the FULL_OBJECT CRC32C.
    assertThat(server.store().headObject("bucket", "copy").checksum())
        .isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc(u.whole), ChecksumType.FULL_OBJECT));

    String uploadId = create("parts");
    HttpResponse<byte[]> partCopy = send("PUT", "/bucket/parts?partNumber=1&uploadId=" + uploadId, null,
        "x-amz-copy-source", "/bucket/src", "x-amz-copy-source-range", "bytes=1000-5999999");
    assertThat(partCopy.statusCode()).as(text(partCopy)).isEqualTo(200);
    assertThat(server.store().listParts("bucket", "parts", uploadId)).singleElement()
        .extracting(p -> p.checksum().value()).isEqualTo(crc64(Arrays.copyOfRange(u.whole, 1000, 6_000_000)));
  }

  // ---- file store

  /**
   * The file store keeps each checksum in its metadata files; it reads those of the two earlier
   * formats: no checksum fields (no checksum), and CRC32C only ({@code crc32c=}, for objects also
   * {@code checksumType=}), for objects and parts alike.
   */
  @Test
  void fileStoreKeepsChecksumsAcrossReopenAndReadsTheEarlierFormats() throws Exception {
    Path root = dir.resolve("store");
    byte[] body = bytes(4000, 18);
    byte[] part = bytes(3000, 19);
    String uploadId;
    try (ObjectStore s = ObjectStore.file(root)) {
      s.createBucket("bucket");
      s.putObject("bucket", "k", ObjectAttributes.empty(), ChecksumAlgorithm.SHA256, new ByteArrayInputStream(body));
      s.putObject("bucket", "none", ObjectAttributes.empty(), new ByteArrayInputStream(body));
      s.putObject("bucket", "crc32c", ObjectAttributes.empty(), new ByteArrayInputStream(body));
      uploadId = s.createMultipartUpload("bucket", "m", ObjectAttributes.empty(), ChecksumAlgorithm.CRC32C,
          ChecksumType.COMPOSITE);
      s.uploadPart("bucket", "m", uploadId, 1, ChecksumAlgorithm.CRC32C, new ByteArrayInputStream(part));
    }
    try (Stream<Path> metas = Stream.concat(Files.list(root.resolve("buckets/bucket/objects")),
        Files.list(root.resolve("buckets/bucket/uploads/" + uploadId)))) {
      for (Path meta : metas.filter(p -> p.toString().endsWith(".meta") && !p.endsWith("upload.meta")).toList()) {
        List<String> lines = Files.readAllLines(meta, StandardCharsets.ISO_8859_1);
        List<String> older = new ArrayList<>(lines.stream().filter(l -> !l.startsWith("checksum")).toList());
        if (lines.contains("key=none")) {
          Files.write(meta, older, StandardCharsets.ISO_8859_1);
        } else if (lines.contains("key=crc32c")) {
          older.add("crc32c=" + crc(body));
          older.add("checksumType=FULL_OBJECT");
          Files.write(meta, older, StandardCharsets.ISO_8859_1);
        } else if (lines.contains("partNumber=1")) {
          older.add("crc32c=" + crc(part));
          Files.write(meta, older, StandardCharsets.ISO_8859_1);
        }
      }
    }
    ObjectStore reopened = ObjectStore.file(root);
    try (S3Server fileServer = S3Server.builder().anonymous(true).store(reopened).start()) {
      assertThat(reopened.headObject("bucket", "k").checksum()).isEqualTo(
          ObjectChecksum.fullObject(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA256.of(body)));
      assertThat(reopened.headObject("bucket", "none").checksum()).isNull();
      assertThat(reopened.headObject("bucket", "crc32c").checksum())
          .isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc(body), ChecksumType.FULL_OBJECT));
      assertThat(reopened.upload("bucket", "m", uploadId).checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32C);
      assertThat(reopened.upload("bucket", "m", uploadId).checksumType()).isEqualTo(ChecksumType.COMPOSITE);
      assertThat(reopened.listParts("bucket", "m", uploadId)).singleElement().extracting(StoredPart::checksum)
          .isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, crc(part), ChecksumType.FULL_OBJECT));

      HttpResponse<byte[]> k = send(fileServer, "HEAD", "/bucket/crc32c", null, "x-amz-checksum-mode", "ENABLED");
      assertThat(k.headers().firstValue("x-amz-checksum-crc32c")).hasValue(crc(body));
      HttpResponse<byte[]> none = send(fileServer, "GET", "/bucket/none", null, "x-amz-checksum-mode", "ENABLED");
      assertThat(none.statusCode()).isEqualTo(200);
      assertThat(none.body()).isEqualTo(body);
      assertThat(none.headers().map().keySet()).noneMatch(h -> h.startsWith("x-amz-checksum-"));

      HttpResponse<byte[]> done = send(fileServer, "POST", "/bucket/m?uploadId=" + uploadId,
          S3Xml.write(new CompleteMultipartUpload(List.of(new CompletedPart(1, "\"" + md5Hex(part) + "\"",
              ChecksumAlgorithm.CRC32C, crc(part))))));
      assertThat(done.statusCode()).as(text(done)).isEqualTo(200);
      String composite = crc(ByteBuffer.allocate(4).putInt(Crc32c.of(part)).array()) + "-1";
      assertThat(S3Xml.readCompleteMultipartUploadResult(done.body()).checksums().get(ChecksumAlgorithm.CRC32C))
          .isEqualTo(composite);
    } finally {
      reopened.close();
    }
    try (ObjectStore again = ObjectStore.file(root)) {
      String composite = crc(ByteBuffer.allocate(4).putInt(Crc32c.of(part)).array()) + "-1";
      assertThat(again.headObject("bucket", "m").checksum())
          .isEqualTo(new ObjectChecksum(ChecksumAlgorithm.CRC32C, composite, ChecksumType.COMPOSITE));
    }
  }

  private static String md5Hex(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(b));
  }

  // ---- gcs profile

  @Test
  void gcsProfileStillRejectsChecksumHeaders() throws Exception {
    try (S3Server gcs = S3Server.builder().anonymous(true).profile(ServerProfile.GCS).start()) {
      gcs.store().createBucket("bucket");
      byte[] body = "x".getBytes(StandardCharsets.UTF_8);
      HttpResponse<byte[]> put = send(gcs, "PUT", "/bucket/k", body, "x-amz-checksum-crc32c", crc(body));
      assertThat(put.statusCode()).isEqualTo(400);
      assertThat(text(put)).contains("<Code>ExcessHeaderValues</Code>");
      assertThat(send(gcs, "PUT", "/bucket/k", body).statusCode()).isEqualTo(200);
      HttpResponse<byte[]> get = send(gcs, "GET", "/bucket/k", null, "x-amz-checksum-mode", "ENABLED");
      assertThat(get.statusCode()).isEqualTo(400);
      assertThat(text(get)).contains("<Code>ExcessHeaderValues</Code>");
      HttpResponse<byte[]> create = send(gcs, "POST", "/bucket/m?uploads", null, "x-amz-checksum-algorithm", "CRC32C");
      assertThat(create.statusCode()).isEqualTo(400);
      assertThat(text(create)).contains("<Code>ExcessHeaderValues</Code>");
    }
  }
}
