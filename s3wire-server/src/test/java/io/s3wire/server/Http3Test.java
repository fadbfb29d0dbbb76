package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3Headers;
import io.s3wire.auth.Credentials;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP/3 next to the TLS port, with Netty's HTTP/3 client codec as the peer: signed S3 requests on
 * QUIC streams reach the same router as on TCP, bodies stream both ways under flow control,
 * malformed request heads are reset with H3_MESSAGE_ERROR, and TCP responses advertise the
 * listener with Alt-Svc.
 */
@Timeout(180)
class Http3Test {
  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
  private static final String ACCESS = "h3-access";
  private static final String SECRET = "h3-secret-0123456789abcdef";

  private static S3Server.Builder server() {
    return S3Server.builder().tls(true).http3(true).credentials(ACCESS, SECRET)
        .clock(Clock.fixed(T, ZoneOffset.UTC));
  }

  /** A SigV4-signed request head (UNSIGNED-PAYLOAD, as over TLS) for {@code path} on {@code server}. */
  static Http3Headers signed(S3Server server, String method, String path, String... extra) {
    URI uri = URI.create(server.endpoint() + path);
    io.s3wire.http.HttpRequest signed = SigV4Signer.s3().sign(new io.s3wire.http.HttpRequest(method, uri,
        io.s3wire.http.HttpHeaders.of(extra), RequestBody.empty()), Credentials.of(ACCESS, SECRET), "us-east-1",
        "s3", T, PayloadHash.UNSIGNED);
    Http3Headers h = new DefaultHttp3Headers().method(method).scheme("https").authority(uri.getRawAuthority())
        .path(uri.getRawPath());
    for (var f : signed.headers().fields()) {
      h.add(f.name().toLowerCase(java.util.Locale.ROOT), f.value());
    }
    return h;
  }

  @Test
  void signedPutGetHeadDeleteOverHttp3() throws Exception {
    try (S3Server s3 = server().start(); Http3TestClient h3 = new Http3TestClient(s3)) {
      s3.store().createBucket("b");
      byte[] data = "over quic".getBytes(StandardCharsets.UTF_8);
      Http3TestClient.Response put = h3.exchange(signed(s3, "PUT", "/b/k", "content-length", "9"),
          w -> w.accept(data));
      assertThat(put.status()).isEqualTo(200);
      String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
      assertThat(put.header("etag")).isEqualTo(etag);

      Http3TestClient.Response get = h3.exchange(signed(s3, "GET", "/b/k"));
      assertThat(get.status()).isEqualTo(200);
      assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("over quic");
      assertThat(get.header("content-length")).isEqualTo("9");
      assertThat(get.header("alt-svc")).isNull();

      Http3TestClient.Response head = h3.exchange(signed(s3, "HEAD", "/b/k"));
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-length")).isEqualTo("9");
      assertThat(head.header("etag")).isEqualTo(etag);
      assertThat(head.length()).isZero();

      assertThat(h3.exchange(signed(s3, "DELETE", "/b/k")).status()).isEqualTo(204);
      Http3TestClient.Response gone = h3.exchange(signed(s3, "GET", "/b/k"));
      assertThat(gone.status()).isEqualTo(404);
      assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code>");
      assertThat(s3.requestCounts()).containsEntry("PutObject", 1L).containsEntry("GetObject", 2L)
          .containsEntry("HeadObject", 1L).containsEntry("DeleteObject", 1L);
    }
  }

  @Test
  void aSmallPutThatWaitsFor100ContinueGetsItAndIsStored() throws Exception {
    try (S3Server s3 = server().start(); Http3TestClient h3 = new Http3TestClient(s3)) {
      s3.store().createBucket("b");
      byte[] data = "after 100".getBytes(StandardCharsets.UTF_8);
      // The client sends no body byte before the interim 100 (exchangeAfterContinue waits for it).
      Http3TestClient.Response put = h3.exchangeAfterContinue(signed(s3, "PUT", "/b/c", "content-length", "9",
          "expect", "100-continue"), data);
      assertThat(put.status()).isEqualTo(200);
      assertThat(new String(h3.exchange(signed(s3, "GET", "/b/c")).body(), StandardCharsets.UTF_8))
          .isEqualTo("after 100");
    }
  }

  @Test
  void a32MiBBodyStreamsBothWays() throws Exception {
    int size = 32 << 20;
    try (S3Server s3 = server().start(); Http3TestClient h3 = new Http3TestClient(s3)) {
      s3.store().createBucket("b");
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      Random random = new Random(22);
      Http3TestClient.Response put = h3.exchange(signed(s3, "PUT", "/b/big", "content-length",
          Integer.toString(size)), w -> {
            for (int off = 0; off < size; off += 256 * 1024) {
              byte[] chunk = new byte[256 * 1024];
              random.nextBytes(chunk);
              sent.update(chunk);
              w.accept(chunk);
            }
          });
      assertThat(put.status()).isEqualTo(200);
      String sha = HexFormat.of().formatHex(sent.digest());
      assertThat(s3.store().headObject("b", "big").size()).isEqualTo(size);

      Http3TestClient.Response get = h3.exchange(signed(s3, "GET", "/b/big"));
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.length()).isEqualTo(size);
      assertThat(get.sha256()).isEqualTo(sha);
    }
  }

  @Test
  void connectionSpecificFieldsAndUpperCaseNamesAreMalformed() throws Exception {
    try (S3Server s3 = server().start(); Http3TestClient h3 = new Http3TestClient(s3);
        ServerLogCapture log = ServerLogCapture.start()) {
      s3.store().createBucket("b");
      for (String field : new String[] {"connection", "keep-alive", "transfer-encoding", "upgrade"}) {
        Http3TestClient.Response r = h3.exchange(signed(s3, "GET", "/b").add(field, "x"));
        assertThat(r.resetCode()).as(field).isEqualTo(Http3ErrorCode.H3_MESSAGE_ERROR.code());
      }
      Http3Headers upper = new DefaultHttp3Headers(false);
      upper.add(signed(s3, "GET", "/b")).add("X-Upper", "1");
      assertThat(h3.exchange(upper).resetCode()).isEqualTo(Http3ErrorCode.H3_MESSAGE_ERROR.code());
      // The connection still serves well-formed requests.
      assertThat(h3.exchange(signed(s3, "GET", "/b")).status()).isEqualTo(200);
      String client = "WARNING HTTP/3 /127.0.0.1:" + log.lines().get(0).split(":")[1].split(" ")[0];
      assertThat(log.lines()).containsExactly(
          client + " stream 0: malformed request (connection header included); RESET_STREAM(H3_MESSAGE_ERROR)",
          client + " stream 4: malformed request (connection-specific field 'keep-alive'); RESET_STREAM(H3_MESSAGE_ERROR)",
          client + " stream 8: malformed request (connection-specific field 'transfer-encoding'); "
              + "RESET_STREAM(H3_MESSAGE_ERROR)",
          client + " stream 12: malformed request (connection-specific field 'upgrade'); RESET_STREAM(H3_MESSAGE_ERROR)",
          client + " stream 16: malformed request (invalid header name [X-Upper]); RESET_STREAM(H3_MESSAGE_ERROR)");
      assertThat(s3.requestCounts()).containsOnlyKeys("ListObjects");
    }
  }

  @Test
  void gcsProfileResetsAHostHeaderAsOnHttp2() throws Exception {
    try (S3Server s3 = server().profile(ServerProfile.GCS).start(); Http3TestClient h3 = new Http3TestClient(s3)) {
      s3.store().createBucket("b");
      String authority = "127.0.0.1:" + s3.port();
      Http3TestClient.Response withHost = h3.exchange(signed(s3, "GET", "/b", "host", authority));
      assertThat(withHost.resetCode()).isEqualTo(Http3ErrorCode.H3_MESSAGE_ERROR.code());
      assertThat(h3.exchange(signed(s3, "GET", "/b")).status()).isEqualTo(200);
    }
  }

  @Test
  void tcpResponsesAdvertiseHttp3OnlyWhenItIsOn() throws Exception {
    try (S3Server s3 = server().start()) {
      String expected = "h3=\":" + s3.port() + "\"; ma=86400";
      for (HttpClient.Version v : new HttpClient.Version[] {HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2}) {
        HttpResponse<String> r = TlsTest.trusting(s3).send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/nobucket"))
            .version(v).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.version()).isEqualTo(v);
        assertThat(r.headers().allValues("alt-svc")).as(v.toString()).containsExactly(expected);
      }
    }
    try (S3Server s3 = S3Server.builder().tls(true).start()) {
      HttpResponse<String> r = TlsTest.trusting(s3).send(HttpRequest.newBuilder(s3.endpoint()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("alt-svc")).isEmpty();
    }
  }

  @Test
  void http3NeedsTls() {
    assertThatThrownBy(() -> S3Server.builder().http3(true).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("http3(true) needs tls(true): QUIC always runs over TLS 1.3");
  }
}
