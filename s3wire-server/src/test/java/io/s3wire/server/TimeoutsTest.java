package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slowloris heads, stalled bodies and clients that stop reading all end within the configured timeouts. */
@Timeout(30)
class TimeoutsTest {
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true).limits(ServerLimits.defaults().withTimeouts(Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(20))).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (java.net.SocketException reset) {
      return "";
    }
  }

  @Test
  void slowRequestHeadIsClosed() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream o = s.getOutputStream();
      o.write("GET /bucket HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      long t0 = System.nanoTime();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void stalledBodyGetsRequestTimeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream o = s.getOutputStream();
      o.write("PUT /bucket/k HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      String response = readAll(s.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 400 Bad Request").contains("<Code>RequestTimeout</Code>")
          .contains("connection: close");
    }
  }

  @Test
  void clientThatStopsReadingIsCut() throws Exception {
    server.store().putObject("bucket", "big", ObjectAttributes.empty(), new ByteArrayInputStream(new byte[64 << 20]));
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(8192);
      s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      s.setSoTimeout(10_000);
      s.getOutputStream().write("GET /bucket/big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      byte[] first = in.readNBytes(1024);
      assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 OK");
      // Stop reading for longer than the write timeout; then the rest ends early.
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
      long total = first.length;
      byte[] buf = new byte[1 << 16];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          total += n;
        }
      } catch (java.net.SocketException reset) {
        // a reset is an end too
      }
      assertThat(total).isLessThan(64L << 20);
    }
  }
}
