package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault rules over HTTP/1.1 (status, delay, cuts, bandwidth), their JSON form, and the gcs profile's request rules. */
@Timeout(60)
class FaultsAndProfilesTest {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
    server.store().putObject("bucket", "obj", ObjectAttributes.empty(), new java.io.ByteArrayInputStream(new byte[200_000]));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder req(String path) {
    return HttpRequest.newBuilder(URI.create(server.endpoint() + path)).timeout(Duration.ofSeconds(20));
  }

  @Test
  void errorStatusOnEveryNthMatchingRequest() throws Exception {
    server.addFaultRule(FaultRule.when().method("GET").path("/bucket/*").everyNth(2).error(S3ErrorCode.SLOW_DOWN));
    assertThat(send(req("/bucket/obj")).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> slow = send(req("/bucket/obj"));
    assertThat(slow.statusCode()).isEqualTo(503);
    assertThat(new String(slow.body(), StandardCharsets.UTF_8)).contains("<Code>SlowDown</Code>").contains("<RequestId>");
    assertThat(send(req("/bucket/obj")).statusCode()).isEqualTo(200);
    assertThat(send(req("/bucket/obj")).statusCode()).isEqualTo(503);
    assertThat(send(req("/bucket")).statusCode()).isEqualTo(200);
    assertThat(server.requestCount("GetObject")).isEqualTo(4);
    assertThat(server.requestCount("ListObjects")).isEqualTo(1);
  }

  @Test
  void delayAndBandwidth() throws Exception {
    server.faultRules(List.of(FaultRule.when().firstN(1).delay(Duration.ofMillis(300)),
        FaultRule.when().path("/bucket/obj").bandwidth(400_000)));
    long t0 = System.nanoTime();
    assertThat(send(req("/bucket")).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    long t1 = System.nanoTime();
    assertThat(send(req("/bucket/obj")).body()).hasSize(200_000);
    // 200,000 bytes at 400,000 bytes/s cannot arrive in less than half a second.
    assertThat(Duration.ofNanos(System.nanoTime() - t1)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
  }

  @Test
  void cutResponseBodyClosesTheConnectionMidBody() {
    server.addFaultRule(FaultRule.when().method("GET").cutResponseBodyAfter(1000));
    assertThatThrownBy(() -> send(req("/bucket/obj"))).isInstanceOf(IOException.class);
  }

  @Test
  void cutRequestBodyStoresNothing() throws Exception {
    server.addFaultRule(FaultRule.when().method("PUT").cutRequestBodyAfter(10_000));
    assertThatThrownBy(() -> send(req("/bucket/new").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> server.store().headObject("bucket", "new")).isInstanceOf(S3ErrorException.class);
  }

  @Test
  void jsonRulesParseIntoTheSameRules() {
    List<FaultRule> rules = FaultRules.parse("""
        {"rules": [
          {"method": "put", "path": "/b/**", "header": "x-fail", "protocol": "h2", "nth": 3,
           "action": "rst_stream", "code": "PROTOCOL_ERROR"},
          {"everyNth": 2, "action": "goaway", "code": "ENHANCE_YOUR_CALM", "lastStreamId": 5},
          {"firstN": 1, "action": "error", "code": "SlowDown", "status": 500},
          {"action": "http_1_1_required"},
          {"action": "delay", "millis": 250},
          {"action": "bandwidth", "bytesPerSecond": 1024},
          {"action": "cut_request", "bytes": 10},
          {"action": "cut_response", "bytes": 20}
        ]}""");
    assertThat(rules).containsExactly(
        FaultRule.when().method("PUT").path("/b/**").header("x-fail").protocol(HttpProtocol.HTTP_2).nth(3)
            .resetStream(Http2ErrorCode.PROTOCOL_ERROR),
        FaultRule.when().everyNth(2).goAway(Http2ErrorCode.ENHANCE_YOUR_CALM, 5),
        FaultRule.when().firstN(1).error(500, S3ErrorCode.SLOW_DOWN),
        FaultRule.when().http11Required(),
        FaultRule.when().delay(Duration.ofMillis(250)),
        FaultRule.when().bandwidth(1024),
        FaultRule.when().cutRequestBodyAfter(10),
        FaultRule.when().cutResponseBodyAfter(20));
    assertThatThrownBy(() -> FaultRules.parse("[{\"action\": \"explode\"}]"))
        .hasMessage("unknown fault action 'explode'");
    assertThatThrownBy(() -> FaultRules.parse("[{\"action\": \"delay\", \"millis\": }]"))
        .hasMessageStartingWith("invalid JSON at offset");
  }

  @Test
  void gcsProfileRequiresContentMd5OnDeleteObjectsAndRejectsFlexibleChecksums() throws Exception {
    try (S3Server gcs = S3Server.builder().anonymous(true).profile(ServerProfile.GCS).start()) {
      gcs.store().createBucket("bucket");
      String delete = "<Delete><Object><Key>a</Key></Object></Delete>";
      HttpResponse<byte[]> noMd5 = HTTP.send(HttpRequest.newBuilder(URI.create(gcs.endpoint() + "/bucket?delete"))
          .POST(HttpRequest.BodyPublishers.ofString(delete)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(noMd5.statusCode()).isEqualTo(400);
      assertThat(new String(noMd5.body(), StandardCharsets.UTF_8)).contains("<Code>InvalidRequest</Code>").contains("Content-MD5");
      String md5 = java.util.Base64.getEncoder().encodeToString(
          java.security.MessageDigest.getInstance("MD5").digest(delete.getBytes(StandardCharsets.UTF_8)));
      HttpResponse<byte[]> withMd5 = HTTP.send(HttpRequest.newBuilder(URI.create(gcs.endpoint() + "/bucket?delete"))
          .header("content-md5", md5).POST(HttpRequest.BodyPublishers.ofString(delete)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(withMd5.statusCode()).isEqualTo(200);
      HttpResponse<byte[]> checksum = HTTP.send(HttpRequest.newBuilder(URI.create(gcs.endpoint() + "/bucket/k"))
          .header("x-amz-checksum-crc32", "AAAAAA==").PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(checksum.statusCode()).isEqualTo(400);
      assertThat(new String(checksum.body(), StandardCharsets.UTF_8)).contains("<Code>ExcessHeaderValues</Code>");
      HttpResponse<byte[]> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(gcs.endpoint() + "/bucket/k"))
          .header("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
          .PUT(HttpRequest.BodyPublishers.ofString("1\r\nx\r\n0\r\n\r\n")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(chunked.statusCode()).isEqualTo(400);
      assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).contains("<Code>InvalidArgument</Code>");
      assertThatThrownBy(() -> gcs.store().headObject("bucket", "k")).isInstanceOf(S3ErrorException.class);
    }
  }

  @Test
  void bodyLargerThanTheLimitIsEntityTooLarge() throws Exception {
    try (S3Server small = S3Server.builder().anonymous(true)
        .limits(ServerLimits.defaults().withMaxRequestBodyBytes(1000)).start()) {
      small.store().createBucket("bucket");
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(small.endpoint() + "/bucket/k"))
          .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[5000])).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<Code>EntityTooLarge</Code>");
    }
  }
}
