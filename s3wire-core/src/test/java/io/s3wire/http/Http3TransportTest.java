package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.ClientException;
import io.s3wire.error.TransportException;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Pattern;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client over HTTP/3 against a Netty HTTP/3 server: streaming both ways, pooling, normalisation, trust, key log. */
class Http3TransportTest extends Http3TestBase {
  private static final long MIB_32 = 32L << 20;
  @Test
  void getStreams32MiBWithItsContentIntact() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/bytes/" + MIB_32))).get(60, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_3);
      assertThat(r.body().contentLength()).isEqualTo(MIB_32);
      assertPatternBody(r, MIB_32, 64 * 1024);
    }
  }

  /**
   * The client reads datagrams in batches of fixed slots (recvmmsg), so it must tell the server in the
   * handshake not to send any larger than a slot: an Ethernet frame's 1500 bytes, not quiche's 65,527.
   */
  @Test
  void advertisesNoLargerDatagramsThanItsReadSlots() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/"))).get(60, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(server.clientMaxUdpPayload()).isEqualTo(1500);
    }
  }

  /** Reads {@code r}'s body {@code chunk} bytes at a time: {@code size} bytes of the test pattern. */
  private static void assertPatternBody(HttpResponse r, long size, int chunk) throws java.io.IOException {
    CRC32 crc = new CRC32();
    long total = 0;
    byte[] buf = new byte[chunk];
    try (InputStream in = r.body().stream()) {
      for (int n; (n = in.read(buf)) > 0; ) {
        crc.update(buf, 0, n);
        total += n;
      }
    }
    assertThat(total).isEqualTo(size);
    assertThat(crc.getValue()).isEqualTo(Pattern.crc(size));
  }

  /**
   * A 64 KiB stream window and a 32 KiB read-ahead: the server is held back and let on again many
   * times (reads after each datagram batch, credit as the caller consumes); a lost read stalls it.
   */
  @Test
  void smallStreamWindowStillDeliversTheWholeBody() throws Exception {
    long size = 4L << 20;
    try (HttpTransport t = HttpTransport.create(h3().http2InitialStreamWindow(65_535).build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/bytes/" + size))).get(60, TimeUnit.SECONDS)) {
      assertPatternBody(r, size, 8 * 1024);
    }
  }

  @Test
  void putStreams32MiBWithItsContentIntact() throws Exception {
    HttpRequest put = new HttpRequest("PUT", uri("/crc"), HttpHeaders.of("content-length", Long.toString(MIB_32)),
        Pattern.body(MIB_32, true));
    try (HttpTransport t = HttpTransport.create(h3().build()); HttpResponse r = t.execute(put).get(60, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().first("x-length")).contains(Long.toString(MIB_32));
      assertThat(r.headers().first("x-crc")).contains(Long.toHexString(Pattern.crc(MIB_32)));
    }
  }

  @Test
  void concurrentCallsShareOneQuicConnection() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(t.execute(HttpRequest.get(uri("/hello?n=" + i))));
      }
      for (CompletableFuture<HttpResponse> c : calls) {
        try (HttpResponse r = c.get(30, TimeUnit.SECONDS)) {
          assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
      }
      // {HTTP/1.1 open, HTTP/1.1 idle, multiplexed (HTTP/2 or HTTP/3) connections, waiting calls}
      assertThat(((NettyHttpTransport) t).poolCounts().values()).singleElement().satisfies(c -> assertThat(c).containsExactly(0, 0, 1, 0));
    }
  }

  @Test
  void requestIsNormalisedAsForHttp2() throws Exception {
    HttpRequest get = new HttpRequest("GET", uri("/hello"), HttpHeaders.of("X-Mixed-Case", "v"), RequestBody.empty());
    try (HttpTransport t = HttpTransport.create(h3().build()); HttpResponse r = t.execute(get).get(30, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
    }
    var seen = server.requests().get(server.requests().size() - 1);
    assertThat(seen.authority()).hasToString("127.0.0.1:" + server.port());
    assertThat(seen.get("x-mixed-case")).hasToString("v");
    assertThat(seen.contains("host")).isFalse();
    assertThat(seen.method()).hasToString("GET");
    assertThat(seen.scheme()).hasToString("https");
  }

  @Test
  void plainHttpOriginIsRefusedWithTheReason() {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      assertThatThrownBy(() -> t.execute(HttpRequest.get(URI.create("http://127.0.0.1:" + server.port() + "/"))).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ClientException.class)
          .hasMessageContaining("HTTP/3 runs over QUIC, which is always encrypted");
    }
  }

  @Test
  void untrustedCertificateSaysItWasHttp3() {
    try (HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).build())) {
      assertThatThrownBy(() -> t.execute(HttpRequest.get(uri("/hello"))).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getMessage()).startsWith("HTTP/3 (QUIC)");
            assertThat(e.kind()).isIn(TransportException.Kind.UNTRUSTED_CERTIFICATE, TransportException.Kind.TLS_HANDSHAKE);
          });
    }
  }

  @Test
  void insecureSkipsVerification() throws Exception {
    try (HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).insecure(true).build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/hello"))).get(30, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
    }
  }

  @Test
  void keyLogCoversQuic(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("keys.log");
    try (HttpTransport t = HttpTransport.create(h3().keyLogFile(log).build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/hello"))).get(30, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
    assertThat(lines.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet())).contains(
        "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0");
  }

  @Test
  void nothingListeningIsAConnectTimeoutThatNamesQuic() throws Exception {
    int port;
    try (var socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    TransportConfig config = h3().connectTimeout(Duration.ofMillis(300)).tlsHandshakeTimeout(Duration.ofMillis(200)).build();
    try (HttpTransport t = HttpTransport.create(config)) {
      assertThatThrownBy(() -> t.execute(HttpRequest.get(URI.create("https://127.0.0.1:" + port + "/"))).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getMessage()).startsWith("HTTP/3 (QUIC)");
            assertThat(e.retrySafety()).isEqualTo(io.s3wire.error.RetrySafety.UNPROCESSED);
          });
    }
  }
}
