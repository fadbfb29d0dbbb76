package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The AWS SDK v2's Apache (sync, HTTP/1.1) client runs the operation set, plain and over TLS, with both stores. */
@Timeout(120)
class SdkOperationsTest {
  static S3Server plain;
  static S3Server tls;
  static S3Server file;
  static java.nio.file.Path dir;

  @BeforeAll
  static void start() throws Exception {
    plain = Peers.onOneDigitDay().start();
    tls = Peers.onOneDigitDay().tls(true).start();
    dir = java.nio.file.Files.createTempDirectory("s3wire-sdk");
    file = Peers.onOneDigitDay().store(ObjectStore.file(dir, Peers.oneDigitDayClock())).start();
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    tls.close();
    file.close();
    file.store().close();
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("plain", plain), Arguments.of("tls", tls), Arguments.of("file", file));
  }

  static String bucket() {
    return "b" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static String md5Hex(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void objectLifecycle(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      assertThat(s3.listBuckets().buckets()).anyMatch(x -> x.name().equals(b));
      s3.headBucket(r -> r.bucket(b));
      byte[] data = new byte[300_000];
      ThreadLocalRandom.current().nextBytes(data);
      var put = s3.putObject(r -> r.bucket(b).key("dir/a b+c.bin").contentType("application/x-test")
          .cacheControl("max-age=60").metadata(Map.of("colour", "blue")), RequestBody.fromBytes(data));
      assertThat(put.eTag()).isEqualTo("\"" + md5Hex(data) + "\"");

      HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("dir/a b+c.bin"));
      assertThat(head.contentLength()).isEqualTo(data.length);
      assertThat(head.contentType()).isEqualTo("application/x-test");
      assertThat(head.cacheControl()).isEqualTo("max-age=60");
      assertThat(head.metadata()).containsEntry("colour", "blue");
      // The SDK parsed Last-Modified from a server whose calendar shows a one-digit day.
      assertThat(head.lastModified()).isBetween(Peers.ONE_DIGIT_DAY, Peers.ONE_DIGIT_DAY.plusSeconds(3600));

      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(b).key("dir/a b+c.bin"));
      assertThat(got.asByteArray()).isEqualTo(data);

      ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(r -> r.bucket(b).key("dir/a b+c.bin")
          .range("bytes=100-199"));
      assertThat(range.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
      assertThat(range.response().contentRange()).isEqualTo("bytes 100-199/300000");

      assertThatThrownBy(() -> s3.getObject(r -> r.bucket(b).key("dir/a b+c.bin").range("bytes=400000-"),
          software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(416);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
          });
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("dir/a b+c.bin").ifMatch("\"nope\"")))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("dir/a b+c.bin").ifNoneMatch(put.eTag())))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("dir/a b+c.bin").ifModifiedSince(Instant.EPOCH))
          .asByteArray()).hasSize(data.length);

      CopyObjectResponse copy = s3.copyObject(r -> r.sourceBucket(b).sourceKey("dir/a b+c.bin")
          .destinationBucket(b).destinationKey("copy"));
      assertThat(copy.copyObjectResult().eTag()).isEqualTo(put.eTag());
      assertThat(s3.headObject(r -> r.bucket(b).key("copy")).metadata()).containsEntry("colour", "blue");
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("copy").destinationBucket(b).destinationKey("copy")
          .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("colour", "red")));
      assertThat(s3.headObject(r -> r.bucket(b).key("copy")).metadata()).containsExactly(Map.entry("colour", "red"));

      assertThatThrownBy(() -> s3.deleteBucket(r -> r.bucket(b)))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
          });
      s3.deleteObject(r -> r.bucket(b).key("copy"));
      assertThatThrownBy(() -> s3.headObject(r -> r.bucket(b).key("copy"))).isInstanceOf(NoSuchKeyException.class);
      assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(b).key("copy")))
          .isInstanceOfSatisfying(NoSuchKeyException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));

      DeleteObjectsResponse deleted = s3.deleteObjects(r -> r.bucket(b).delete(Delete.builder()
          .objects(ObjectIdentifier.builder().key("dir/a b+c.bin").build(),
              ObjectIdentifier.builder().key("never-was").build()).build()));
      assertThat(deleted.deleted()).extracting(d -> d.key()).containsExactly("dir/a b+c.bin", "never-was");
      s3.deleteBucket(r -> r.bucket(b));
      assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(b)))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void listingWithDelimiterAndPages(String name, S3Server server) {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      List<String> keys = List.of("a/1", "a/2", "b", "c/x/1", "c/y", "d", "\u00e9", "\ud83d\ude00", "\ufffd");
      for (String k : keys) {
        s3.putObject(r -> r.bucket(b).key(k), RequestBody.fromString(k));
      }
      ListObjectsV2Response all = s3.listObjectsV2(r -> r.bucket(b));
      assertThat(all.contents()).extracting(S3Object::key)
          .containsExactly("a/1", "a/2", "b", "c/x/1", "c/y", "d", "\u00e9", "\ufffd", "\ud83d\ude00");
      assertThat(all.keyCount()).isEqualTo(9);

      ListObjectsV2Response delim = s3.listObjectsV2(r -> r.bucket(b).delimiter("/"));
      assertThat(delim.contents()).extracting(S3Object::key).containsExactly("b", "d", "\u00e9", "\ufffd",
          "\ud83d\ude00");
      assertThat(delim.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "c/");

      List<String> paged = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        String t = token;
        ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(b).delimiter("/").maxKeys(2)
            .continuationToken(t));
        page.contents().forEach(o -> paged.add(o.key()));
        page.commonPrefixes().forEach(p -> prefixes.add(p.prefix()));
        assertThat(page.keyCount()).isLessThanOrEqualTo(2);
        token = page.isTruncated() ? page.nextContinuationToken() : null;
        pages++;
      } while (token != null);
      assertThat(pages).isEqualTo(4);
      assertThat(paged).containsExactly("b", "d", "\u00e9", "\ufffd", "\ud83d\ude00");
      assertThat(prefixes).containsExactly("a/", "c/");

      assertThat(s3.listObjectsV2(r -> r.bucket(b).prefix("c/").delimiter("/")).commonPrefixes())
          .extracting(p -> p.prefix()).containsExactly("c/x/");
      assertThat(s3.listObjectsV2(r -> r.bucket(b).startAfter("c/y")).contents()).extracting(S3Object::key)
          .containsExactly("d", "\u00e9", "\ufffd", "\ud83d\ude00");
      var v1 = s3.listObjects(r -> r.bucket(b).delimiter("/").maxKeys(3));
      assertThat(v1.isTruncated()).isTrue();
      assertThat(v1.nextMarker()).isEqualTo("c/");
      var v1next = s3.listObjects(r -> r.bucket(b).delimiter("/").marker("c/"));
      assertThat(v1next.contents()).extracting(S3Object::key).startsWith("d");
      var versions = s3.listObjectVersions(r -> r.bucket(b).prefix("a/"));
      assertThat(versions.versions()).extracting(v -> v.key() + "@" + v.versionId())
          .containsExactly("a/1@null", "a/2@null");
      assertThat(s3.getBucketVersioning(r -> r.bucket(b)).status()).isNull();
      assertThat(s3.getBucketLocation(r -> r.bucket(b)).locationConstraintAsString()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void multipart(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      String id = s3.createMultipartUpload(r -> r.bucket(b).key("big").contentType("text/x-big")).uploadId();
      byte[] p1 = new byte[5 * 1024 * 1024];
      byte[] p2 = "tail".getBytes(StandardCharsets.UTF_8);
      ThreadLocalRandom.current().nextBytes(p1);
      String e1 = s3.uploadPart(r -> r.bucket(b).key("big").uploadId(id).partNumber(1), RequestBody.fromBytes(p1)).eTag();
      String e2 = s3.uploadPart(r -> r.bucket(b).key("big").uploadId(id).partNumber(2), RequestBody.fromBytes(p2)).eTag();
      assertThat(s3.listParts(r -> r.bucket(b).key("big").uploadId(id)).parts()).extracting(p -> p.partNumber())
          .containsExactly(1, 2);
      assertThat(s3.listMultipartUploads(r -> r.bucket(b)).uploads()).extracting(u -> u.uploadId()).containsExactly(id);

      assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("big").uploadId(id)
          .multipartUpload(CompletedMultipartUpload.builder().parts(
              CompletedPart.builder().partNumber(2).eTag(e2).build(),
              CompletedPart.builder().partNumber(1).eTag(e1).build()).build())))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
      assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("big").uploadId(id)
          .multipartUpload(CompletedMultipartUpload.builder().parts(
              CompletedPart.builder().partNumber(1).eTag("\"00000000000000000000000000000000\"").build()).build())))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
      assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("big").uploadId(id)
          .multipartUpload(CompletedMultipartUpload.builder().parts(
              CompletedPart.builder().partNumber(2).eTag(e2).build(),
              CompletedPart.builder().partNumber(3).eTag(e2).build()).build())))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isIn("InvalidPart", "EntityTooSmall"));

      String etag = s3.completeMultipartUpload(r -> r.bucket(b).key("big").uploadId(id)
          .multipartUpload(CompletedMultipartUpload.builder().parts(
              CompletedPart.builder().partNumber(1).eTag(e1).build(),
              CompletedPart.builder().partNumber(2).eTag(e2).build()).build())).eTag();
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(HexFormat.of().parseHex(md5Hex(p1)));
      md5.update(HexFormat.of().parseHex(md5Hex(p2)));
      assertThat(etag).isEqualTo("\"" + HexFormat.of().formatHex(md5.digest()) + "-2\"");
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(b).key("big"));
      assertThat(got.response().contentType()).isEqualTo("text/x-big");
      assertThat(got.asByteArray()).hasSize(p1.length + p2.length);
      assertThat(java.util.Arrays.copyOfRange(got.asByteArray(), p1.length, p1.length + 4)).isEqualTo(p2);

      String copyId = s3.createMultipartUpload(r -> r.bucket(b).key("copied")).uploadId();
      String c1 = s3.uploadPartCopy(r -> r.sourceBucket(b).sourceKey("big").destinationBucket(b).destinationKey("copied")
          .uploadId(copyId).partNumber(1).copySourceRange("bytes=" + p1.length + "-" + (p1.length + 3)))
          .copyPartResult().eTag();
      s3.completeMultipartUpload(r -> r.bucket(b).key("copied").uploadId(copyId).multipartUpload(
          CompletedMultipartUpload.builder().parts(CompletedPart.builder().partNumber(1).eTag(c1).build()).build()));
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("copied")).asByteArray()).isEqualTo(p2);

      String small = s3.createMultipartUpload(r -> r.bucket(b).key("small")).uploadId();
      String s1 = s3.uploadPart(r -> r.bucket(b).key("small").uploadId(small).partNumber(1), RequestBody.fromBytes(p2)).eTag();
      String s2 = s3.uploadPart(r -> r.bucket(b).key("small").uploadId(small).partNumber(2), RequestBody.fromBytes(p2)).eTag();
      assertThatThrownBy(() -> s3.completeMultipartUpload(r -> r.bucket(b).key("small").uploadId(small)
          .multipartUpload(CompletedMultipartUpload.builder().parts(
              CompletedPart.builder().partNumber(1).eTag(s1).build(),
              CompletedPart.builder().partNumber(2).eTag(s2).build()).build())))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall"));
      s3.abortMultipartUpload(r -> r.bucket(b).key("small").uploadId(small));
      assertThatThrownBy(() -> s3.listParts(r -> r.bucket(b).key("small").uploadId(small)))
          .isInstanceOfSatisfying(S3Exception.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload"));
    }
  }
}
