package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.error.TransportException.Kind;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Await;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.ScriptedHttp1Peer;
import io.s3wire.testing.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP/1.1 client against a server that misbehaves on purpose: every case ends with a typed
 * failure (or the bytes the head announced), no connection left in the pool that the server broke,
 * and no buffer leaked ({@link LeakCheck}).
 */
@Tag("hostile")
@Timeout(30)
@ExtendWith(LeakCheck.class)
class HostileHttp1Test {
  private static final TestCertificates CERT = TestCertificates.localhost();

  private static HttpTransport transport() {
    return HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
        .idleReadTimeout(Duration.ofMillis(300)).responseHeadersTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5))
        .trustedCertificates(CERT.pemFile()).build());
  }

  static TransportException bodyFailure(HttpResponse r, Kind kind) {
    Throwable t = catchThrowable(() -> r.body().bytes());
    assertThat(t).isInstanceOf(IOException.class).hasCauseInstanceOf(TransportException.class);
    TransportException e = (TransportException) t.getCause();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.attempts()).hasSize(1);
    assertThat(e.explain()).startsWith(e.getMessage() + ". ").endsWith("Retry-safety: " + e.retrySafety() + ".");
    return e;
  }

  static TransportException callFailure(HttpTransport t, HttpRequest request, Kind kind) {
    Throwable thrown = catchThrowable(() -> t.execute(request).get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(java.util.concurrent.ExecutionException.class).cause().isInstanceOf(TransportException.class);
    TransportException e = (TransportException) thrown.getCause();
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.attempts()).hasSize(1);
    assertThat(e.explain()).startsWith(e.getMessage() + ". ");
    return e;
  }

  /** The pool of {@code peer}'s origin keeps no connection open (idle ones included) once the server broke it. */
  private static void noConnectionLeft(HttpTransport t, ScriptedHttp1Peer peer) {
    String origin = peer.uri("").toString().replace("localhost", "127.0.0.1");
    Await.until("the broken connection leaves the pool", () -> {
      int[] c = ((NettyHttpTransport) t).poolCounts().getOrDefault(origin,
          ((NettyHttpTransport) t).poolCounts().getOrDefault(peer.uri("").toString(), new int[4]));
      return c[0] == 0 && c[1] == 0 && c[3] == 0;
    });
    Await.until("the server sees every connection closed", () -> peer.closedConnections() == peer.connections());
  }

  /** Writes pattern blocks while the socket takes them, again whenever it drains: a body without end. */
  private static void endless(ScriptedHttp1Peer.Conn c) {
    Runnable pump = () -> {
      while (c.isActive() && c.isWritable()) {
        c.body(64 * 1024);
      }
    };
    c.whenWritable(pump);
    pump.run();
  }

  @Test
  void endlessBodyIsHeldToTheReadAheadAndClosingItClosesTheConnection() throws Exception {
    AtomicReference<ScriptedHttp1Peer.Conn> conn = new AtomicReference<>();
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          conn.set(c);
          // A body that ends only when the connection does.
          c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
          endless(c);
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/endless"))).get(10, TimeUnit.SECONDS);
      InputStream in = r.body().stream();
      long read = in.readNBytes(8 << 20).length;
      assertThat(read).isEqualTo(8 << 20);
      // The reader stops: the server can then only fill the read-ahead and the two socket buffers.
      Await.until("the server can no longer write", () -> !conn.get().isWritable());
      long ahead = peer.bytesWritten() - read;
      assertThat(ahead).isLessThan(24L << 20);
      in.close();
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void bodyLongerThanContentLengthYieldsTheAnnouncedBytesAndTheConnectionIsNotReused() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          endless(c);
        });
        HttpTransport t = transport()) {
      for (int i = 0; i < 2; i++) {
        try (HttpResponse r = t.execute(HttpRequest.get(peer.uri("/longer"))).get(10, TimeUnit.SECONDS)) {
          assertThat(r.body().bytes()).hasSize(1000);
        }
      }
      assertThat(peer.connections()).isEqualTo(2);
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void bodyShorterThanContentLengthThenCloseIsConnectionClosed() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          c.body(10);
          c.close();
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/short"))).get(10, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.CONNECTION_CLOSED);
      assertThat(e.getMessage()).isEqualTo("connection closed by the server after 10 bytes of the response body");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void bodyShorterThanContentLengthThenSilenceTripsTheIdleTimeout() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          c.body(10);
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/short"))).get(10, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.IDLE_READ_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("idle read timeout: nothing from the server for 300 ms");
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void oneBytePerSecondBodyIsCutByTheIdleTimeout() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
          c.every(1000, () -> {
            c.body(1);
            return true;
          });
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/drip"))).get(10, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.IDLE_READ_TIMEOUT);
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void oneBytePerSecondHeadIsCutBeforeTheHeadEnds() throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          int[] next = {0};
          c.every(1000, () -> {
            c.write(head.substring(next[0], next[0] + 1));
            return ++next[0] < head.length();
          });
        });
        HttpTransport t = transport()) {
      TransportException e = callFailure(t, HttpRequest.get(peer.uri("/drip-head")), Kind.IDLE_READ_TIMEOUT);
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      assertThat(e.attempts().get(0).traceTail()).anyMatch(l -> l.contains("GET /drip-head"));
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void endlessHeadIsAProtocolViolationAtTheHeaderLimit() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\n");
          int[] n = {0};
          Runnable pump = () -> {
            while (c.isActive() && c.isWritable()) {
              c.write("x-endless-" + n[0]++ + ": " + "h".repeat(1000) + "\r\n");
            }
          };
          c.whenWritable(pump);
          pump.run();
        });
        HttpTransport t = transport()) {
      TransportException e = callFailure(t, HttpRequest.get(peer.uri("/endless-head")), Kind.PROTOCOL_VIOLATION);
      assertThat(e.getMessage()).startsWith("malformed HTTP/1.1 response head: ").contains("HTTP header is larger than 65536 bytes");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void tlsCloseNotifyMidBodyIsConnectionClosed() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer(CERT, (c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          c.body(10);
          c.close();
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/tls-close"))).get(10, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.CONNECTION_CLOSED);
      assertThat(e.getMessage()).isEqualTo("connection closed by the server after 10 bytes of the response body");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
      noConnectionLeft(t, peer);
    }
  }

  @Test
  void tlsAbortMidBodyIsConnectionClosed() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer(CERT, (c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          c.body(10);
          c.run(c::abort);
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/tls-abort"))).get(10, TimeUnit.SECONDS);
      TransportException e = bodyFailure(r, Kind.CONNECTION_CLOSED);
      assertThat(e.getMessage()).isEqualTo("connection closed by the server after 10 bytes of the response body");
      noConnectionLeft(t, peer);
    }
  }

  /**
   * A body that the close delimits (no Content-Length, not chunked) is never taken as complete: the
   * client cannot tell the end from a cut (over plain TCP never, over TLS not after an abort), and S3
   * always frames its bodies, so such a body fails as closed whether or not close_notify came.
   */
  @Test
  void bodyDelimitedByTheCloseIsNeverTakenAsComplete() throws Exception {
    for (boolean closeNotify : new boolean[] {true, false}) {
      try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer(CERT, (c, line) -> {
            c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            c.body(10);
            c.run(closeNotify ? c::close : c::abort);
          });
          HttpTransport t = transport()) {
        HttpResponse r = t.execute(HttpRequest.get(peer.uri("/until-close"))).get(10, TimeUnit.SECONDS);
        TransportException e = bodyFailure(r, Kind.CONNECTION_CLOSED);
        assertThat(e.getMessage()).isEqualTo("connection closed by the server after 10 bytes of the response body");
        assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
        noConnectionLeft(t, peer);
      }
    }
  }

  @Test
  void streamBodyThatKeepsGivingZeroBytesFailsInsteadOfSpinning() throws Exception {
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    InputStream zeros = new InputStream() {
      @Override
      public int read() {
        reads.incrementAndGet();
        return 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        reads.incrementAndGet();
        return 0;
      }
    };
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {});
        HttpTransport t = transport()) {
      HttpRequest put = new HttpRequest("PUT", peer.uri("/zeros"), HttpHeaders.empty(), RequestBody.ofStream(zeros, 100));
      Throwable thrown = catchThrowable(() -> t.execute(put).get(10, TimeUnit.SECONDS));
      assertThat(thrown).isInstanceOf(java.util.concurrent.ExecutionException.class)
          .cause().isInstanceOf(io.s3wire.error.ClientException.class);
      assertThat(thrown.getCause().getMessage()).isEqualTo("request body: its channel gave 0 bytes with room to read, after 0 bytes; "
          + "a RequestBody's channel must block until it has a byte or its end");
      assertThat(reads.get()).isEqualTo(1);
      noConnectionLeft(t, peer);
    }
  }
}
