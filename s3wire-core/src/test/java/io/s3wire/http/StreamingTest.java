package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Await;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.Pattern;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bodies stream both ways with back-pressure: a 1 GiB body goes up and down without the transport
 * ever holding more than a few MiB of pooled buffers, and an abandoned body releases everything.
 */
@Timeout(300)
@ExtendWith(LeakCheck.class)
class StreamingTest {
  private static final long GIB = 1L << 30;
  /** Far below the body size: read-ahead, windows and per-thread arena chunks only. */
  private static final long MAX_POOLED = 64L << 20;
  private static final TestCertificates CERT = TestCertificates.localhost();

  /** A sink that checks the bytes by CRC and samples how much pooled direct memory is in use. */
  private static final class CheckingSink implements WritableByteChannel {
    final CRC32 crc = new CRC32();
    long maxPooled;
    long count;

    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      crc.update(src);
      count += n;
      if ((count & ((1 << 22) - 1)) < n) {
        maxPooled = Math.max(maxPooled, PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  private static HttpVersionPolicy plain(HttpProtocol p) {
    return p == HttpProtocol.HTTP_2 ? HttpVersionPolicy.HTTP_2 : HttpVersionPolicy.HTTP_1_1;
  }

  /**
   * 1 GiB down and up over HTTP/1.1 and h2c in a forked JVM with a 96 MiB heap and 64 MiB of direct
   * memory: holding a body whole is impossible there. Leak detection is off in that JVM (PARANOID
   * records a stack per buffer and would dominate the run); the in-JVM tests below cover leaks.
   */
  @Test
  void movesOneGibibyteEachWayInASmallForkedJvm() throws Exception {
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx96m", "-XX:MaxDirectMemorySize=64m", "-Dio.netty.leakDetection.level=disabled",
        "-cp", System.getProperty("java.class.path"), "io.s3wire.testing.BigTransferMain", Long.toString(GIB));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      if (!p.waitFor(100, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    System.out.println(out);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().filter(l -> l.matches("(GET|PUT) HTTP/(1\\.1|2) " + GIB + " ok .*"))).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(value = HttpProtocol.class, mode = EnumSource.Mode.EXCLUDE, names = "HTTP_3") // TCP; HTTP/3 in Http3TransportTest
  void downloadsWithBoundedPooledMemory(HttpProtocol protocol) throws Exception {
    long size = 32L << 20;
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(plain(protocol)).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/bytes/" + size))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.protocol()).isEqualTo(protocol);
        assertThat(r.body().contentLength()).isEqualTo(size);
        CheckingSink sink = new CheckingSink();
        assertThat(r.body().transferTo(sink).get(100, TimeUnit.SECONDS)).isEqualTo(size);
        assertThat(sink.count).isEqualTo(size);
        assertThat(sink.crc.getValue()).isEqualTo(Pattern.crc(size));
        assertThat(sink.maxPooled).isLessThan(MAX_POOLED);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpProtocol.class, mode = EnumSource.Mode.EXCLUDE, names = "HTTP_3") // TCP; HTTP/3 in Http3TransportTest
  void uploadsWithBoundedPooledMemory(HttpProtocol protocol) throws Exception {
    long size = 32L << 20;
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(plain(protocol)).build())) {
      HttpRequest put = new HttpRequest("PUT", s.uri("/count"), HttpHeaders.empty(), Pattern.body(size, true));
      var f = t.execute(put);
      long maxPooled = 0;
      while (!f.isDone()) {
        maxPooled = Math.max(maxPooled, PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
        try {
          f.get(20, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
          // keep sampling
        }
      }
      try (HttpResponse r = f.get()) {
        assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo(size + " " + Long.toHexString(Pattern.crc(size)));
      }
      assertThat(maxPooled).isLessThan(MAX_POOLED);
    }
  }

  @ParameterizedTest
  @EnumSource(TlsProvider.class)
  void streamsOverTlsWithEitherProvider(TlsProvider provider) throws Exception {
    long size = 2L << 20;
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(provider).trustedCertificates(CERT.pemFile()).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/bytes/" + size))).get(30, TimeUnit.SECONDS);
          InputStream in = r.body().stream()) {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          crc.update(buf, 0, n);
          total += n;
        }
        assertThat(total).isEqualTo(size);
        assertThat(crc.getValue()).isEqualTo(Pattern.crc(size));
      }
      HttpRequest put = new HttpRequest("PUT", s.uri("/count"), HttpHeaders.empty(), Pattern.body(size, false));
      try (HttpResponse r = t.execute(put).get(60, TimeUnit.SECONDS)) {
        assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo(size + " " + Long.toHexString(Pattern.crc(size)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpProtocol.class, mode = EnumSource.Mode.EXCLUDE, names = "HTTP_3") // TCP; HTTP/3 in Http3TransportTest
  void uploadsAFileRegion(HttpProtocol protocol, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    long size = 3L << 20;
    java.nio.file.Path file = dir.resolve("body.bin");
    try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.ReadableByteChannel in = Pattern.body(size + 1000, true).open()) {
      out.transferFrom(in, 0, size + 1000);
    }
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(plain(protocol)).build())) {
      // A region from offset 0 (plain HTTP/1.1 sends it with sendfile; HTTP/2 reads it in chunks).
      HttpRequest put = new HttpRequest("PUT", s.uri("/count"), HttpHeaders.empty(), RequestBody.ofFile(file, 0, size));
      try (HttpResponse r = t.execute(put).get(30, TimeUnit.SECONDS)) {
        assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo(size + " " + Long.toHexString(Pattern.crc(size)));
      }
    }
  }

  @Test
  void abandonedHttp1BodyClosesTheConnectionAndReleasesEverything() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build())) {
      NettyHttpTransport nt = (NettyHttpTransport) t;
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/bytes/" + GIB))).get(30, TimeUnit.SECONDS);
      try (InputStream in = r.body().stream()) {
        assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
      }
      String origin = "http://127.0.0.1:" + s.port();
      Await.until("the connection is closed", () -> nt.poolCounts().get(origin)[0] == 0);
      // Never reused: the next call opens a new connection.
      try (HttpResponse again = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(again.body().bytes()).isEqualTo("hello HTTP/1.1".getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(s.connections()).isEqualTo(2);
    }
  }

  @Test
  void abandonedHttp2BodyResetsOnlyItsStream() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      NettyHttpTransport nt = (NettyHttpTransport) t;
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/bytes/" + GIB))).get(30, TimeUnit.SECONDS);
      try (InputStream in = r.body().stream()) {
        assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
      }
      try (HttpResponse again = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(again.body().bytes()).isEqualTo("hello HTTP/2".getBytes(StandardCharsets.US_ASCII));
      }
      assertThat(s.connections()).isEqualTo(1);
      assertThat(nt.poolCounts().get("http://127.0.0.1:" + s.port())[2]).isEqualTo(1);
    }
  }
}
