package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * GetObject and HeadObject with {@code partNumber}, as S3 serves them: a multipart object's part as
 * a 206 with its Content-Range and {@code x-amz-mp-parts-count}; part 1 of an object stored whole is
 * all of it; a part the object lacks is 416 InvalidPartNumber, as S3 answers; partNumber with Range is InvalidRequest.
 */
@Timeout(120)
class PartNumberReadTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Whole MiBs for all but the last part: the memory store's chunks then line up with the parts. */
  static final int[] PART_SIZES = {5 << 20, 5 << 20, (1 << 20) + 3};

  @TempDir
  Path dir;

  private ObjectStore store(String kind) throws Exception {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  private static byte[] data() {
    byte[] all = new byte[Arrays.stream(PART_SIZES).sum()];
    new Random(16).nextBytes(all);
    return all;
  }

  /** Uploads {@code data} in PART_SIZES parts; returns the object's ETag. */
  static String uploadInParts(S3Client s3, String bucket, String key, byte[] data) {
    String id = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < PART_SIZES.length; i++) {
      int n = i + 1;
      byte[] part = Arrays.copyOfRange(data, offset, offset + PART_SIZES[i]);
      String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(id).partNumber(n),
          RequestBody.fromBytes(part)).eTag();
      parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
      offset += PART_SIZES[i];
    }
    return s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(id)
        .multipartUpload(m -> m.parts(parts))).eTag();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void eachPartOfAMultipartObjectIsARangeWithThePartsCount(String kind) throws Exception {
    byte[] data = data();
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      String etag = uploadInParts(s3, "parts", "mp", data);
      int first = 0;
      for (int i = 0; i < PART_SIZES.length; i++) {
        int n = i + 1;
        int last = first + PART_SIZES[i] - 1;
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("parts").key("mp").partNumber(n));
        assertThat(got.response().sdkHttpResponse().statusCode()).isEqualTo(206);
        assertThat(got.response().contentRange()).isEqualTo("bytes " + first + "-" + last + "/" + data.length);
        assertThat(got.response().partsCount()).isEqualTo(PART_SIZES.length);
        assertThat(got.response().eTag()).isEqualTo(etag);
        assertThat(got.asByteArray()).isEqualTo(Arrays.copyOfRange(data, first, last + 1));
        HeadObjectResponse head = s3.headObject(r -> r.bucket("parts").key("mp").partNumber(n));
        assertThat(head.contentLength()).isEqualTo(PART_SIZES[i]);
        assertThat(head.partsCount()).isEqualTo(PART_SIZES.length);
        assertThat(head.contentRange()).isEqualTo("bytes " + first + "-" + last + "/" + data.length);
        first = last + 1;
      }
      assertThat(s3.headObject(r -> r.bucket("parts").key("mp")).partsCount()).isNull();
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("parts").key("mp").partNumber(4)))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartNumber");
          });
      assertThatThrownBy(() -> s3.headObject(r -> r.bucket("parts").key("mp").partNumber(4)))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(416));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void partOneOfAnObjectStoredWholeIsAllOfIt(String kind) throws Exception {
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      String etag = s3.putObject(r -> r.bucket("parts").key("single"), RequestBody.fromString("body")).eTag();
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("parts").key("single").partNumber(1));
      assertThat(got.asUtf8String()).isEqualTo("body");
      assertThat(got.response().sdkHttpResponse().statusCode()).isEqualTo(206);
      assertThat(got.response().contentRange()).isEqualTo("bytes 0-3/4");
      assertThat(got.response().partsCount()).isNull();
      assertThat(got.response().eTag()).isEqualTo(etag);
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket("parts").key("single").partNumber(2)))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartNumber");
          });
    }
  }

  @Test
  void partNumberWithRangeOrOutsideOneTo10000IsRefused() throws Exception {
    try (S3Server server = S3Server.builder().anonymous(true).start()) {
      server.store().createBucket("parts");
      server.store().putObject("parts", "k", ObjectAttributes.empty(),
          new ByteArrayInputStream("body".getBytes(StandardCharsets.UTF_8)));
      HttpResponse<String> both = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/parts/k?partNumber=1"))
          .header("Range", "bytes=0-1").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(both.statusCode()).isEqualTo(400);
      assertThat(both.body()).contains("<Code>InvalidRequest</Code>"
          + "<Message>Cannot specify both Range header and partNumber query parameter</Message>");
      for (String bad : List.of("0", "10001", "x")) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/parts/k?partNumber=" + bad))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidArgument</Code>").contains("<ArgumentName>partNumber</ArgumentName>");
      }
      HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(Peers.uri(server, "/parts/none?partNumber=1"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
    }
  }

  @Test
  void partsReadOverHttp2() throws Exception {
    byte[] data = data();
    try (S3Server server = Peers.onOneDigitDay().start();
        S3Client s3 = Peers.apache(server);
        S3AsyncClient h2 = Peers.nettyHttp2(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      uploadInParts(s3, "parts", "mp", data);
      ResponseBytes<GetObjectResponse> second = h2.getObject(r -> r.bucket("parts").key("mp").partNumber(2),
          AsyncResponseTransformer.toBytes()).get(60, TimeUnit.SECONDS);
      assertThat(second.response().partsCount()).isEqualTo(3);
      assertThat(second.asByteArray()).isEqualTo(Arrays.copyOfRange(data, PART_SIZES[0], PART_SIZES[0] + PART_SIZES[1]));
    }
  }

  @Test
  void fileStoreKeepsPartSizesAcrossReopenAndReadsOlderMetadataAsWhole() throws Exception {
    Path root = dir.resolve("store");
    byte[] data = data();
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      uploadInParts(s3, "parts", "mp", data);
    }
    try (ObjectStore store = ObjectStore.file(root)) {
      assertThat(store.headObjectParts("parts", "mp").partSizes())
          .containsExactly((long) PART_SIZES[0], (long) PART_SIZES[1], (long) PART_SIZES[2]);
    }
    // Metadata written before part sizes were kept has no "parts" line.
    try (Stream<Path> metas = Files.list(root.resolve("buckets/parts/objects"))) {
      for (Path meta : metas.filter(p -> p.toString().endsWith(".meta")).toList()) {
        List<String> lines = Files.readAllLines(meta, StandardCharsets.ISO_8859_1);
        assertThat(lines).anyMatch(l -> l.startsWith("parts="));
        Files.write(meta, lines.stream().filter(l -> !l.startsWith("parts=")).toList(), StandardCharsets.ISO_8859_1);
      }
    }
    try (ObjectStore store = ObjectStore.file(root)) {
      ObjectParts parts = store.headObjectParts("parts", "mp");
      assertThat(parts.partSizes()).isEmpty();
      assertThat(parts.info().size()).isEqualTo(data.length);
    }
  }
}
