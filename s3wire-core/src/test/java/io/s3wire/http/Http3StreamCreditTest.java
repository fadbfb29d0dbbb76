package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.s3wire.error.Http3ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Http3TestServer;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.Pattern;
import io.s3wire.testing.TestCertificates;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QUIC stream credit is cumulative: a server that grants two request streams and more only by
 * MAX_STREAMS as streams close. Calls beyond the credit wait (never a STREAM_LIMIT_ERROR, never a
 * connect failure), and while they wait, cancellation, the call timeout and the connection's end
 * still reach them.
 */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class Http3StreamCreditTest {
  private static final TestCertificates CERT = TestCertificates.localhost();
  private static final int CREDIT = 2;
  private static Http3TestServer server;

  @BeforeAll
  static void startServer() throws InterruptedException {
    server = new Http3TestServer(CERT, 30_000, CREDIT);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static TransportConfig.Builder h3() {
    return TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(CERT.pemFile());
  }

  private static URI uri(String path) {
    return URI.create("https://127.0.0.1:" + server.port() + path);
  }

  /**
   * Takes all the connection's credit with held requests {@code name-0}, {@code name-1}, ...: their
   * response headers have arrived, their streams stay open, so the next call can only wait.
   */
  private static List<HttpResponse> useAllCredit(HttpTransport t, String name) throws Exception {
    List<HttpResponse> held = new ArrayList<>();
    for (int i = 0; i < CREDIT; i++) {
      held.add(t.execute(HttpRequest.get(uri("/held/" + name + "-" + i))).get(30, TimeUnit.SECONDS));
    }
    return held;
  }

  private static void close(List<HttpResponse> responses) {
    responses.forEach(HttpResponse::close);
  }

  private static List<String> pathsSeen() {
    return server.requests().stream().map(h -> String.valueOf(h.path())).toList();
  }

  @Test
  void sixtyFourCallsAtOnceAllSucceedOnTwoStreamsOfCredit() throws Exception {
    long putSize = 64 * 1024;
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      List<CompletableFuture<HttpResponse>> gets = new ArrayList<>();
      List<CompletableFuture<HttpResponse>> puts = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        if (i % 4 == 3) {
          puts.add(t.execute(new HttpRequest("PUT", uri("/crc"), HttpHeaders.of("content-length", Long.toString(putSize)),
              Pattern.body(putSize, true))));
        } else {
          gets.add(t.execute(HttpRequest.get(uri("/hello?n=" + i))));
        }
      }
      for (CompletableFuture<HttpResponse> c : gets) {
        try (HttpResponse r = c.get(60, TimeUnit.SECONDS)) {
          assertThat(r.protocol()).isEqualTo(HttpProtocol.HTTP_3);
          assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
      }
      for (CompletableFuture<HttpResponse> c : puts) {
        try (HttpResponse r = c.get(60, TimeUnit.SECONDS)) {
          assertThat(r.headers().first("x-length")).contains(Long.toString(putSize));
          assertThat(r.headers().first("x-crc")).contains(Long.toHexString(Pattern.crc(putSize)));
        }
      }
      // {HTTP/1.1 open, HTTP/1.1 idle, multiplexed connections, waiting calls}: all on one QUIC connection.
      assertThat(((NettyHttpTransport) t).poolCounts().values()).singleElement().satisfies(c -> assertThat(c).containsExactly(0, 0, 1, 0));
    }
  }

  @Test
  void aCancelledCallWaitingForCreditIsNeverSent() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      List<HttpResponse> held = useAllCredit(t, "cancel");
      CompletableFuture<HttpResponse> waiting = t.execute(HttpRequest.get(uri("/hello?cancelled")));
      waiting.cancel(true);
      for (int i = 0; i < CREDIT; i++) {
        server.resetHeld("cancel-" + i, (int) Http3ErrorCode.H3_INTERNAL_ERROR.code());
      }
      close(held);
      try (HttpResponse after = t.execute(HttpRequest.get(uri("/hello?after"))).get(30, TimeUnit.SECONDS)) {
        assertThat(new String(after.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
      }
      assertThat(catchThrowable(() -> waiting.get(30, TimeUnit.SECONDS))).isInstanceOf(CancellationException.class);
      // Calls wait in order: had the cancelled call been kept, the server would have seen it before this one.
      assertThat(pathsSeen()).contains("/hello?after").doesNotContain("/hello?cancelled");
    }
  }

  @Test
  void aCallWaitingForCreditEndsWithTheCallTimeoutNotAsAConnectFailure() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().callTimeout(Duration.ofMillis(3000)).build())) {
      List<HttpResponse> held = useAllCredit(t, "timeout");
      Throwable thrown;
      // A paused server sends no MAX_STREAMS, even once the first two calls time out and reset their streams.
      try (AutoCloseable paused = server.pause()) {
        CompletableFuture<HttpResponse> waiting = t.execute(HttpRequest.get(uri("/hello?timed-out")));
        thrown = catchThrowable(() -> waiting.get(30, TimeUnit.SECONDS));
      }
      close(held);
      assertThat(thrown).isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(TransportException.class, e -> {
        assertThat(e.kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
        assertThat(e.getMessage()).doesNotContain("cannot connect").doesNotContain("STREAM_LIMIT");
      });
    }
  }

  @Test
  void whenTheConnectionClosesACallWaitingForCreditGoesOnANewOne() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      List<HttpResponse> held = useAllCredit(t, "close");
      CompletableFuture<HttpResponse> waiting = t.execute(HttpRequest.get(uri("/hello?moved")));
      server.closeConnectionOf("close-0", (int) Http3ErrorCode.H3_INTERNAL_ERROR.code());
      for (HttpResponse r : held) {
        Throwable thrown = catchThrowable(() -> {
          try (r; InputStream in = r.body().stream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          }
        });
        // The body's stream is an InputStream: the typed failure is its IOException's cause.
        assertThat(thrown).isInstanceOf(java.io.IOException.class).cause().isInstanceOfSatisfying(StreamResetException.class, e -> {
          assertThat(e.isHttp3()).isTrue();
          assertThat(e.http3Code()).isEqualTo(Http3ErrorCode.H3_INTERNAL_ERROR);
        });
      }
      // It was never sent on the closed connection, so nothing stops it going on the next one.
      try (HttpResponse r = waiting.get(30, TimeUnit.SECONDS)) {
        assertThat(new String(r.body().bytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
      }
    }
  }

  @Test
  void callsWaitingForCreditFailTypedWhenTheTransportCloses() throws Exception {
    CompletableFuture<HttpResponse> waiting;
    List<HttpResponse> held;
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      held = useAllCredit(t, "shut");
      waiting = t.execute(HttpRequest.get(uri("/hello?shut")));
    }
    close(held);
    assertThat(catchThrowable(() -> waiting.get(30, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class).cause()
        .isInstanceOfSatisfying(TransportException.class, e -> {
          assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED);
          assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
        });
  }
}
