package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.ScriptedS3Peer.Answer;
import io.s3wire.ScriptedS3Peer.Received;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import io.s3wire.http.RequestBody;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pipeline puts on the wire and how it reacts, against a scripted server: retries signed
 * afresh, the clock corrected after RequestTimeTooSkewed, payload hashes, integrity checks, quirks.
 */
@Timeout(30)
class PipelineTest {
  private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private ScriptedS3Peer peer;
  private S3Client client;
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    peer = new ScriptedS3Peer();
    client = builder().build();
  }

  @AfterEach
  void stop() {
    client.close();
    peer.close();
  }

  private S3ClientBuilder builder() {
    return S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint(peer.endpoint())
        .region("eu-central-1")
        .credentials("AKIDPIPELINE", "pipeline-secret")
        .provider(ProviderProfiles.generic())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null));
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static String md5Hex(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  @Test
  void retriesTransientErrorsSigningEveryAttemptAfresh() throws Exception {
    byte[] body = "retry me".getBytes(StandardCharsets.UTF_8);
    peer.then(Answer.error(503, "SlowDown", Map.of()), Answer.error(500, "InternalError", Map.of()),
        Answer.ok(Map.of("ETag", "\"" + md5Hex(body) + "\"")));
    // A clock that moves on a second each time it is read: every signature must use a new reading.
    java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong(1_800_000_000L);
    Clock ticking = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return Instant.ofEpochSecond(seconds.getAndIncrement()); }
    };
    try (S3Client c = builder().clock(ticking).build()) {
      PutObjectResult r = c.putObject(BucketKey.of("bucket", "a key+%/x"), body);
      assertThat(r.eTag()).isEqualTo(md5Hex(body));
    }
    List<Received> got = peer.received();
    assertThat(got).hasSize(3);
    for (Received req : got) {
      assertThat(req.method()).isEqualTo("PUT");
      assertThat(req.rawPathAndQuery()).isEqualTo("/bucket/a%20key%2B%25/x");
      assertThat(req.body()).isEqualTo(body);
      assertThat(req.header("x-amz-content-sha256")).isEqualTo(sha256(body));
      assertThat(req.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDPIPELINE/")
          .contains("/eu-central-1/s3/aws4_request, SignedHeaders=").contains("x-amz-content-sha256;x-amz-date");
    }
    // Each attempt signed with a later reading (an error answer reads the clock too, to measure the skew).
    assertThat(got).extracting(q -> q.header("X-Amz-Date")).first().isEqualTo("20270115T080000Z");
    assertThat(got).extracting(q -> q.header("X-Amz-Date")).isSortedAccordingTo(String::compareTo)
        .doesNotHaveDuplicates();
    assertThat(got).extracting(q -> q.header("Authorization")).doesNotHaveDuplicates();
  }

  @Test
  void givesUpAfterMaxAttemptsWithEveryAttemptAttached() {
    peer.then(Answer.error(503, "SlowDown", Map.of()), Answer.error(503, "SlowDown", Map.of()), Answer.error(503, "SlowDown", Map.of()));
    assertThatThrownBy(() -> client.headBucket("bucket")).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.attempts()).hasSize(3);
      assertThat(e.getSuppressed()).hasSize(2);
    });
    assertThat(peer.received()).hasSize(3);
  }

  @Test
  void nonIdempotentCallsAreNotRepeatedAfterTheServerProcessedThem() {
    // A 500 may come after the work was done; a throttling answer (503 SlowDown) would be replayed:
    // it refuses the request before any work (RetrierTest).
    peer.then(Answer.error(500, "InternalError", Map.of()));
    MultipartUpload upload = new MultipartUpload(BucketKey.of("bucket", "k"), "upload-1");
    assertThatThrownBy(() -> client.completeMultipartUpload(upload, List.of(new CompletedPart(1, "abc", 10))))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("InternalError"));
    assertThat(peer.received()).hasSize(1);
    assertThat(peer.received().get(0).rawPathAndQuery()).isEqualTo("/bucket/k?uploadId=upload-1");
  }

  @Test
  void requestTimeTooSkewedCorrectsTheClockAndRetriesOnce() {
    // The scripted server's Date is the real time; the client's clock is two hours behind it. A HEAD
    // gets no error body, so the body-less 403 and the Date tell the skew.
    Instant wrongNow = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    try (S3Client skewed = builder().clock(Clock.fixed(wrongNow, ZoneOffset.UTC)).build()) {
      peer.then(new Answer(403, Map.of(), ""));
      skewed.headBucket("bucket");
    }
    List<Received> got = peer.received();
    assertThat(got).hasSize(2);
    java.time.format.DateTimeFormatter amz = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", java.util.Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    assertThat(got.get(0).header("X-Amz-Date")).isEqualTo(amz.format(wrongNow));
    Instant corrected = java.time.LocalDateTime.parse(got.get(1).header("X-Amz-Date"), amz).toInstant(ZoneOffset.UTC);
    assertThat(Duration.between(corrected, Instant.now()).abs()).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anEtagThatIsNotTheMd5SentIsAnErrorNamingTheObject() {
    peer.then(Answer.ok(Map.of("ETag", "\"00000000000000000000000000000000\"")));
    assertThatThrownBy(() -> client.putObject(BucketKey.of("bucket", "corrupt"), "payload".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("integrity check failed for s3://bucket/corrupt: the MD5 of the bytes sent is "
              + "321c3cf486ed509164edec1e1981fec8 but the server stored ETag 00000000000000000000000000000000;"
              + " the stored object does not hold what was sent");
          assertThat(e.attempts()).hasSize(1);
        });
  }

  @Test
  void payloadHashPerBodyKind() throws Exception {
    byte[] bytes = "file body".getBytes(StandardCharsets.UTF_8);
    Path file = temp.resolve("f.bin");
    Files.write(file, bytes);
    client.putObject(BucketKey.of("bucket", "file"), file, ObjectMetadata.NONE);
    client.putObject(BucketKey.of("bucket", "stream"), new ByteArrayInputStream(bytes), bytes.length, ObjectMetadata.NONE);
    client.deleteObject(BucketKey.of("bucket", "gone"));
    List<Received> got = peer.received();
    assertThat(got.get(0).header("x-amz-content-sha256")).isEqualTo(sha256(bytes));
    assertThat(got.get(1).header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
    assertThat(got.get(1).body()).isEqualTo(bytes);
    assertThat(got.get(2).header("x-amz-content-sha256")).isEqualTo(EMPTY_SHA);
  }

  @Test
  void unsignedPayloadsSkipTheHashingPassOverPlainHttp() throws Exception {
    byte[] bytes = "file body".getBytes(StandardCharsets.UTF_8);
    Path file = temp.resolve("u.bin");
    Files.write(file, bytes);
    try (S3Client unsigned = builder().payloadSigning(PayloadSigning.UNSIGNED).build()) {
      unsigned.putObject(BucketKey.of("bucket", "file"), file, ObjectMetadata.NONE);
      unsigned.deleteObject(BucketKey.of("bucket", "gone"));
    }
    client.putObject(BucketKey.of("bucket", "signed"), file, ObjectMetadata.NONE);
    List<Received> got = peer.received();
    assertThat(got.get(0).header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
    assertThat(got.get(0).header("authorization")).contains("x-amz-content-sha256");
    assertThat(got.get(0).body()).isEqualTo(bytes);
    // An empty body still names the empty hash: there is nothing to skip.
    assertThat(got.get(1).header("x-amz-content-sha256")).isEqualTo(EMPTY_SHA);
    assertThat(got.get(2).header("x-amz-content-sha256")).isEqualTo(sha256(bytes));
  }

  @Test
  void theSigningHashIsTakenOffTheCallersThread() throws Exception {
    // A body whose reads report the thread: the hashing pass must not run on the caller's.
    byte[] bytes = "hash me elsewhere".getBytes(StandardCharsets.UTF_8);
    java.util.Set<String> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    io.s3wire.http.RequestBody body = new io.s3wire.http.RequestBody() {
      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isReplayable() {
        return true;
      }

      @Override
      public java.nio.channels.ReadableByteChannel open() {
        readers.add(Thread.currentThread().getName());
        return java.nio.channels.Channels.newChannel(new ByteArrayInputStream(bytes));
      }
    };
    client.async().putObject(BucketKey.of("bucket", "k"), body, ObjectMetadata.NONE).join();
    assertThat(peer.received().get(0).header("x-amz-content-sha256")).isEqualTo(sha256(bytes));
    assertThat(readers).isNotEmpty().doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void deleteObjectsCarriesContentMd5WhereTheProfileNeedsIt() throws Exception {
    peer.then(new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeleteResult>"
        + "<Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>no</Message></Error></DeleteResult>"));
    DeleteObjectsResult r = client.deleteObjects("bucket", List.of("a", "b"));
    assertThat(r.deleted()).containsExactly("a");
    assertThat(r.failures()).containsExactly(new DeleteObjectsResult.Failure("b", "AccessDenied", "no"));
    Received req = peer.received().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.rawPathAndQuery()).isEqualTo("/bucket?delete");
    assertThat(req.header("Content-MD5")).isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(req.body())));
    assertThat(new String(req.body(), StandardCharsets.UTF_8)).contains("<Key>a</Key>").contains("<Key>b</Key>");
  }

  @Test
  void anErrorInsideA200IsAFailure() {
    peer.then(new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
        + "<Message>copy failed late</Message></Error>"));
    assertThatThrownBy(() -> client.copyObject(CopyObjectRequest.of(BucketKey.of("bucket", "a b"), BucketKey.of("bucket", "c"))))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(200);
          assertThat(e.errorCode()).isEqualTo("InternalError");
        });
    assertThat(peer.received().get(0).header("x-amz-copy-source")).isEqualTo("bucket/a%20b");
    assertThat(peer.received().get(0).header("x-amz-metadata-directive")).isEqualTo("COPY");
  }

  @Test
  void headersForMetadataConditionsAndRanges() {
    peer.then(Answer.ok(Map.of("ETag", "\"" + "d41d8cd98f00b204e9800998ecf8427e" + "\"")));
    client.putObject(BucketKey.of("bucket", "k"), RequestBody.ofBytes(new byte[0]),
        ObjectMetadata.contentType("text/plain").withCacheControl("no-cache").withStorageClass("STANDARD_IA")
            .withUserMetadata("Author", "me"));
    Instant t = Instant.parse("2026-03-05T07:08:09Z");
    client.getObjectBytes(GetObjectRequest.of(BucketKey.of("bucket", "k")).withRange(Range.of(0, 9))
        .withConditions(Conditions.ifMatch("abc").withIfNoneMatch("\"def\"").withIfModifiedSince(t).withIfUnmodifiedSince(t)));
    Received put = peer.received().get(0);
    assertThat(put.header("Content-Type")).isEqualTo("text/plain");
    assertThat(put.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(put.header("x-amz-storage-class")).isEqualTo("STANDARD_IA");
    assertThat(put.header("x-amz-meta-author")).isEqualTo("me");
    Received get = peer.received().get(1);
    assertThat(get.header("Range")).isEqualTo("bytes=0-9");
    assertThat(get.header("If-Match")).isEqualTo("\"abc\"");
    assertThat(get.header("If-None-Match")).isEqualTo("\"def\"");
    assertThat(get.header("If-Modified-Since")).isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
    assertThat(get.header("If-Unmodified-Since")).isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
  }

  @Test
  void checksumHeadersOnlyWhereTheProfileAcceptsThem() throws Exception {
    byte[] body = "checksummed".getBytes(StandardCharsets.UTF_8);
    String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    try (S3Client aws = builder().provider(ProviderProfiles.aws()).build()) {
      aws.putObject(BucketKey.of("bucket", "with"), body);
    }
    client.putObject(BucketKey.of("bucket", "without"), body);
    try (S3Client gcs = builder().provider(ProviderProfiles.gcs()).build()) {
      gcs.putObject(BucketKey.of("bucket", "gcs"), body);
    }
    List<Received> got = peer.received();
    assertThat(got.get(0).header("x-amz-checksum-sha256")).isEqualTo(sha);
    assertThat(got.get(1).header("x-amz-checksum-sha256")).isNull();
    assertThat(got.get(2).header("x-amz-checksum-sha256")).isNull();
    assertThat(got).extracting(q -> q.header("x-amz-content-sha256")).containsOnly(sha256(body));
  }

  @Test
  void aTruncatedListingWithoutATokenIsAnErrorNotASilentEnd() {
    peer.then(new Answer(200, Map.of(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
        + "<Name>bucket</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>"
        + "<Contents><Key>a</Key><Size>1</Size><ETag>\"x\"</ETag></Contents></ListBucketResult>"));
    assertThatThrownBy(() -> client.listObjects(ListObjectsRequest.of("bucket")).objects().count())
        .isInstanceOf(TransportException.class)
        .hasMessage("the answer to ListObjectsV2 s3://bucket says more keys follow but gives no NextContinuationToken");
    assertThat(peer.received().get(0).rawPathAndQuery()).isEqualTo("/bucket?list-type=2&encoding-type=url");
  }

  @Test
  void aDerivedClientSharesTheTransportAndClosingItLeavesTheOriginalWorking() {
    try (S3Client derived = client.newBuilder().region("ap-south-1").build()) {
      derived.headBucket("bucket");
    }
    client.headBucket("bucket");
    List<Received> got = peer.received();
    assertThat(got).hasSize(2);
    assertThat(got.get(0).header("Authorization")).contains("/ap-south-1/s3/aws4_request");
    assertThat(got.get(1).header("Authorization")).contains("/eu-central-1/s3/aws4_request");
  }
}
