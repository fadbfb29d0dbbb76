package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.codec.http2.Http2Settings;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.testing.ScriptedHttp2Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Client behaviour against a peer that sends exactly the frames each test wants. */
@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(io.s3wire.testing.LeakCheck.class)
class ScriptedHttp2Test {
  private static TransportConfig.Builder h2c() {
    return TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    Throwable t = catchThrowable(() -> f.get(30, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(ExecutionException.class);
    return t.getCause();
  }

  @ParameterizedTest
  @EnumSource(Http2ErrorCode.class)
  void rstStreamBeforeHeadersSurfacesWithItsCode(Http2ErrorCode code) throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> c.rstStream(id, code.code()));
        HttpTransport t = HttpTransport.create(h2c().build())) {
      Throwable e = failure(t.execute(HttpRequest.get(peer.uri("/x"))));
      assertThat(e).isInstanceOf(StreamResetException.class);
      StreamResetException r = (StreamResetException) e;
      assertThat(r.code()).isEqualTo(code);
      assertThat(r.streamId()).isEqualTo(1);
      assertThat(r.sentByPeer()).isTrue();
      assertThat(r.isGoAway()).isFalse();
      assertThat(r.afterResponseHeaders()).isFalse();
      assertThat(r.retrySafety()).isEqualTo(code == Http2ErrorCode.REFUSED_STREAM ? RetrySafety.UNPROCESSED : RetrySafety.UNKNOWN);
      assertThat(r.getMessage()).isEqualTo("RST_STREAM(" + code.name() + ") on stream 1 from the server before any response");
      assertThat(r.attempts()).hasSize(1);
      assertThat(r.attempts().get(0).protocol()).isEqualTo(HttpProtocol.HTTP_2);
      // The failed attempt carries the tail of its own trace, ending with the reset that ended it.
      List<String> tail = r.attempts().get(0).traceTail();
      assertThat(tail).anyMatch(l -> l.contains("send HEADERS frame"));
      assertThat(tail).anyMatch(l -> l.contains("recv RST_STREAM frame") && l.contains("stream_id=1"));
    }
  }

  @Test
  void rstStreamAfterHeadersFailsTheBody() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false, "content-length", "100");
          c.data(id, 10, false);
          c.rstStream(id, Http2ErrorCode.INTERNAL_ERROR.code());
        });
        HttpTransport t = HttpTransport.create(h2c().build())) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/x"))).get(30, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(200);
      Throwable e = catchThrowable(() -> r.body().bytes());
      assertThat(e).isInstanceOf(IOException.class).hasCauseInstanceOf(StreamResetException.class);
      StreamResetException s = (StreamResetException) e.getCause();
      assertThat(s.code()).isEqualTo(Http2ErrorCode.INTERNAL_ERROR);
      assertThat(s.afterResponseHeaders()).isTrue();
      assertThat(s.getMessage()).isEqualTo("RST_STREAM(INTERNAL_ERROR) on stream 1 from the server after response headers");
    }
  }

  @Test
  void goAwayBelowTheStreamIsUnprocessed() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(),
            (c, id, h, end) -> c.goAway(id - 2 < 0 ? 0 : id - 2, Http2ErrorCode.NO_ERROR.code(), "shutting down"));
        HttpTransport t = HttpTransport.create(h2c().build())) {
      Throwable e = failure(t.execute(HttpRequest.get(peer.uri("/x"))));
      assertThat(e).isInstanceOf(StreamResetException.class);
      StreamResetException s = (StreamResetException) e;
      assertThat(s.isGoAway()).isTrue();
      assertThat(s.lastStreamId()).isZero();
      assertThat(s.streamId()).isEqualTo(1);
      assertThat(s.debugData()).isEqualTo("shutting down");
      assertThat(s.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
      assertThat(s.isRetryable()).isTrue();
    }
  }

  @Test
  void goAwayAboveTheStreamLetsItFinish() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.goAway(id, Http2ErrorCode.NO_ERROR.code(), "");
          c.headers(id, 200, false);
          c.data(id, 5, true);
        });
        HttpTransport t = HttpTransport.create(h2c().build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(peer.uri("/x"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.body().bytes()).hasSize(5);
      }
      // The drained connection is not reused: the next call opens a new one.
      try (HttpResponse r = t.execute(HttpRequest.get(peer.uri("/x"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(peer.connections()).isEqualTo(2);
    }
  }

  @Test
  void goAwayCoveringTheStreamThenCloseIsUnknown() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.goAway(id, Http2ErrorCode.INTERNAL_ERROR.code(), "bye");
          c.close();
        });
        HttpTransport t = HttpTransport.create(h2c().build())) {
      Throwable e = failure(t.execute(HttpRequest.get(peer.uri("/x"))));
      assertThat(e).isInstanceOf(StreamResetException.class);
      StreamResetException s = (StreamResetException) e;
      assertThat(s.isGoAway()).isTrue();
      assertThat(s.lastStreamId()).isEqualTo(1);
      assertThat(s.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      assertThat(s.getMessage()).isEqualTo("GOAWAY(INTERNAL_ERROR, last-stream-id 1) covering stream 1, debug data 'bye'");
    }
  }

  @Test
  void stalledSendWindowTripsTheIdleTimeout() throws Exception {
    Http2Settings small = new Http2Settings().initialWindowSize(1000);
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(small, (c, id, h, end) -> {});
        HttpTransport t = HttpTransport.create(h2c().idleReadTimeout(Duration.ofMillis(400)).build())) {
      HttpRequest put = new HttpRequest("PUT", peer.uri("/x"), HttpHeaders.empty(), RequestBody.ofBytes(new byte[100_000]));
      long start = System.nanoTime();
      Throwable e = failure(t.execute(put));
      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(((TransportException) e).kind()).isEqualTo(TransportException.Kind.IDLE_READ_TIMEOUT);
      assertThat(((TransportException) e).retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
      assertThat(peer.await("DATA 1")).isEqualTo("1: DATA 1 length=1000 endStream=false");
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
    }
  }

  @Test
  void maxConcurrentStreamsOneQueuesTheSecondCall() throws Exception {
    java.util.concurrent.BlockingQueue<Integer> opened = new java.util.concurrent.LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicReference<ScriptedHttp2Peer.Conn> conn = new java.util.concurrent.atomic.AtomicReference<>();
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings().maxConcurrentStreams(1), (c, id, h, end) -> {
          conn.set(c);
          opened.add(id);
        });
        HttpTransport t = HttpTransport.create(h2c().build())) {
      CompletableFuture<HttpResponse> a = t.execute(HttpRequest.get(peer.uri("/a")));
      assertThat(opened.poll(30, TimeUnit.SECONDS)).isEqualTo(1);
      CompletableFuture<HttpResponse> b = t.execute(HttpRequest.get(peer.uri("/b")));
      // The second call must wait while stream 1 is open.
      assertThat(opened.poll(300, TimeUnit.MILLISECONDS)).isNull();
      conn.get().run(() -> {
        conn.get().headers(1, 200, true);
      });
      a.get(30, TimeUnit.SECONDS).close();
      assertThat(opened.poll(30, TimeUnit.SECONDS)).isEqualTo(3);
      conn.get().run(() -> conn.get().headers(3, 204, true));
      try (HttpResponse r = b.get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(204);
      }
      assertThat(peer.connections()).isEqualTo(1);
    }
  }

  @Test
  void maxConcurrentStreamsOneWithTwoConnectionsOpensAnother() throws Exception {
    // Answer only once both streams arrived: with one stream per connection, that takes two
    // connections. (Answering at once let /b reuse the connection /a had just freed now and then.)
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings().maxConcurrentStreams(1), (c, id, h, end) -> {
          both.countDown();
          CompletableFuture.runAsync(() -> {
            try {
              if (both.await(30, TimeUnit.SECONDS)) {
                c.run(() -> c.headers(id, 200, true));
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
        });
        HttpTransport t = HttpTransport.create(h2c().http2ConnectionsPerOrigin(2).build())) {
      CompletableFuture<HttpResponse> a = t.execute(HttpRequest.get(peer.uri("/a")));
      CompletableFuture<HttpResponse> b = t.execute(HttpRequest.get(peer.uri("/b")));
      a.get(30, TimeUnit.SECONDS).close();
      b.get(30, TimeUnit.SECONDS).close();
      assertThat(peer.connections()).isEqualTo(2);
    }
  }

  @Test
  void windowUpdatesFollowTheReaderNotTheNetwork() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false);
          c.data(id, 60_000, false);
        });
        HttpTransport t = HttpTransport.create(h2c().http2InitialStreamWindow(65_535).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(peer.uri("/x"))).get(30, TimeUnit.SECONDS)) {
        java.io.InputStream in = r.body().stream();
        // 60 000 bytes sit unread in the client: no credit for the stream goes back yet.
        String early = peer.received().poll(300, TimeUnit.MILLISECONDS);
        while (early != null) {
          assertThat(early).doesNotStartWith("1: WINDOW_UPDATE 1 ");
          early = peer.received().poll(100, TimeUnit.MILLISECONDS);
        }
        assertThat(in.readNBytes(60_000)).hasSize(60_000);
        // Credit returns once at least half the window was read (Netty's ratio), never more than was read.
        String update = peer.await("WINDOW_UPDATE 1 ");
        int increment = Integer.parseInt(update.substring("1: WINDOW_UPDATE 1 ".length()));
        assertThat(increment).isBetween(32_768, 60_000);
      }
    }
  }

  @Test
  void cancellingTheFutureResetsTheStream() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {});
        HttpTransport t = HttpTransport.create(h2c().build())) {
      CompletableFuture<HttpResponse> f = t.execute(HttpRequest.get(peer.uri("/x")));
      peer.await("HEADERS 1");
      f.cancel(true);
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
    }
  }

  @Test
  void closingAnUnfinishedBodyResetsTheStream() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new Http2Settings(), (c, id, h, end) -> {
          c.headers(id, 200, false);
          c.data(id, 100, false);
        });
        HttpTransport t = HttpTransport.create(h2c().build())) {
      HttpResponse r = t.execute(HttpRequest.get(peer.uri("/x"))).get(30, TimeUnit.SECONDS);
      r.close();
      assertThat(peer.await("RST_STREAM 1")).isEqualTo("1: RST_STREAM 1 CANCEL");
      assertThatThrownBy(() -> r.body().stream()).isInstanceOf(IllegalStateException.class);
    }
  }
}
