package io.s3wire.http.internal.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3Server;
import io.s3wire.testing.MutableClock;
import io.s3wire.wire.WireEvent;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NEGOTIATE_WITH_HTTP3 against the embedded server: the first request goes over TCP and learns the
 * server's {@code Alt-Svc: h3}, the next ones go over HTTP/3; a QUIC attempt to a UDP port that
 * swallows datagrams, or has nothing bound, falls back to TCP and keeps the origin off HTTP/3 for
 * the broken period (pinned clock); a request reset on HTTP/3 goes over TCP only under the h2
 * fallback's evidence and safety rules.
 */
@Timeout(60)
class Http3UpgradeTest {
  private static final Duration BROKEN_FOR = Duration.ofMinutes(5);

  @TempDir Path dir;
  private S3Server server;
  private Http3UpgradeTransport transport;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-03T04:05:06Z"));
  private final List<WireEvent> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private TransportConfig config() throws Exception {
    Path ca = dir.resolve("ca.pem");
    server.writeCertificatePem(ca);
    return TransportConfig.builder().versionPolicy(HttpVersionPolicy.NEGOTIATE_WITH_HTTP3).trustedCertificates(ca)
        .listener(e -> {
          if (e instanceof WireEvent.Fallback || e instanceof WireEvent.QuicHandshake) {
            events.add(e);
          }
        }).build();
  }

  private void start(boolean http3) throws Exception {
    server = S3Server.builder().tls(true).http3(http3).anonymous(true).build().start();
    transport = FallbackTransport.withHttp3(config(), NettyHttpTransport::create, clock, BROKEN_FOR);
  }

  private HttpRequest request(String method, String path) {
    return new HttpRequest(method, server.endpoint().resolve(path), HttpHeaders.empty(), RequestBody.empty());
  }

  private HttpResponse send(HttpRequest r) throws Exception {
    return Send.send(transport, r);
  }

  private HttpProtocol status200(HttpRequest r) throws Exception {
    try (HttpResponse response = send(r)) {
      assertThat(response.status()).isEqualTo(200);
      return response.protocol();
    }
  }

  private AltSvcCache.Key origin() {
    return new AltSvcCache.Key(server.endpoint().getHost(), server.port());
  }

  private List<WireEvent.Fallback> fallbacks() {
    return events.stream().filter(e -> e instanceof WireEvent.Fallback).map(e -> (WireEvent.Fallback) e).toList();
  }

  @Test
  void theClientMovesToHttp3AfterTheFirstResponseAdvertisesIt() throws Exception {
    List<HttpProtocol> seen = new CopyOnWriteArrayList<>();
    byte[] data = "over QUIC".getBytes(StandardCharsets.UTF_8);
    try (S3Server s = S3Server.builder().tls(true).http3(true).observer(r -> seen.add(r.protocol())).start()) {
      server = s;
      try (S3Client s3 = S3Client.builder().endpoint(s.endpoint()).region("us-east-1")
          .credentials(s.accessKey(), s.secretKey()).transportConfig(config()).build()) {
        s3.createBucket("upgrade");
        s3.putObject(BucketKey.of("upgrade", "k"), data);
        assertThat(s3.getObjectBytes(BucketKey.of("upgrade", "k")).bytes()).isEqualTo(data);
      }
      server = null;
    }
    assertThat(seen).containsExactly(HttpProtocol.HTTP_2, HttpProtocol.HTTP_3, HttpProtocol.HTTP_3);
    assertThat(events).singleElement().isInstanceOf(WireEvent.QuicHandshake.class);
  }

  @Test
  void theAdvertisementExpiresWithItsMaxAgeAndTheNextTcpResponseRenewsIt() throws Exception {
    start(true);
    assertThat(status200(request("PUT", "/upgrade"))).isEqualTo(HttpProtocol.HTTP_2);
    assertThat(status200(request("GET", "/upgrade"))).isEqualTo(HttpProtocol.HTTP_3);
    // The server says ma=86400.
    clock.advance(Duration.ofSeconds(86_399));
    assertThat(status200(request("GET", "/upgrade"))).isEqualTo(HttpProtocol.HTTP_3);
    clock.advance(Duration.ofSeconds(1));
    assertThat(status200(request("GET", "/upgrade"))).isEqualTo(HttpProtocol.HTTP_2);
    assertThat(status200(request("GET", "/upgrade"))).isEqualTo(HttpProtocol.HTTP_3);
    assertThat(fallbacks()).isEmpty();
  }

  /** {@code swallow}: a bound UDP socket that never answers; otherwise a port with nothing bound (ICMP port unreachable). */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aQuicAttemptThatGetsNoAnswerFallsBackToTcpAndKeepsTheOriginOffHttp3(boolean swallow) throws Exception {
    start(false);
    assertThat(status200(request("PUT", "/blackhole"))).isEqualTo(HttpProtocol.HTTP_2);
    DatagramSocket hole = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    int udpPort = hole.getLocalPort();
    if (!swallow) {
      hole.close();
    }
    try {
      assertThat(transport.altSvc().observe(origin(), List.of("h3=\":" + udpPort + "\"; ma=86400")))
          .isEqualTo("h3 on UDP port " + udpPort + " for 86400 s");

      try (HttpResponse r = send(request("GET", "/blackhole"))) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
        // The QUIC attempt never had a connection, so its attempt names no protocol; its outcome says HTTP/3.
        assertThat(r.attempts()).extracting(a -> a.protocol()).containsExactly(null, HttpProtocol.HTTP_2);
        assertThat(r.attempts().get(0).outcome()).contains("HTTP/3 (QUIC) connect timeout");
      }
      assertThat(fallbacks()).singleElement().satisfies(f -> {
        assertThat(f.from()).isEqualTo("h3");
        assertThat(f.to()).isEqualTo("h2 or http/1.1");
        assertThat(f.connectionId()).isEqualTo("-");
        assertThat(f.reason()).isEqualTo("HTTP/3 (QUIC) connect timeout: no QUIC handshake with " + origin().host() + ":" + udpPort
            + " within 1000 ms (is UDP to that port blocked?) (before the request was sent); sending it over TCP instead, HTTP/3 to "
            + origin().host() + ":" + server.port() + " (UDP " + udpPort + ") kept off for 300 s");
      });
      assertThat(transport.altSvc().isBroken(origin())).isTrue();

      // Kept off HTTP/3: straight to TCP, one attempt, no new fallback.
      clock.advance(BROKEN_FOR.minusSeconds(1));
      try (HttpResponse r = send(request("GET", "/blackhole"))) {
        assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
        assertThat(r.attempts()).hasSize(1);
      }
      assertThat(fallbacks()).hasSize(1);

      // The period over, HTTP/3 is tried again (the advertisement is still fresh) and fails again:
      // a second failure in a row keeps it off twice as long.
      clock.advance(Duration.ofSeconds(1));
      assertThat(status200(request("GET", "/blackhole"))).isEqualTo(HttpProtocol.HTTP_2);
      assertThat(fallbacks()).hasSize(2);
      assertThat(fallbacks().get(1).reason()).endsWith("kept off for 600 s");
    } finally {
      hole.close();
    }
    assertThat(events).noneMatch(e -> e instanceof WireEvent.QuicHandshake);
  }

  @Test
  void aRequestResetWithH3VersionFallbackGoesOverTcpWhenItIsSafeToRepeat() throws Exception {
    start(true);
    assertThat(status200(request("PUT", "/vfallback"))).isEqualTo(HttpProtocol.HTTP_2);
    server.addFaultRule(FaultRule.when().method("GET").protocol(HttpProtocol.HTTP_3).firstN(1).http11Required());
    try (HttpResponse r = send(request("GET", "/vfallback"))) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
      assertThat(r.attempts()).extracting(a -> a.protocol()).containsExactly(HttpProtocol.HTTP_3, HttpProtocol.HTTP_2);
    }
    assertThat(fallbacks()).singleElement().satisfies(f -> {
      assertThat(f.from()).isEqualTo("h3");
      assertThat(f.reason()).startsWith("RST_STREAM(HTTP_1_1_REQUIRED) from the server; sending it over TCP instead");
    });
    assertThat(transport.altSvc().isBroken(origin())).isTrue();
  }

  @Test
  void aPostResetOnHttp3IsNotRepeatedOverTcp() throws Exception {
    start(true);
    assertThat(status200(request("PUT", "/posting"))).isEqualTo(HttpProtocol.HTTP_2);
    server.addFaultRule(FaultRule.when().method("POST").protocol(HttpProtocol.HTTP_3).resetStream(Http2ErrorCode.HTTP_1_1_REQUIRED));
    HttpRequest post = new HttpRequest("POST", server.endpoint().resolve("/posting?delete"), HttpHeaders.of("content-type", "application/xml"),
        RequestBody.ofBytes("<Delete><Object><Key>k</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> {
          try (HttpResponse r = send(post)) {
            throw new AssertionError("answered " + r.status() + " over " + r.protocol() + ": " + new String(r.body().bytes(), StandardCharsets.UTF_8));
          }
        }).isInstanceOfSatisfying(StreamResetException.class, e -> {
      assertThat(e.isHttp3()).isTrue();
      assertThat(e.code()).isEqualTo(Http2ErrorCode.HTTP_1_1_REQUIRED);
    });
    assertThat(fallbacks()).isEmpty();
    assertThat(transport.altSvc().isBroken(origin())).isFalse();
    // A connect failure is not a reason to repeat anything sent: nothing of it was.
    assertThat(FallbackGate.decideHttp3(post, new TransportException(TransportException.Kind.CONNECT_TIMEOUT, "HTTP/3 (QUIC) connect timeout",
        io.s3wire.error.RetrySafety.UNPROCESSED, null), false, true).fallBack()).isTrue();
  }
}
