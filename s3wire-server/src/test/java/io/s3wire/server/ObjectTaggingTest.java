package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Object tagging as S3 has it, driven by the AWS SDK v2 at its defaults: {@code x-amz-tagging} on
 * PutObject, CreateMultipartUpload and CopyObject (COPY and REPLACE), Put/Get/DeleteObjectTagging,
 * {@code x-amz-tagging-count}, S3's limits and error codes; both stores, HTTP/1.1 plain and TLS,
 * HTTP/2 over TLS.
 */
@Timeout(120)
class ObjectTaggingTest {
  static S3Server plain;
  static S3Server tls;
  static S3Server file;
  static S3Server anonymous;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    plain = Peers.onOneDigitDay().start();
    tls = Peers.onOneDigitDay().tls(true).start();
    dir = Files.createTempDirectory("s3wire-tagging");
    file = Peers.onOneDigitDay().store(ObjectStore.file(dir, Peers.oneDigitDayClock())).start();
    anonymous = S3Server.builder().anonymous(true).start();
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    tls.close();
    file.close();
    file.store().close();
    anonymous.close();
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of("memory", plain), Arguments.of("tls", tls), Arguments.of("file", file));
  }

  static String bucket() {
    return "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  static List<Tag> tagSet(String... kv) {
    List<Tag> tags = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      tags.add(Tag.builder().key(kv[i]).value(kv[i + 1]).build());
    }
    return tags;
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false)
  @MethodSource("servers")
  void tagsThroughEveryWrite(String name, S3Server server) throws Exception {
    try (S3Client s3 = Peers.apache(server)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      var put = s3.putObject(r -> r.bucket(b).key("k").tagging("project=blue&note=two%20words&empty="),
          RequestBody.fromString("hello"));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet())
          .containsExactlyElementsOf(tagSet("project", "blue", "note", "two words", "empty", ""));
      GetObjectResponse got = s3.getObjectAsBytes(r -> r.bucket(b).key("k")).response();
      assertThat(got.tagCount()).isEqualTo(3);
      HeadObjectResponse head = s3.headObject(r -> r.bucket(b).key("k"));
      assertThat(head.sdkHttpResponse().firstMatchingHeader("x-amz-tagging-count")).hasValue("3");

      // Replaced whole and in place: ETag and Last-Modified are the object's, untouched.
      s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("é", "ü", "a:b", "c/d=e+f@g"))));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet())
          .containsExactlyElementsOf(tagSet("é", "ü", "a:b", "c/d=e+f@g"));
      HeadObjectResponse after = s3.headObject(r -> r.bucket(b).key("k"));
      assertThat(after.eTag()).isEqualTo(put.eTag());
      assertThat(after.lastModified()).isEqualTo(head.lastModified());
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("k")).asUtf8String()).isEqualTo("hello");

      // CopyObject keeps the source's tags by default, takes the request's under REPLACE.
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("copied"));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("copied")).tagSet()).hasSize(2);
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("replaced")
          .taggingDirective(TaggingDirective.REPLACE).tagging("x=y"));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("replaced")).tagSet()).containsExactlyElementsOf(tagSet("x", "y"));
      s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("none")
          .taggingDirective(TaggingDirective.REPLACE));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("none")).tagSet()).isEmpty();
      assertThat(s3.getObjectAsBytes(r -> r.bucket(b).key("none")).response().tagCount()).isNull();

      // CreateMultipartUpload's tags become the object's at completion.
      String id = s3.createMultipartUpload(r -> r.bucket(b).key("mp").tagging("stage=final")).uploadId();
      String etag = s3.uploadPart(r -> r.bucket(b).key("mp").uploadId(id).partNumber(1), RequestBody.fromString("part"))
          .eTag();
      s3.completeMultipartUpload(r -> r.bucket(b).key("mp").uploadId(id).multipartUpload(CompletedMultipartUpload
          .builder().parts(CompletedPart.builder().partNumber(1).eTag(etag).build()).build()));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("mp")).tagSet()).containsExactlyElementsOf(tagSet("stage", "final"));

      s3.deleteObjectTagging(r -> r.bucket(b).key("k"));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet()).isEmpty();
      assertThat(s3.headObject(r -> r.bucket(b).key("k")).sdkHttpResponse().firstMatchingHeader("x-amz-tagging-count"))
          .isEmpty();
      assertThatThrownBy(() -> s3.getObjectTagging(r -> r.bucket(b).key("absent")))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
      assertThatThrownBy(() -> s3.putObjectTagging(r -> r.bucket(b).key("absent").tagging(t -> t.tagSet(tagSet("a", "b")))))
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
  }

  @Test
  void taggingOverHttp2WithTls() throws Exception {
    try (S3AsyncClient s3 = Peers.nettyHttp2(tls)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b)).get(30, TimeUnit.SECONDS);
      s3.putObject(r -> r.bucket(b).key("k").tagging("a=1&b=2"), AsyncRequestBody.fromString("h2"))
          .get(30, TimeUnit.SECONDS);
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).get(30, TimeUnit.SECONDS).tagSet())
          .containsExactlyElementsOf(tagSet("a", "1", "b", "2"));
      s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("c", "3"))))
          .get(30, TimeUnit.SECONDS);
      var got = s3.getObject(r -> r.bucket(b).key("k"), AsyncResponseTransformer.toBytes()).get(30, TimeUnit.SECONDS);
      assertThat(got.response().tagCount()).isEqualTo(1);
      assertThat(got.asUtf8String()).isEqualTo("h2");
      s3.deleteObjectTagging(r -> r.bucket(b).key("k")).get(30, TimeUnit.SECONDS);
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).get(30, TimeUnit.SECONDS).tagSet()).isEmpty();
    }
  }

  private static void assertError(Runnable call, int status, String code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      if (message != null) {
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      }
    });
  }

  @Test
  void limitsAndErrorsAsS3() throws Exception {
    try (S3Client s3 = Peers.apache(plain)) {
      String b = bucket();
      s3.createBucket(r -> r.bucket(b));
      s3.putObject(r -> r.bucket(b).key("k"), RequestBody.fromString("x"));
      List<Tag> ten = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ten.add(Tag.builder().key("k" + i).value("v").build());
      }
      s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(ten)));
      List<Tag> eleven = new ArrayList<>(ten);
      eleven.add(Tag.builder().key("k10").value("v").build());
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(eleven))), 400,
          "BadRequest", "Object tags cannot be greater than 10");
      StringBuilder header = new StringBuilder();
      for (int i = 0; i < 11; i++) {
        header.append(i == 0 ? "" : "&").append("h").append(i).append("=v");
      }
      assertError(() -> s3.putObject(r -> r.bucket(b).key("k11").tagging(header.toString()), RequestBody.fromString("x")),
          400, "BadRequest", "Object tags cannot be greater than 10");

      // Lengths count Unicode characters, not bytes.
      String key128 = "é".repeat(128);
      String value256 = "ü".repeat(256);
      s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet(key128, value256))));
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet()).containsExactlyElementsOf(tagSet(key128, value256));
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("a".repeat(129), "v")))),
          400, "InvalidTag", "The TagKey you have provided is too long, max 128");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("k", "v".repeat(257))))),
          400, "InvalidTag", "The TagValue you have provided is too long, max 256");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("aws:owner", "me")))),
          400, "InvalidTag", "Your TagKey cannot be prefixed with aws:");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("AWS:x", "me")))),
          400, "InvalidTag", null);
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("a", "1", "a", "2")))),
          400, "InvalidTag", "Cannot provide multiple Tags with the same key");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("a*b", "1")))),
          400, "InvalidTag", "The TagKey you have provided is invalid");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("", "1")))),
          400, "InvalidTag", "The TagKey you have provided is invalid");
      assertError(() -> s3.putObjectTagging(r -> r.bucket(b).key("k").tagging(t -> t.tagSet(tagSet("a", "<b>")))),
          400, "InvalidTag", "The TagValue you have provided is invalid");
      assertError(() -> s3.putObject(r -> r.bucket(b).key("dup").tagging("a=1&a=2"), RequestBody.fromString("x")),
          400, "InvalidArgument", "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query"
              + " parameters without tag name duplicates.");
      assertError(() -> s3.copyObject(r -> r.sourceBucket(b).sourceKey("k").destinationBucket(b).destinationKey("c")
          .taggingDirective("MERGE")), 400, "InvalidArgument", "Unknown tagging directive.");
      // Nothing was stored by the refused writes, and the refused PutObjectTagging left the tags alone.
      assertThatThrownBy(() -> s3.headObject(r -> r.bucket(b).key("dup"))).isInstanceOf(S3Exception.class);
      assertThat(s3.getObjectTagging(r -> r.bucket(b).key("k")).tagSet()).containsExactlyElementsOf(tagSet(key128, value256));

      // Bucket tagging is not object tagging: the object's tags do not make a bucket tag set.
      assertError(() -> s3.getBucketTagging(r -> r.bucket(b)), 404, "NoSuchTagSet", null);
    }
  }

  @Test
  void malformedTaggingDocumentsAreMalformedXml() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    anonymous.store().createBucket("raw");
    anonymous.store().putObject("raw", "k", new ObjectAttributes(java.util.Map.of(), java.util.Map.of()),
        new java.io.ByteArrayInputStream(new byte[1]));
    for (String doc : List.of("not xml", "<Tagging/>", "<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>",
        "<Tagging><TagSet><Other/></TagSet></Tagging>", "<Other><TagSet/></Other>")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/raw/k?tagging"))
          .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(doc)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(doc).isEqualTo(400);
      assertThat(r.body()).as(doc).contains("<Code>MalformedXML</Code>");
    }
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/raw/k?tagging"))
        .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(
            "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>a &amp; b</Key>"
                + "<Value></Value></Tag></TagSet></Tagging>")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(400);
    assertThat(ok.body()).contains("<Code>InvalidTag</Code>");
    HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/raw/k?tagging"))
        .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(
            "<Tagging><TagSet><Tag><Key>a b</Key><Value></Value></Tag></TagSet></Tagging>")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(empty.statusCode()).isEqualTo(200);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/raw/k?tagging"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tagging xmlns=\""
        + "http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>a b</Key><Value></Value></Tag></TagSet></Tagging>");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/raw/k?tagging"))
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }
}
