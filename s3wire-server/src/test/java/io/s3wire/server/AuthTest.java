package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** SigV4 verification as S3 answers it: header and presigned, skew, expiry, payload hash, errors with their details. */
@Timeout(60)
class AuthTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static S3Client client(S3Server server, String accessKey, String secretKey, Region region) {
    return S3Client.builder().endpointOverride(server.endpoint()).region(region).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void wrongSecretGetsSignatureDoesNotMatchWithStringToSignAndCanonicalRequest() throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKIDEXAMPLE", "right-secret").start()) {
      server.store().createBucket("bucket");
      try (S3Client s3 = client(server, "AKIDEXAMPLE", "wrong-secret", Region.US_EAST_1)) {
        assertThatThrownBy(() -> s3.listObjectsV2(r -> r.bucket("bucket")))
            .isInstanceOfSatisfying(S3Exception.class, e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
        HttpResponse<String> raw = signedGet(server, "/bucket", "list-type=2", "AKIDEXAMPLE", "wrong-secret", "us-east-1");
        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(raw.body()).contains("<AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId>")
            .doesNotContain("right-secret").doesNotContain("wrong-secret").doesNotContain("SignatureProvided");
        io.s3wire.xml.ErrorDocument doc = io.s3wire.xml.S3Xml.readError(raw.body().getBytes(StandardCharsets.UTF_8));
        assertThat(doc.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(doc.stringToSign()).startsWith("AWS4-HMAC-SHA256\n").contains("/us-east-1/s3/aws4_request\n");
        assertThat(doc.canonicalRequest()).isEqualTo("GET\n/bucket\nlist-type=2\nhost:127.0.0.1:" + server.port()
            + "\nx-amz-content-sha256:" + sha256("") + "\nx-amz-date:" + doc.stringToSign().split("\n")[1]
            + "\n\nhost;x-amz-content-sha256;x-amz-date\n" + sha256(""));
        assertThat(doc.requestId()).isNotEmpty();
      }
      try (S3Client s3 = client(server, "AKIDUNKNOWN", "right-secret", Region.US_EAST_1)) {
        assertThatThrownBy(() -> s3.listBuckets()).isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
      }
      try (S3Client s3 = client(server, "AKIDEXAMPLE", "right-secret", Region.EU_WEST_1)) {
        assertThatThrownBy(() -> s3.listBuckets()).isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationHeaderMalformed"));
      }
      {
        HttpResponse<String> raw = signedGet(server, "/", "", "AKIDEXAMPLE", "right-secret", "eu-west-1");
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.body()).contains("<Region>us-east-1</Region>").contains("expecting &apos;us-east-1&apos;");
      }
      try (S3Client s3 = client(server, "AKIDEXAMPLE", "right-secret", Region.US_EAST_1)) {
        s3.putObject(r -> r.bucket("bucket").key("k"), RequestBody.fromString("hello"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("bucket").key("k")).asUtf8String()).isEqualTo("hello");
      }
      HttpResponse<String> anon = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/bucket")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anon.statusCode()).isEqualTo(403);
      assertThat(anon.body()).contains("<Code>AccessDenied</Code>").contains("<RequestId>");
    }
  }

  @Test
  void skewedServerClockGetsRequestTimeTooSkewed() throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").clockOffset(Duration.ofMinutes(20)).start();
        S3Client s3 = client(server, "AKID", "secret", Region.US_EAST_1)) {
      assertThatThrownBy(() -> s3.listBuckets()).isInstanceOfSatisfying(S3Exception.class, e -> {
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestTimeTooSkewed");
      });
      assertThat(signedGet(server, "/", "", "AKID", "secret", "us-east-1").body())
          .contains("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
    }
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").clockOffset(Duration.ofMinutes(14)).start();
        S3Client s3 = client(server, "AKID", "secret", Region.US_EAST_1)) {
      assertThat(s3.listBuckets().buckets()).isEmpty();
    }
  }

  @Test
  void pinnedClockChecksRequestTimesUnlessToldNotToAndAlwaysChecksSignatures() throws Exception {
    java.time.Clock pinned = java.time.Clock.fixed(java.time.Instant.parse("2026-11-05T10:00:00Z"),
        java.time.ZoneOffset.UTC);
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").clock(pinned).start()) {
      HttpResponse<String> raw = signedGet(server, "/", "", "AKID", "secret", "us-east-1");
      assertThat(raw.statusCode()).isEqualTo(403);
      assertThat(raw.body()).contains("<Code>RequestTimeTooSkewed</Code>")
          .contains("<ServerTime>20261105T100000Z</ServerTime>");
      assertThat(raw.headers().firstValue("date")).hasValue("Thu, 05 Nov 2026 10:00:00 GMT");
    }
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").clock(pinned).checkRequestTime(false)
        .start()) {
      assertThat(signedGet(server, "/", "", "AKID", "secret", "us-east-1").statusCode()).isEqualTo(200);
      HttpResponse<String> wrong = signedGet(server, "/", "", "AKID", "not-the-secret", "us-east-1");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
  }

  @Test
  void presignedUrlsWorkUntilTheyExpire() throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").start()) {
      server.store().createBucket("bucket");
      server.store().putObject("bucket", "a key", ObjectAttributes.empty(),
          new java.io.ByteArrayInputStream("presigned".getBytes(StandardCharsets.UTF_8)));
      try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
          .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build()) {
        URI url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
            .getObjectRequest(g -> g.bucket("bucket").key("a key"))).url().toURI();
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("presigned");
        URI tampered = URI.create(url.toString().replace("a%20key", "b%20key"));
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).contains("<Code>SignatureDoesNotMatch</Code>");
      }
    }
    try (S3Server late = S3Server.builder().credentials("AKID", "secret").clockOffset(Duration.ofMinutes(6)).start();
        S3Presigner presigner = S3Presigner.builder().endpointOverride(late.endpoint()).region(Region.US_EAST_1)
            .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build()) {
      URI url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
          .getObjectRequest(g -> g.bucket("bucket").key("k"))).url().toURI();
      HttpResponse<String> expired = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(expired.statusCode()).isEqualTo(403);
      assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("<Message>Request has expired</Message>");
    }
  }

  /**
   * X-Amz-Expires outside 1..604800 is AuthorizationQueryParametersError in signed and in anonymous
   * mode alike: a presigned URL is a signed request even on a public bucket, and S3 checks it.
   */
  @Test
  void presignedExpiryOutsideOneSecondToSevenDaysIsRefusedAlsoInAnonymousMode() throws Exception {
    try (S3Server signed = S3Server.builder().credentials("AKID", "secret").start();
        S3Server anonymous = S3Server.builder().anonymous(true).start();
        S3Server anonymousLate = S3Server.builder().anonymous(true).clockOffset(Duration.ofMinutes(6)).start()) {
      for (S3Server server : java.util.List.of(signed, anonymous, anonymousLate)) {
        server.store().createBucket("bucket");
        server.store().putObject("bucket", "k", ObjectAttributes.empty(),
            new java.io.ByteArrayInputStream("presigned".getBytes(StandardCharsets.UTF_8)));
      }
      for (S3Server server : java.util.List.of(signed, anonymous)) {
        URI url = presign(server, Duration.ofMinutes(5));
        assertThat(HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(200);
        for (String expires : java.util.List.of("0", "604801", "-1", "soon")) {
          URI bad = URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires));
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(bad).build(), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(expires).isEqualTo(400);
          assertThat(r.body()).as(expires).contains("<Code>AuthorizationQueryParametersError</Code>")
              .contains("X-Amz-Expires");
        }
      }
      HttpResponse<String> expired = HTTP.send(HttpRequest.newBuilder(presign(anonymousLate, Duration.ofMinutes(5)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(expired.statusCode()).isEqualTo(403);
      assertThat(expired.body()).contains("<Message>Request has expired</Message>");
      HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(URI.create(anonymous.endpoint() + "/bucket/k"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode()).isEqualTo(200);
    }
  }

  private static URI presign(S3Server server, Duration validity) throws Exception {
    try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true)
            .build())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"))).build()) {
      return presigner.presignGetObject(r -> r.signatureDuration(validity)
          .getObjectRequest(g -> g.bucket("bucket").key("k"))).url().toURI();
    }
  }

  @Test
  void signedPayloadHashIsChecked() throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKID", "secret").start()) {
      server.store().createBucket("bucket");
      // Sign a request whose x-amz-content-sha256 commits to "good", then send "evil".
      io.s3wire.http.HttpHeaders headers = io.s3wire.http.HttpHeaders.builder()
          .add("host", "127.0.0.1:" + server.port())
          .add("x-amz-date", io.s3wire.auth.SigV4.amzDate(java.time.Instant.now()))
          .add("x-amz-content-sha256", sha256("good"))
          .build();
      var scope = io.s3wire.auth.CredentialScope.of(java.time.Instant.now(), "us-east-1", "s3");
      var cr = io.s3wire.auth.SigV4Canonicalizer.canonicalRequest("PUT", "/bucket/k", "", headers,
          java.util.List.of("host", "x-amz-content-sha256", "x-amz-date"), sha256("good"), io.s3wire.auth.PathMode.S3);
      var sts = io.s3wire.auth.SigV4Canonicalizer.stringToSign(cr, headers.first("x-amz-date").orElseThrow(), scope);
      String auth = "AWS4-HMAC-SHA256 Credential=AKID/" + scope + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
          + " Signature=" + io.s3wire.auth.SigV4.signature("secret", sts);
      HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(server.endpoint() + "/bucket/k"))
          .header("x-amz-date", headers.first("x-amz-date").orElseThrow())
          .header("x-amz-content-sha256", sha256("good")).header("Authorization", auth);
      HttpResponse<String> evil = HTTP.send(put.PUT(HttpRequest.BodyPublishers.ofString("evil")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(evil.statusCode()).isEqualTo(400);
      assertThat(evil.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
      assertThat(server.store().listObjects("bucket", "", "").hasNext()).isFalse();
      HttpResponse<String> good = HTTP.send(put.PUT(HttpRequest.BodyPublishers.ofString("good")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(good.statusCode()).isEqualTo(200);
      assertThat(server.store().headObject("bucket", "k").size()).isEqualTo(4);
    }
  }

  /** A GET signed with core's canonicaliser, sent with the JDK's HTTP/1.1 client. */
  static HttpResponse<String> signedGet(S3Server server, String path, String query, String ak, String sk, String region)
      throws Exception {
    java.time.Instant now = java.time.Instant.now();
    String amzDate = io.s3wire.auth.SigV4.amzDate(now);
    String empty = sha256("");
    io.s3wire.http.HttpHeaders headers = io.s3wire.http.HttpHeaders.builder()
        .add("host", "127.0.0.1:" + server.port()).add("x-amz-date", amzDate).add("x-amz-content-sha256", empty).build();
    var scope = io.s3wire.auth.CredentialScope.of(now, region, "s3");
    var cr = io.s3wire.auth.SigV4Canonicalizer.canonicalRequest("GET", path, query, headers,
        java.util.List.of("host", "x-amz-content-sha256", "x-amz-date"), empty, io.s3wire.auth.PathMode.S3);
    var sts = io.s3wire.auth.SigV4Canonicalizer.stringToSign(cr, amzDate, scope);
    String auth = "AWS4-HMAC-SHA256 Credential=" + ak + "/" + scope
        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + io.s3wire.auth.SigV4.signature(sk, sts);
    URI uri = URI.create(server.endpoint() + path + (query.isEmpty() ? "" : "?" + query));
    return HTTP.send(HttpRequest.newBuilder(uri).header("x-amz-date", amzDate).header("x-amz-content-sha256", empty)
        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sha256(String s) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
