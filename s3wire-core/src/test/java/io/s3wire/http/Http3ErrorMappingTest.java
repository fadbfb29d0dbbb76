package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.Http3ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP/3 error codes and QUIC failures map to the same exception types, kinds and retry-safety
 * verdicts as their HTTP/2 twins: first as a table, then with a real server resetting streams and
 * closing connections with chosen codes.
 */
class Http3ErrorMappingTest extends Http3TestBase {
  @ParameterizedTest
  @EnumSource(Http3ErrorCode.class)
  void everyCodeIsJudgedAsItsHttp2Twin(Http3ErrorCode code) {
    StreamResetException h3 = StreamResetException.http3Reset(code.code(), 0, true, false);
    StreamResetException h2 = StreamResetException.rstStream(code.http2Twin().code(), 1, true, false);
    assertThat(h3.code()).isEqualTo(code.http2Twin());
    assertThat(h3.http3Code()).isEqualTo(code);
    assertThat(h3.errorName()).isEqualTo(code.name());
    assertThat(h3.retrySafety()).isEqualTo(h2.retrySafety());
    assertThat(h3.isRetryable()).isEqualTo(h2.isRetryable());
    assertThat(h3.failureClass()).isEqualTo(h2.failureClass());
  }

  @Test
  void theTwinsThatMatterForRetries() {
    assertThat(Http3ErrorCode.H3_REQUEST_REJECTED.http2Twin()).isEqualTo(Http2ErrorCode.REFUSED_STREAM);
    assertThat(StreamResetException.http3Reset(0x10b, 0, true, false).retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
    assertThat(Http3ErrorCode.H3_MESSAGE_ERROR.http2Twin()).isEqualTo(Http2ErrorCode.PROTOCOL_ERROR);
    assertThat(Http3ErrorCode.H3_REQUEST_CANCELLED.http2Twin()).isEqualTo(Http2ErrorCode.CANCEL);
    assertThat(Http3ErrorCode.H3_INTERNAL_ERROR.http2Twin()).isEqualTo(Http2ErrorCode.INTERNAL_ERROR);
    assertThat(Http3ErrorCode.H3_EXCESSIVE_LOAD.http2Twin()).isEqualTo(Http2ErrorCode.ENHANCE_YOUR_CALM);
    assertThat(Http3ErrorCode.H3_VERSION_FALLBACK.http2Twin()).isEqualTo(Http2ErrorCode.HTTP_1_1_REQUIRED);
    assertThat(StreamResetException.http3Reset(0x10e, 4, true, false).explain())
        .startsWith("HTTP/3 RESET_STREAM(H3_MESSAGE_ERROR) on stream 4 from the server before any response")
        .contains("On HTTP/3 a server reports a request it considers malformed");
  }

  private static S3Exception failureOf(HttpTransport t, String path) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
      try (HttpResponse r = t.execute(HttpRequest.get(uri(path))).get(30, TimeUnit.SECONDS);
          InputStream in = r.body().stream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    });
    Throwable c = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    if (c instanceof java.io.IOException && c.getCause() != null) {
      c = c.getCause();
    }
    assertThat(c).isInstanceOf(S3Exception.class);
    return (S3Exception) c;
  }

  @ParameterizedTest
  @EnumSource(value = Http3ErrorCode.class, names = {"H3_REQUEST_REJECTED", "H3_MESSAGE_ERROR", "H3_INTERNAL_ERROR",
      "H3_REQUEST_CANCELLED", "H3_EXCESSIVE_LOAD"})
  void aResetFromTheServerIsAStreamResetLikeHttp2(Http3ErrorCode code) {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      S3Exception e = failureOf(t, "/reset/" + Long.toHexString(code.code()));
      StreamResetException twin = StreamResetException.rstStream(code.http2Twin().code(), 1, true, false);
      assertThat(e).isInstanceOfSatisfying(StreamResetException.class, s -> {
        assertThat(s.http3Code()).isEqualTo(code);
        assertThat(s.sentByPeer()).isTrue();
        assertThat(s.afterResponseHeaders()).isFalse();
        assertThat(s.retrySafety()).isEqualTo(twin.retrySafety());
        assertThat(s.isRetryable()).isEqualTo(twin.isRetryable());
        assertThat(s.getMessage()).isEqualTo("HTTP/3 RESET_STREAM(" + code.name() + ") on stream " + s.streamId()
            + " from the server before any response");
      });
      assertThat(e.attempts()).singleElement().satisfies(a -> assertThat(a.protocol()).isEqualTo(HttpProtocol.HTTP_3));
    }
  }

  @Test
  void aResetDuringTheBodyFailsTheBody() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build());
        HttpResponse r = t.execute(HttpRequest.get(uri("/held/body"))).get(30, TimeUnit.SECONDS)) {
      assertThat(r.status()).isEqualTo(200);
      try (HttpResponse reset = t.execute(HttpRequest.get(uri("/reset-held/body/102"))).get(30, TimeUnit.SECONDS)) {
        assertThat(reset.body().bytes()).hasSize(5);
      }
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> r.body().bytes());
      assertThat(thrown).isInstanceOf(java.io.IOException.class).cause().isInstanceOfSatisfying(StreamResetException.class, s -> {
        assertThat(s.http3Code()).isEqualTo(Http3ErrorCode.H3_INTERNAL_ERROR);
        assertThat(s.afterResponseHeaders()).isTrue();
        assertThat(s.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
      });
    }
  }

  @Test
  void aConnectionCloseWithAnH3CodeIsTheTwinOfGoAway() {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      S3Exception e = failureOf(t, "/close/107");
      assertThat(e).isInstanceOfSatisfying(StreamResetException.class, s -> {
        assertThat(s.isGoAway()).isTrue();
        assertThat(s.http3Code()).isEqualTo(Http3ErrorCode.H3_EXCESSIVE_LOAD);
        assertThat(s.code()).isEqualTo(Http2ErrorCode.ENHANCE_YOUR_CALM);
        assertThat(s.isRetryable()).isTrue();
        assertThat(s.getMessage()).startsWith("HTTP/3 CONNECTION_CLOSE(H3_EXCESSIVE_LOAD) covering stream 0, reason 'test close'");
      });
    }
  }

  @Test
  void aQuicIdleTimeoutIsAnIdleTimeout() {
    // The QUIC idle timeout is the pool's idle timeout: a server that goes quiet mid-request ends the connection.
    TransportConfig config = h3().poolIdleTimeout(Duration.ofMillis(400)).idleReadTimeout(Duration.ofSeconds(60))
        .responseHeadersTimeout(Duration.ofSeconds(60)).build();
    try (HttpTransport t = HttpTransport.create(config)) {
      S3Exception e = failureOf(t, "/silent");
      assertThat(e).isInstanceOfSatisfying(TransportException.class, x -> {
        assertThat(x.kind()).isEqualTo(TransportException.Kind.IDLE_READ_TIMEOUT);
        assertThat(x.retrySafety()).isEqualTo(RetrySafety.UNKNOWN);
        assertThat(x.getMessage()).startsWith("HTTP/3 (QUIC) idle timeout: no packet from the server for 400 ms");
      });
    }
  }

  @Test
  void theIdleReadTimeoutAppliesAsOnHttp2() {
    TransportConfig config = h3().idleReadTimeout(Duration.ofMillis(300)).build();
    try (HttpTransport t = HttpTransport.create(config)) {
      S3Exception e = failureOf(t, "/silent");
      assertThat(e).isInstanceOfSatisfying(TransportException.class,
          x -> assertThat(x.kind()).isIn(TransportException.Kind.IDLE_READ_TIMEOUT, TransportException.Kind.RESPONSE_HEADERS_TIMEOUT));
    }
  }

  @Test
  void callsAfterAFailureStillWork() throws Exception {
    try (HttpTransport t = HttpTransport.create(h3().build())) {
      failureOf(t, "/reset/10b");
      try (HttpResponse r = t.execute(HttpRequest.get(uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.body().bytes()).hasSize(5);
      }
      assertThatThrownBy(() -> t.execute(HttpRequest.get(uri("/reset/10c"))).get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(StreamResetException.class);
    }
  }
}
