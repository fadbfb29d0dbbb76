package io.s3wire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.Bucket;
import io.s3wire.BucketKey;
import io.s3wire.Conditions;
import io.s3wire.CopyObjectRequest;
import io.s3wire.CopyObjectResult;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectBytes;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.ObjectStream;
import io.s3wire.PutObjectResult;
import io.s3wire.Range;
import io.s3wire.S3Client;
import io.s3wire.error.ServiceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The client suite, run against any S3 server ({@link #target()}): buckets, objects, ranges,
 * conditionals, copy and errors. Listing, multipart and deletes are in {@link S3ClientBulkContract}.
 * Each test works in its own bucket, so tests do not see each other's objects.
 */
public abstract class S3ClientContract extends ClientFixture {
  @Test
  void bucketLifecycle() {
    String bucket = newBucket();
    client.headBucket(bucket);
    assertThat(client.listBuckets()).extracting(Bucket::name).contains(bucket);
    client.deleteBucket(bucket);
    assertThatThrownBy(() -> client.headBucket(bucket)).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
    });
    assertThat(client.listBuckets()).extracting(Bucket::name).doesNotContain(bucket);
  }

  @Test
  void putGetHeadDeleteWithMetadata() throws Exception {
    String bucket = newBucket();
    BucketKey key = BucketKey.of(bucket, "docs/hello.txt");
    byte[] body = utf8("hello, s3wire");
    // No media-type parameters: s3proxy's Jetty rewrites "; charset=" after it was signed, which it
    // then reports as SignatureDoesNotMatch (a server quirk, not ours).
    ObjectMetadata meta = ObjectMetadata.contentType("text/markdown").withCacheControl("max-age=60")
        .withUserMetadata("Color", "blue").withUserMetadata("owner", "tests");
    PutObjectResult put = client.putObject(key, io.s3wire.http.RequestBody.ofBytes(body), meta);
    assertThat(put.eTag()).isEqualTo(md5(body));
    assertThat(put.object()).isEqualTo(key);

    ObjectBytes got = client.getObjectBytes(key);
    assertThat(got.asUtf8()).isEqualTo("hello, s3wire");
    assertThat(got.info().eTag()).isEqualTo(md5(body));
    assertThat(got.info().metadata().contentType()).isEqualTo("text/markdown");

    ObjectInfo head = client.headObject(key);
    assertThat(head.contentLength()).isEqualTo(body.length);
    assertThat(head.eTag()).isEqualTo(md5(body));
    assertThat(head.metadata().cacheControl()).isEqualTo("max-age=60");
    assertThat(head.metadata().userMetadata()).containsEntry("color", "blue").containsEntry("owner", "tests");
    assertThat(head.lastModified()).isBetween(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS));

    client.deleteObject(key);
    assertThatThrownBy(() -> client.headObject(key)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void requestValueContentHeadersAndVersionlessDeleteRoundTrip() {
    String bucket = newBucket();
    BucketKey key = BucketKey.of(bucket, "request.txt");
    io.s3wire.ObjectMetadata meta = io.s3wire.ObjectMetadata.contentType("text/plain").withCacheControl("max-age=9")
        .withContentDisposition("attachment; filename=\"r.txt\"").withContentEncoding("identity")
        .withContentLanguage("en-GB").withExpires(java.time.Instant.parse("2030-01-02T03:04:05Z"));
    client.putObject(io.s3wire.PutObjectRequest.of(key).withMetadata(meta), utf8("request body"));

    ObjectInfo head = client.headObject(io.s3wire.HeadObjectRequest.of(key));
    assertThat(head.metadata().contentType()).isEqualTo("text/plain");
    assertThat(head.metadata().cacheControl()).isEqualTo("max-age=9");
    assertThat(head.metadata().contentDisposition()).isEqualTo("attachment; filename=\"r.txt\"");
    assertThat(head.metadata().contentEncoding()).isEqualTo("identity");
    assertThat(head.metadata().contentLanguage()).isEqualTo("en-GB");
    assertThat(head.metadata().expires()).isEqualTo(java.time.Instant.parse("2030-01-02T03:04:05Z"));
    assertThat(client.deleteObject(io.s3wire.DeleteObjectRequest.of(key)))
        .isEqualTo(new io.s3wire.DeleteObjectResult(key, null, false));
  }

  @Test
  void oddKeysRoundTripExactly() {
    String bucket = newBucket();
    String longKey = "long/" + "k".repeat(1019);
    String[] keys = {
        "with space", "plus+sign", "percent%20literal", "question?mark", "hash#tag", "double//slash",
        "unicode-日本語-ü-😀", "amp&equals=semi;colon", "tilde~star*quote'paren()", "comma,colon:at@dollar$",
        "trailing/", "a/./b", "a/../b", longKey};
    assertThat(longKey.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
    for (String k : keys) {
      client.putObject(BucketKey.of(bucket, k), utf8("body of " + k));
    }
    for (String k : keys) {
      assertThat(client.getObjectBytes(BucketKey.of(bucket, k)).asUtf8()).as(k).isEqualTo("body of " + k);
      assertThat(client.headObject(BucketKey.of(bucket, k)).contentLength()).as(k).isEqualTo(utf8("body of " + k).length);
    }
    assertThat(client.listObjects(io.s3wire.ListObjectsRequest.of(bucket)).objects().map(io.s3wire.S3Object::key))
        .containsExactlyInAnyOrder(keys);
    for (String k : keys) {
      client.deleteObject(BucketKey.of(bucket, k));
    }
    assertThat(client.listObjects(io.s3wire.ListObjectsRequest.of(bucket)).objects()).isEmpty();
  }

  @Test
  void ranges() {
    String bucket = newBucket();
    BucketKey key = BucketKey.of(bucket, "digits");
    client.putObject(key, utf8("0123456789"));
    ObjectBytes first = client.getObjectBytes(GetObjectRequest.of(key).withRange(Range.of(2, 5)));
    assertThat(first.asUtf8()).isEqualTo("2345");
    assertThat(first.info().contentRange()).isEqualTo("bytes 2-5/10");
    assertThat(first.info().contentLength()).isEqualTo(4);
    assertThat(client.getObjectBytes(GetObjectRequest.of(key).withRange(Range.from(7))).asUtf8()).isEqualTo("789");
    assertThat(client.getObjectBytes(GetObjectRequest.of(key).withRange(Range.lastBytes(3))).asUtf8()).isEqualTo("789");
    assertThatThrownBy(() -> client.getObjectBytes(GetObjectRequest.of(key).withRange(Range.from(10))))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(416);
          assertThat(e.errorCode()).isEqualTo("InvalidRange");
        });
  }

  @Test
  void conditionals() throws Exception {
    String bucket = newBucket();
    BucketKey key = BucketKey.of(bucket, "cond");
    byte[] body = utf8("conditional body");
    String eTag = client.putObject(key, body).eTag();
    Instant modified = client.headObject(key).lastModified();

    assertThat(client.getObjectBytes(GetObjectRequest.of(key).withConditions(Conditions.ifMatch(eTag))).asUtf8())
        .isEqualTo("conditional body");
    assertStatus(() -> client.getObjectBytes(GetObjectRequest.of(key).withConditions(Conditions.ifMatch(md5(utf8("other"))))),
        412, "PreconditionFailed");
    assertStatus(() -> client.getObjectBytes(GetObjectRequest.of(key).withConditions(Conditions.ifNoneMatch(eTag))),
        304, "NotModified");
    assertThat(client.getObjectBytes(GetObjectRequest.of(key).withConditions(Conditions.ifNoneMatch(md5(utf8("other"))))).bytes())
        .isEqualTo(body);
    assertStatus(() -> client.getObjectBytes(GetObjectRequest.of(key)
        .withConditions(Conditions.ifModifiedSince(modified.plus(1, ChronoUnit.HOURS)))), 304, "NotModified");
    assertThat(client.getObjectBytes(GetObjectRequest.of(key)
        .withConditions(Conditions.ifModifiedSince(modified.minus(1, ChronoUnit.HOURS)))).bytes()).isEqualTo(body);
    assertStatus(() -> client.getObjectBytes(GetObjectRequest.of(key)
        .withConditions(Conditions.ifUnmodifiedSince(modified.minus(1, ChronoUnit.HOURS)))), 412, "PreconditionFailed");
    assertThat(client.getObjectBytes(GetObjectRequest.of(key)
        .withConditions(Conditions.ifUnmodifiedSince(modified.plus(1, ChronoUnit.HOURS)))).bytes()).isEqualTo(body);
  }

  @Test
  void copyKeepsOrReplacesMetadata() {
    String bucket = newBucket();
    BucketKey source = BucketKey.of(bucket, "source key");
    client.putObject(source, io.s3wire.http.RequestBody.ofBytes(utf8("copy me")),
        ObjectMetadata.contentType("text/plain").withUserMetadata("tag", "original"));

    BucketKey kept = BucketKey.of(bucket, "copies/kept");
    CopyObjectResult r = client.copyObject(CopyObjectRequest.of(source, kept));
    assertThat(r.eTag()).isEqualTo(client.headObject(source).eTag());
    ObjectInfo keptInfo = client.headObject(kept);
    assertThat(keptInfo.metadata().contentType()).isEqualTo("text/plain");
    assertThat(keptInfo.metadata().userMetadata()).containsEntry("tag", "original");

    BucketKey replaced = BucketKey.of(bucket, "copies/replaced");
    client.copyObject(CopyObjectRequest.of(source, replaced)
        .replacing(ObjectMetadata.contentType("application/json").withUserMetadata("tag", "new")));
    ObjectInfo replacedInfo = client.headObject(replaced);
    assertThat(replacedInfo.metadata().contentType()).isEqualTo("application/json");
    assertThat(replacedInfo.metadata().userMetadata()).containsEntry("tag", "new").doesNotContainKey("original");
    assertThat(client.getObjectBytes(replaced).asUtf8()).isEqualTo("copy me");
  }

  @Test
  void filesAndStreams() throws Exception {
    String bucket = newBucket();
    byte[] body = new byte[300_000];
    ThreadLocalRandom.current().nextBytes(body);
    Path source = temp.resolve("upload.bin");
    Files.write(source, body);
    BucketKey key = BucketKey.of(bucket, "file.bin");
    assertThat(client.putObject(key, source, ObjectMetadata.NONE).eTag()).isEqualTo(md5(body));

    Path target = temp.resolve("download.bin");
    Files.write(target, utf8("old content is replaced whole"));
    ObjectInfo info = client.getObjectToFile(GetObjectRequest.of(key), target);
    assertThat(info.contentLength()).isEqualTo(body.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(body);
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("upload.bin", "download.bin");
    }

    try (ObjectStream in = client.getObjectStream(GetObjectRequest.of(key))) {
      assertThat(in.info().eTag()).isEqualTo(md5(body));
      assertThat(in.readAllBytes()).isEqualTo(body);
    }

    BucketKey streamed = BucketKey.of(bucket, "streamed-known-length");
    client.putObject(streamed, new ByteArrayInputStream(body), body.length, ObjectMetadata.NONE);
    assertThat(client.getObjectBytes(streamed).bytes()).isEqualTo(body);
  }

  @Test
  void aSkewedClockIsCorrectedFromTheServersTime() {
    String bucket = newBucket();
    java.time.Clock hourBehind = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(-1));
    try (S3Client skewed = builder(target().secretKey()).clock(hourBehind).build()) {
      skewed.putObject(BucketKey.of(bucket, "skewed"), utf8("signed an hour late"));
      assertThat(skewed.getObjectBytes(BucketKey.of(bucket, "skewed")).asUtf8()).isEqualTo("signed an hour late");
      skewed.headObject(BucketKey.of(bucket, "skewed"));
    }
  }

  @Test
  void serviceErrors() {
    String bucket = newBucket();
    assertStatus(() -> client.getObjectBytes(BucketKey.of("s3w-no-such-bucket-" + BUCKETS.incrementAndGet(), "k")),
        404, "NoSuchBucket");
    assertStatus(() -> client.getObjectBytes(BucketKey.of(bucket, "missing")), 404, "NoSuchKey");
    client.putObject(BucketKey.of(bucket, "keep"), utf8("x"));
    assertStatus(() -> client.deleteBucket(bucket), 409, "BucketNotEmpty");
    try (S3Client wrongSecret = newClient(target().secretKey() + "-wrong")) {
      assertThatThrownBy(() -> wrongSecret.getObjectBytes(BucketKey.of(bucket, "keep")))
          .isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.attempts()).hasSize(1);
            assertThat(e.attempts().get(0).outcome()).startsWith("403");
            assertThat(e.getMessage()).doesNotContain(target().secretKey());
            assertThat(e.explain()).contains("wrong secret key").contains("We signed the headers host;")
                .doesNotContain(target().secretKey());
            if (e.serverStringToSign() != null) {
              // The request arrived as signed; only the secret differs.
              assertThat(e.explain()).contains("the secret key does not belong to the access key");
            }
          });
    }
  }
}
