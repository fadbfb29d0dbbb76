package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.SslProvider;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.error.TransportException.Kind;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.ScriptedHttp2Peer;
import io.s3wire.testing.SilentServer;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import io.s3wire.wire.WireEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every failure surfaces typed, with a one-line message and the attempt's facts. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class FailuresTest {
  private static final TestCertificates CERT = TestCertificates.localhost();

  private static S3Exception failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(() -> f.get(30, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class).cause().isInstanceOf(S3Exception.class);
    S3Exception e = (S3Exception) t.getCause();
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(e.attempts()).hasSize(1);
    return e;
  }

  private static TransportException transport(CompletableFuture<?> f, Kind kind) {
    S3Exception e = failure(f);
    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(kind);
    return (TransportException) e;
  }

  private static TransportException bodyFailure(HttpResponse r, Kind kind) {
    Throwable t = catchThrowable(() -> r.body().bytes());
    assertThat(t).isInstanceOf(IOException.class).hasCauseInstanceOf(TransportException.class);
    TransportException e = (TransportException) t.getCause();
    assertThat(e.kind()).isEqualTo(kind);
    return e;
  }

  @Test
  void refusedConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (HttpTransport t = HttpTransport.create(TransportConfig.defaults())) {
      TransportException e = transport(t.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + port + "/"))), Kind.CONNECTION_REFUSED);
      assertThat(e.getMessage()).isEqualTo("connection refused by 127.0.0.1:" + port);
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
      assertThat(e.attempts().get(0).protocol()).isNull();
      assertThat(e.attempts().get(0).summary()).startsWith("no connection: connection refused by 127.0.0.1:" + port + " in ");
    }
  }

  @Test
  void connectTimeout() throws Exception {
    // A listening socket whose accept queue is full: the kernel drops further SYNs, so connect hangs.
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> fillers = new java.util.ArrayList<>();
      try (HttpTransport t = HttpTransport.create(TransportConfig.builder().connectTimeout(Duration.ofMillis(300)).build())) {
        for (int i = 0; i < 8; i++) {
          java.net.Socket f = new java.net.Socket();
          fillers.add(f);
          try {
            f.connect(s.getLocalSocketAddress(), 200);
          } catch (IOException full) {
            break;
          }
        }
        TransportException e = transport(t.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/"))),
            Kind.CONNECT_TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("connect timeout: no TCP connection to 127.0.0.1:" + s.getLocalPort() + " within 300 ms");
        assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
      } finally {
        for (java.net.Socket f : fillers) {
          f.close();
        }
      }
    }
  }

  @Test
  void tlsHandshakeTimeout() throws Exception {
    try (SilentServer s = new SilentServer();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsHandshakeTimeout(Duration.ofMillis(300)).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(URI.create("https://localhost:" + s.port() + "/"))),
          Kind.TLS_HANDSHAKE_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("TLS handshake timeout: localhost:" + s.port() + " did not complete the handshake within 300 ms");
    }
  }

  @Test
  void http2SettingsNeverArriving() throws Exception {
    try (SilentServer s = new SilentServer();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
            .connectTimeout(Duration.ofMillis(300)).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + s.port() + "/"))),
          Kind.CONNECT_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("no HTTP/2 SETTINGS from 127.0.0.1:" + s.port() + " within 300 ms");
    }
  }

  @ParameterizedTest
  // Over TCP; HTTP/3's timeouts are Http3ErrorMappingTest's.
  @EnumSource(value = HttpVersionPolicy.class, mode = EnumSource.Mode.EXCLUDE, names = "HTTP_3")
  void responseHeadersTimeout(HttpVersionPolicy policy) throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(policy)
            .responseHeadersTimeout(Duration.ofMillis(300)).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/hang"))), Kind.RESPONSE_HEADERS_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("response headers timeout: no response headers within 300 ms");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void idleReadTimeoutDuringTheBody(HttpVersionPolicy policy) throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(policy)
            .idleReadTimeout(Duration.ofMillis(300)).build())) {
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/stall-body"))).get(30, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.IDLE_READ_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("idle read timeout: nothing from the server for 300 ms");
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void callTimeout(HttpVersionPolicy policy) throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(policy)
            .callTimeout(Duration.ofMillis(800)).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/hang"))), Kind.CALL_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("call timeout: the call did not finish within 800 ms");
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/stall-body"))).get(30, TimeUnit.SECONDS);
      bodyFailure(r, Kind.CALL_TIMEOUT);
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void untrustedCertificate(TlsProvider provider) throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(provider).listener(events::add).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/hello"))), Kind.UNTRUSTED_CERTIFICATE);
      assertThat(e.getMessage()).startsWith("TLS: the certificate of localhost:" + s.port() + " is not trusted (");
      assertThat(e.attempts().get(0).tlsProvider()).isEqualTo(provider);
      assertThat(events).filteredOn(WireEvent.TlsFailed.class::isInstance).singleElement()
          .satisfies(ev -> assertThat(((WireEvent.TlsFailed) ev).reason()).isEqualTo(e.getMessage()));
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void hostnameMismatch(TlsProvider provider) throws Exception {
    TestCertificates other = TestCertificates.forNames("wrong.example");
    try (TestHttpServer s = TestHttpServer.builder().tls(other).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(provider)
            .trustedCertificates(other.pemFile()).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/hello"))), Kind.HOSTNAME_MISMATCH);
      assertThat(e.getMessage()).startsWith("TLS: the certificate of localhost:" + s.port() + " does not match the host name (");
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void minimumTlsVersionIsEnforced(TlsProvider provider) throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).tlsProtocols("TLSv1.2").build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(provider).minTlsVersion("TLSv1.3")
            .trustedCertificates(CERT.pemFile()).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/hello"))), Kind.TLS_HANDSHAKE);
      assertThat(e.getMessage()).startsWith("TLS handshake with localhost:" + s.port() + " failed: ");
    }
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).tlsProtocols("TLSv1.2").build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(provider)
            .trustedCertificates(CERT.pemFile()).build())) {
      List<WireEvent> events = new CopyOnWriteArrayList<>();
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello")), events::add).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(events).filteredOn(WireEvent.TlsHandshake.class::isInstance).singleElement().satisfies(ev -> {
        WireEvent.TlsHandshake h = (WireEvent.TlsHandshake) ev;
        assertThat(h.protocolVersion()).isEqualTo("TLSv1.2");
        assertThat(h.provider()).isEqualTo(provider);
        assertThat(h.peerSubject()).isEqualTo("O=s3wire test,CN=localhost");
        assertThat(h.alpnOffered()).containsExactly("h2", "http/1.1");
        assertThat(h.alpnSelected()).isEqualTo("h2");
      });
    }
  }

  @Test
  void insecureTrustsAnythingAndWarns() throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    TestCertificates other = TestCertificates.forNames("wrong.example");
    try (TestHttpServer s = TestHttpServer.builder().tls(other).provider(SslProvider.JDK).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().insecure(true).listener(events::add).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(events).filteredOn(WireEvent.Warning.class::isInstance).singleElement()
          .satisfies(ev -> assertThat(((WireEvent.Warning) ev).message())
              .isEqualTo("TLS certificate and hostname verification are off (insecure): anyone on the path can impersonate localhost"));
    }
  }

  @Test
  void connectionClosedMidResponseOnHttp1() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build())) {
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/close-mid-body"))).get(30, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.CONNECTION_CLOSED);
      assertThat(e.getMessage()).isEqualTo("connection closed by the server after 10 bytes of the response body");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
    }
  }

  @Test
  void connectionClosedMidResponseOnHttp2IsAGoAwayCoveringTheStream() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/close-mid-body"))).get(30, TimeUnit.SECONDS);
      Throwable thrown = catchThrowable(() -> r.body().bytes());
      assertThat(thrown).isInstanceOf(IOException.class).hasCauseInstanceOf(StreamResetException.class);
      StreamResetException e = (StreamResetException) thrown.getCause();
      assertThat(e.isGoAway()).isTrue();
      assertThat(e.afterResponseHeaders()).isTrue();
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void redirectsAreReturnedNotFollowed(HttpVersionPolicy policy) throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(policy).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/status/302"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().first("location")).contains("/hello");
        assertThat(r.attempts().get(0).outcome()).isEqualTo("302 Found");
      }
      assertThat(s.nextRequest().path()).isEqualTo("/status/302");
      assertThat(s.requests().poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void oversizedHttp1ResponseHeadIsAProtocolViolation() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .maxResponseHeaderBytes(4096).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(s.uri("/big-header/20000"))), Kind.PROTOCOL_VIOLATION);
      assertThat(e.getMessage()).startsWith("malformed HTTP/1.1 response head: ");
    }
  }

  @Test
  void oversizedHttp2HeaderListIsAProtocolViolation() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(),
            (c, id, h, end) -> c.headers(id, 200, true, "x-big", "b".repeat(20_000)));
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
            .maxResponseHeaderBytes(4096).build())) {
      TransportException e = transport(t.execute(HttpRequest.get(peer.uri("/x"))), Kind.PROTOCOL_VIOLATION);
      // 20 kB is past Netty's GOAWAY threshold (the limit plus a quarter), so the whole connection goes.
      assertThat(e.getMessage()).isEqualTo(
          "HTTP/2 connection error: Header size exceeded max allowed size (5120); GOAWAY(PROTOCOL_ERROR) sent");
    }
  }
}
