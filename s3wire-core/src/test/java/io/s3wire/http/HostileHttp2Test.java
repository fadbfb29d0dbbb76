package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.codec.http2.Http2Settings;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.error.TransportException.Kind;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Await;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.ScriptedHttp2Peer;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP/2 client against a peer that misbehaves on purpose. Each case asserts the typed failure
 * and its facts, what the pool keeps afterwards (a connection the server broke is gone; one that
 * only lost a stream stays) and, through {@link LeakCheck}, that no buffer leaked. A call timeout of
 * 5 s turns a hang into a wrong failure kind rather than a stuck test.
 */
@Tag("hostile")
@Timeout(30)
@ExtendWith(LeakCheck.class)
class HostileHttp2Test {
  private static final int WINDOW = 65_535;

  private static HttpTransport transport() {
    return transport(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private static HttpTransport transport(Duration idleReadTimeout, Duration responseHeadersTimeout, Duration callTimeout) {
    return HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
        .http2InitialStreamWindow(WINDOW).idleReadTimeout(idleReadTimeout)
        .responseHeadersTimeout(responseHeadersTimeout).callTimeout(callTimeout).build());
  }

  private static S3Exception callFailure(HttpTransport t, HttpRequest request) {
    Throwable thrown = catchThrowable(() -> t.execute(request).get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOf(S3Exception.class);
    S3Exception e = (S3Exception) thrown.getCause();
    assertThat(e.attempts()).hasSize(1);
    assertThat(e.explain()).startsWith(e.getMessage()).contains("Retry-safety: " + e.retrySafety());
    return e;
  }

  private static S3Exception bodyFailure(HttpResponse r) {
    Throwable t = catchThrowable(() -> r.body().bytes());
    assertThat(t).isInstanceOf(IOException.class).hasCauseInstanceOf(S3Exception.class);
    S3Exception e = (S3Exception) t.getCause();
    assertThat(e.attempts()).hasSize(1);
    assertThat(e.explain()).startsWith(e.getMessage()).contains("Retry-safety: " + e.retrySafety());
    return e;
  }

  private static TransportException ofKind(S3Exception e, Kind kind) {
    assertThat(e).isInstanceOf(TransportException.class);
    assertThat(((TransportException) e).kind()).isEqualTo(kind);
    return (TransportException) e;
  }

  /** The pool's HTTP/2 connections to {@code peer} once the case settles: 1 (kept) or 0 (the server broke it). */
  private static void http2ConnectionsLeft(HttpTransport t, ScriptedHttp2Peer peer, int expected) {
    String origin = peer.uri("").toString();
    Await.until("the pool keeps " + expected + " HTTP/2 connection(s)", () -> {
      int[] c = ((NettyHttpTransport) t).poolCounts().getOrDefault(origin, new int[4]);
      return c[2] == expected && c[3] == 0;
    });
  }

  @Test
  void endlessDataIsHeldToTheStreamWindowAndClosingResetsTheStream() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), new ScriptedHttp2Peer.Script() {
          @Override
          public void onHeaders(ScriptedHttp2Peer.Conn c, int id, io.netty.handler.codec.http2.Http2Headers h, boolean end) {
            c.headers(id, 200, false);
            c.data(id, WINDOW, false);
          }

          @Override
          public void onWindowUpdate(ScriptedHttp2Peer.Conn c, int id, int increment) {
            if (id != 0) {
              // Exactly the credit returned, forever: flow control is all that bounds this body.
              for (int left = increment; left > 0; left -= 65_536) {
                c.data(id, Math.min(left, 65_536), false);
              }
            }
          }
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/endless"))).get(10, TimeUnit.SECONDS);
      InputStream in = r.body().stream();
      int read = in.readNBytes(4 << 20).length;
      assertThat(read).isEqualTo(4 << 20);
      assertThat(peer.dataBytesSent() - read).isBetween(0L, (long) WINDOW);
      in.close();
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void dataBeyondTheStreamWindowIsAFlowControlError() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false);
          for (int i = 0; i < 4; i++) {
            c.data(id, 65_536, false);
          }
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/flood"))).get(10, TimeUnit.SECONDS);
      TransportException e = ofKind(bodyFailure(r), Kind.PROTOCOL_VIOLATION);
      assertThat(e.getMessage()).startsWith("the server broke HTTP/2 on stream 1: ").endsWith("RST_STREAM(FLOW_CONTROL_ERROR) sent");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void zeroWindowThatNeverOpensTripsTheIdleTimeout() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings().initialWindowSize(0), (c, id, h, end) -> {});
        HttpTransport t = transport()) {
      HttpRequest put = new HttpRequest("PUT", peer.uri("/x"), HttpHeaders.empty(), RequestBody.ofBytes(new byte[100_000]));
      TransportException e = ofKind(callFailure(t, put), Kind.IDLE_READ_TIMEOUT);
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void endlessContinuationFramesAreCutAtTheHeaderLimit() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headersWithoutEnd(id);
          for (int i = 0; i < 200 && c.isActive(); i++) {
            c.continuation(id, 16_384);
          }
        });
        HttpTransport t = transport()) {
      TransportException e = ofKind(callFailure(t, HttpRequest.get(peer.uri("/endless-headers"))), Kind.PROTOCOL_VIOLATION);
      assertThat(e.getMessage()).isEqualTo(
          "HTTP/2 connection error: Header size exceeded max allowed size (81920); GOAWAY(PROTOCOL_ERROR) sent");
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      http2ConnectionsLeft(t, peer, 0);
    }
  }

  @Test
  void pushPromiseIsRefusedAsAProtocolError() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> c.pushPromise(id, 2));
        HttpTransport t = transport()) {
      TransportException e = ofKind(callFailure(t, HttpRequest.get(peer.uri("/push"))), Kind.PROTOCOL_VIOLATION);
      assertThat(e.getMessage()).startsWith("HTTP/2 connection error: ").endsWith("; GOAWAY(PROTOCOL_ERROR) sent");
      assertThat(peer.await("GOAWAY")).startsWith("1: GOAWAY ").endsWith(" PROTOCOL_ERROR");
      http2ConnectionsLeft(t, peer, 0);
    }
  }

  @Test
  void settingsFloodIsAcknowledgedAndTheCallCompletes() throws Exception {
    // 500 frames: under PARANOID leak detection on a loaded 2-core machine 2,000 of them kept the
    // client's event loop busy past a 2 s headers timeout (about 1 ms a frame, every ACK a tracked buffer).
    int flood = 500;
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.settings(new Http2Settings().maxConcurrentStreams(50).initialWindowSize(70_000), flood);
          c.headers(id, 200, false, "content-length", "5");
          c.data(id, 5, true);
        });
        HttpTransport t = transport(Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(10))) {
      try (HttpResponse r = t.execute(HttpRequest.get(peer.uri("/settings"))).get(10, TimeUnit.SECONDS)) {
        assertThat(r.body().bytes()).hasSize(5);
      }
      // The peer's first SETTINGS and every one of the flood, each acknowledged once.
      for (int i = 0; i <= flood; i++) {
        peer.await("SETTINGS ack");
      }
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void bodyShorterOrLongerThanContentLengthIsAStreamError() throws Exception {
    for (int sent : new int[] {10, 200}) {
      try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
            c.headers(id, 200, false, "content-length", "100");
            c.data(id, sent, true);
          });
          HttpTransport t = transport()) {
        HttpResponse r = t.execute(HttpRequest.get(peer.uri("/length"))).get(10, TimeUnit.SECONDS);
        TransportException e = ofKind(bodyFailure(r), Kind.PROTOCOL_VIOLATION);
        assertThat(e.getMessage()).startsWith("the server broke HTTP/2 on stream 1: ").endsWith("; RST_STREAM(PROTOCOL_ERROR) sent");
        assertThat(e.retrySafety()).isEqualTo(RetrySafety.PROCESSED);
        http2ConnectionsLeft(t, peer, 1);
      }
    }
  }

  @Test
  void oneBytePerSecondDataIsCutByTheIdleTimeout() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false, "content-length", "100");
          c.every(1000, () -> {
            c.data(id, 1, false);
            return true;
          });
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/drip"))).get(10, TimeUnit.SECONDS);
      TransportException e = ofKind(bodyFailure(r), Kind.IDLE_READ_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("idle read timeout: nothing from the server for 300 ms");
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void windowUpdatesDoNotKeepAStalledDownloadAlive() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false, "content-length", "100");
          // Connection-level credit every 100 ms, and never a byte of the body.
          c.every(100, () -> {
            c.windowUpdate(0, 1);
            return true;
          });
        });
        HttpTransport t = transport()) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/stalled"))).get(10, TimeUnit.SECONDS);
      TransportException e = ofKind(bodyFailure(r), Kind.IDLE_READ_TIMEOUT);
      assertThat(e.getMessage()).isEqualTo("idle read timeout: nothing from the server for 300 ms");
      http2ConnectionsLeft(t, peer, 1);
    }
  }

  @Test
  void goAwayEndingAStreamShowsInItsTrace() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          if (id == 1) {
            c.headers(id, 204, true);
          } else {
            c.goAway(id, Http2ErrorCode.INTERNAL_ERROR.code(), "churn");
            c.close();
          }
        });
        HttpTransport t = transport()) {
      t.execute(HttpRequest.get(peer.uri("/first"))).get(10, TimeUnit.SECONDS).close();
      // The second call reuses the connection, so it did not see it open: the GOAWAY must still reach its trace.
      S3Exception e = callFailure(t, HttpRequest.get(peer.uri("/second")));
      assertThat(e).isInstanceOf(StreamResetException.class);
      assertThat(((StreamResetException) e).isGoAway()).isTrue();
      assertThat(e.getMessage()).isEqualTo("GOAWAY(INTERNAL_ERROR, last-stream-id 3) covering stream 3, debug data 'churn'");
      assertThat(e.attempts().get(0).traceTail()).anyMatch(l -> l.contains("recv GOAWAY frame"))
          .anyMatch(l -> l.contains("last_stream_id=3, error_code=INTERNAL_ERROR(0x02), opaque_data(5)=[churn]"));
      http2ConnectionsLeft(t, peer, 0);
    }
  }

  @Test
  void tlsCloseMidBodyOnHttp2IsTyped() throws Exception {
    TestCertificates cert = TestCertificates.localhost();
    try (TestHttpServer s = TestHttpServer.builder().tls(cert).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
            .trustedCertificates(cert.pemFile()).idleReadTimeout(Duration.ofSeconds(3)).callTimeout(Duration.ofSeconds(8)).build())) {
      HttpResponse r = t.execute(HttpRequest.get(s.uri("/close-mid-body"))).get(10, TimeUnit.SECONDS);
      assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_2);
      S3Exception e = bodyFailure(r);
      assertThat(e).isInstanceOf(StreamResetException.class);
      assertThat(((StreamResetException) e).isGoAway()).isTrue();
      assertThat(((StreamResetException) e).afterResponseHeaders()).isTrue();
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      Await.until("the closed connection leaves the pool", () -> {
        int[] c = ((NettyHttpTransport) t).poolCounts().getOrDefault("https://localhost:" + s.port(), new int[4]);
        return c[2] == 0;
      });
    }
  }
}
