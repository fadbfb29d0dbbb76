package io.s3wire.http.internal.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import io.s3wire.testing.MutableClock;
import io.s3wire.wire.WireEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each gate of the HTTP/2 -> HTTP/1.1 fallback, against the embedded server over TLS with ALPN
 * {@code h2, http/1.1}: the gcs profile's host-header reset and fault rules supply the evidence.
 */
@Timeout(60)
class FallbackTest {
  private static final Duration TTL = Duration.ofMinutes(5);

  @TempDir Path dir;
  private S3Server server;
  private HttpTransport transport;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<WireEvent.Fallback> fallbacks = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(ServerProfile profile) throws Exception {
    server = S3Server.builder().tls(true).anonymous(true).profile(profile).build().start();
    Path ca = dir.resolve("ca.pem");
    server.writeCertificatePem(ca);
    TransportConfig config = TransportConfig.builder().trustedCertificates(ca)
        .listener(e -> {
          if (e instanceof WireEvent.Fallback f) {
            fallbacks.add(f);
          }
        }).build();
    // The bucket is made on a transport of its own, so the one under test starts with no connection.
    try (HttpTransport setup = NettyHttpTransport.create(config.toBuilder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build());
        HttpResponse r = setup.execute(request("PUT", "/fbk", RequestBody.empty())).get(30, TimeUnit.SECONDS)) {
      assertThat(r.status()).as(() -> new String(readQuietly(r), StandardCharsets.UTF_8)).isEqualTo(200);
    }
    transport = FallbackTransport.decorate(config, NettyHttpTransport::create, clock, TTL);
  }

  private HttpRequest request(String method, String path, RequestBody body) {
    return new HttpRequest(method, server.endpoint().resolve(path), HttpHeaders.empty(), body);
  }

  /** A request that carries a regular {@code host} header on HTTP/2, as S3 signers' clients send it. */
  private HttpRequest withHostHeader(HttpRequest r) {
    return r.withHeaders(HttpHeaders.of("host", r.authority()))
        .withOptions(r.options().withDiagnosticRawHeaders("host"));
  }

  private HttpResponse send(HttpRequest r) throws Exception {
    return Send.send(transport, r);
  }

  private static byte[] body(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hostHeaderResetOnFreshConnectionFallsBackOnceAndIsRemembered() throws Exception {
    start(ServerProfile.GCS);
    try (HttpResponse r = send(withHostHeader(request("PUT", "/fbk/k", RequestBody.ofBytes(body("hello")))))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
      assertThat(r.attempts()).hasSize(2);
      assertThat(r.attempts().get(0).protocol()).isEqualTo(HttpProtocol.HTTP_2);
      assertThat(r.attempts().get(0).outcome()).contains("RST_STREAM(PROTOCOL_ERROR)");
      assertThat(r.attempts().get(1).protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
      assertThat(r.attempts().get(1).alpnOffered()).containsExactly("http/1.1");
      assertThat(r.attempts().get(1).outcome()).isEqualTo("200 OK");
    }
    assertThat(fallbacks).hasSize(1);
    assertThat(fallbacks.get(0).from()).isEqualTo("h2");
    assertThat(fallbacks.get(0).to()).isEqualTo("http/1.1");
    assertThat(fallbacks.get(0).reason()).startsWith("RST_STREAM(PROTOCOL_ERROR) on stream ");

    // Remembered: the next request goes straight to HTTP/1.1, one attempt, no new fallback.
    try (HttpResponse r = send(withHostHeader(request("GET", "/fbk/k", RequestBody.empty())))) {
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
      assertThat(r.attempts()).hasSize(1);
      assertThat(r.body().bytes()).isEqualTo(body("hello"));
    }
    assertThat(fallbacks).hasSize(1);
  }

  @Test
  void http11RequiredFallsBackEvenOnAProvenConnection() throws Exception {
    start(ServerProfile.S3);
    try (HttpResponse r = send(request("GET", "/fbk", RequestBody.empty()))) {
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
    }
    server.addFaultRule(FaultRule.when().protocol(HttpProtocol.HTTP_2).http11Required());
    try (HttpResponse r = send(request("GET", "/fbk", RequestBody.empty()))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_1_1);
      assertThat(r.attempts()).extracting(a -> a.protocol()).containsExactly(HttpProtocol.HTTP_2, HttpProtocol.HTTP_1_1);
      assertThat(r.attempts().get(0).outcome()).contains("HTTP_1_1_REQUIRED");
    }
    assertThat(fallbacks).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("RST_STREAM(HTTP_1_1_REQUIRED)"));
  }

  @Test
  void protocolErrorOnAConnectionThatAlreadyAnsweredIsNotEvidence() throws Exception {
    start(ServerProfile.S3);
    try (HttpResponse r = send(request("GET", "/fbk", RequestBody.empty()))) {
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
    }
    server.addFaultRule(FaultRule.when().method("GET").resetStream(Http2ErrorCode.PROTOCOL_ERROR));
    assertThatThrownBy(() -> send(request("GET", "/fbk", RequestBody.empty())))
        .isInstanceOfSatisfying(StreamResetException.class, e -> {
          assertThat(e.code()).isEqualTo(Http2ErrorCode.PROTOCOL_ERROR);
          assertThat(e.attempts()).hasSize(1);
        });
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void noFallbackForCompleteMultipartUploadOrAnyPost() throws Exception {
    start(ServerProfile.GCS);
    HttpRequest complete = withHostHeader(request("POST", "/fbk/k?uploadId=abc",
        RequestBody.ofBytes(body("<CompleteMultipartUpload></CompleteMultipartUpload>"))));
    assertThatThrownBy(() -> send(complete)).isInstanceOfSatisfying(StreamResetException.class, e -> {
      assertThat(e.code()).isEqualTo(Http2ErrorCode.PROTOCOL_ERROR);
      assertThat(e.attempts()).singleElement().satisfies(a -> assertThat(a.protocol()).isEqualTo(HttpProtocol.HTTP_2));
    });
    assertThat(fallbacks).isEmpty();
    assertThat(((FallbackTransport) transport).memory().needsHttp1(key())).isFalse();
  }

  @Test
  void noFallbackForAOneShotStreamBody() throws Exception {
    start(ServerProfile.GCS);
    HttpRequest put = withHostHeader(request("PUT", "/fbk/k", RequestBody.ofStream(new ByteArrayInputStream(body("x")), 1)));
    assertThatThrownBy(() -> send(put)).isInstanceOfSatisfying(StreamResetException.class,
        e -> assertThat(e.attempts()).hasSize(1));
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void noFallbackWhenTheCallerMarksTheRequestNotFallbackSafe() throws Exception {
    start(ServerProfile.GCS);
    HttpRequest put = withHostHeader(request("PUT", "/fbk/k", RequestBody.ofBytes(body("x"))));
    HttpRequest marked = put.withOptions(put.options().notFallbackSafe());
    assertThatThrownBy(() -> send(marked)).isInstanceOf(StreamResetException.class);
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void atMostOneFallbackPerCall() throws Exception {
    start(ServerProfile.S3);
    // HTTP/2: RST_STREAM(HTTP_1_1_REQUIRED); HTTP/1.1: the connection is closed.
    server.addFaultRule(FaultRule.when().path("/fbk/k").resetStream(Http2ErrorCode.HTTP_1_1_REQUIRED));
    assertThatThrownBy(() -> send(request("GET", "/fbk/k", RequestBody.empty())))
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.attempts()).extracting(a -> a.protocol()).containsExactly(HttpProtocol.HTTP_2, HttpProtocol.HTTP_1_1);
          assertThat(e.getSuppressed()).singleElement().isInstanceOf(StreamResetException.class);
        });
    assertThat(fallbacks).hasSize(1);
  }

  @Test
  void noFallbackAfterResponseHeaders() throws Exception {
    start(ServerProfile.S3);
    try (HttpResponse r = send(request("PUT", "/fbk/big", RequestBody.ofBytes(new byte[256 * 1024])))) {
      assertThat(r.status()).isEqualTo(200);
    }
    server.addFaultRule(FaultRule.when().method("GET").path("/fbk/big").cutResponseBodyAfter(1000));
    HttpResponse r = send(request("GET", "/fbk/big", RequestBody.empty()));
    try (r) {
      // The head arrived over HTTP/2: the call is answered, and what breaks later is never replayed.
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
      assertThat(r.attempts()).hasSize(1);
      assertThatThrownBy(() -> r.body().bytes()).isNotNull();
    }
    assertThat(fallbacks).isEmpty();
    FallbackGate.Decision late = FallbackGate.decide(request("GET", "/fbk/big", RequestBody.empty()),
        StreamResetException.rstStream(Http2ErrorCode.PROTOCOL_ERROR.code(), 1, true, true), true);
    assertThat(late.fallBack()).isFalse();
    assertThat(late.reason()).startsWith("no version evidence in RST_STREAM(PROTOCOL_ERROR) on stream 1 from the server after response headers");
  }

  @Test
  void theRememberedVerdictExpires() throws Exception {
    start(ServerProfile.GCS);
    try (HttpResponse r = send(withHostHeader(request("GET", "/fbk", RequestBody.empty())))) {
      assertThat(r.attempts()).hasSize(2);
    }
    clock.advance(TTL.minusSeconds(1));
    try (HttpResponse r = send(withHostHeader(request("GET", "/fbk", RequestBody.empty())))) {
      assertThat(r.attempts()).hasSize(1);
    }
    clock.advance(Duration.ofSeconds(1));
    assertThat(((FallbackTransport) transport).memory().needsHttp1(key())).isFalse();
    // Expired: HTTP/2 is tried again on a connection that never answered, and falls back again.
    try (HttpResponse r = send(withHostHeader(request("GET", "/fbk", RequestBody.empty())))) {
      assertThat(r.attempts()).extracting(a -> a.protocol()).containsExactly(HttpProtocol.HTTP_2, HttpProtocol.HTTP_1_1);
    }
    assertThat(fallbacks).hasSize(2);
  }

  private FallbackMemory.Key key() {
    return new FallbackMemory.Key("127.0.0.1", server.port(), io.s3wire.http.TlsProvider.JDK, List.of("h2", "http/1.1"));
  }

  private static byte[] readQuietly(HttpResponse r) {
    try {
      return r.body().bytes();
    } catch (java.io.IOException e) {
      return new byte[0];
    }
  }
}
