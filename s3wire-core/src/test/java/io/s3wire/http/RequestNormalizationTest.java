package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.Pattern;
import io.s3wire.testing.ReceivedRequest;
import io.s3wire.testing.TestHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per normalisation rule, checked by what the server actually received. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class RequestNormalizationTest {
  private static TestHttpServer server;
  private static HttpTransport h1;
  private static HttpTransport h2;

  @BeforeAll
  static void start() {
    server = TestHttpServer.builder().build();
    h1 = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build());
    h2 = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build());
  }

  @AfterAll
  static void stop() {
    h1.close();
    h2.close();
    server.close();
  }

  private static ReceivedRequest send(HttpTransport t, HttpRequest r) throws Exception {
    server.requests().clear();
    try (HttpResponse res = t.execute(r).get(30, TimeUnit.SECONDS)) {
      res.body().bytes();
      assertThat(res.status()).isEqualTo(200);
    }
    return server.nextRequest();
  }

  private static HttpRequest get(String path, String... headers) {
    return new HttpRequest("GET", server.uri(path), HttpHeaders.of(headers), RequestBody.empty());
  }

  @Test
  void http2CarriesThePseudoHeadersFirst() throws Exception {
    ReceivedRequest r = send(h2, get("/hello?a=b%20c"));
    assertThat(r.protocol()).isEqualTo("HTTP/2");
    assertThat(r.names().subList(0, 4)).containsExactly(":method", ":scheme", ":authority", ":path");
    assertThat(r.first(":method")).isEqualTo("GET");
    assertThat(r.first(":scheme")).isEqualTo("http");
    assertThat(r.first(":authority")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(r.first(":path")).isEqualTo("/hello?a=b%20c");
  }

  @Test
  void http2NeverSendsHostAndTakesTheAuthorityFromIt() throws Exception {
    ReceivedRequest r = send(h2, get("/hello", "Host", "bucket.example:" + server.port()));
    assertThat(r.names()).doesNotContain("host");
    assertThat(r.all("host")).isEmpty();
    assertThat(r.first(":authority")).isEqualTo("bucket.example:" + server.port());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Connection", "Keep-Alive", "Proxy-Connection", "Upgrade"})
  void http2DropsConnectionSpecificHeaders(String name) throws Exception {
    ReceivedRequest r = send(h2, get("/hello", name, "x", "x-kept", "1"));
    assertThat(r.all(name)).isEmpty();
    assertThat(r.first("x-kept")).isEqualTo("1");
  }

  @Test
  void http2LowerCasesHeaderNames() throws Exception {
    ReceivedRequest r = send(h2, get("/hello", "X-Amz-Meta-Colour", "Blue"));
    assertThat(r.names()).contains("x-amz-meta-colour").doesNotContain("X-Amz-Meta-Colour");
    assertThat(r.first("x-amz-meta-colour")).isEqualTo("Blue");
  }

  @Test
  void http2KeepsTeOnlyAsTrailers() throws Exception {
    assertThat(send(h2, get("/hello", "TE", "Trailers")).all("te")).containsExactly("trailers");
    assertThat(send(h2, get("/hello", "TE", "gzip")).all("te")).isEmpty();
  }

  @Test
  void http2BodilessRequestIsOneHeadersFrameWithEndStream() throws Exception {
    ReceivedRequest r = send(h2, get("/hello"));
    assertThat(r.headersEndStream()).isTrue();
    assertThat(r.dataFrames()).isZero();
    assertThat(r.all("content-length")).isEmpty();
  }

  @Test
  void http2BodyTravelsInDataFramesWithContentLength() throws Exception {
    ReceivedRequest r = send(h2, new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), Pattern.body(50_000, true)));
    assertThat(r.headersEndStream()).isFalse();
    assertThat(r.first("content-length")).isEqualTo("50000");
    assertThat(r.bodyBytes()).isEqualTo(50_000);
    assertThat(r.dataFrames()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void http1SendsHostFromTheAuthority() throws Exception {
    ReceivedRequest r = send(h1, get("/hello"));
    assertThat(r.protocol()).isEqualTo("HTTP/1.1");
    assertThat(r.all("host")).containsExactly("127.0.0.1:" + server.port());
    assertThat(r.names().get(0)).isEqualTo("host");
  }

  @Test
  void http1KeepsTheCallersHostOnce() throws Exception {
    ReceivedRequest r = send(h1, get("/hello", "Host", "bucket.example"));
    assertThat(r.all("host")).containsExactly("bucket.example");
  }

  @Test
  void http1BodilessGetHasNoFraming() throws Exception {
    ReceivedRequest r = send(h1, get("/hello"));
    assertThat(r.all("content-length")).isEmpty();
    assertThat(r.all("transfer-encoding")).isEmpty();
  }

  @Test
  void http1KnownLengthSendsContentLength() throws Exception {
    ReceivedRequest r = send(h1, new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), Pattern.body(70_000, true)));
    assertThat(r.all("content-length")).containsExactly("70000");
    assertThat(r.all("transfer-encoding")).isEmpty();
    assertThat(r.bodyBytes()).isEqualTo(70_000);
  }

  @Test
  void http1UnknownLengthIsChunked() throws Exception {
    ReceivedRequest r = send(h1, new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), Pattern.body(70_000, false)));
    assertThat(r.all("transfer-encoding")).containsExactly("chunked");
    assertThat(r.all("content-length")).isEmpty();
    assertThat(r.bodyBytes()).isEqualTo(70_000);
  }

  @Test
  void emptyPutSendsContentLengthZero() throws Exception {
    assertThat(send(h1, new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), RequestBody.empty()))
        .all("content-length")).containsExactly("0");
    ReceivedRequest r = send(h2, new HttpRequest("PUT", server.uri("/count"), HttpHeaders.empty(), RequestBody.empty()));
    assertThat(r.all("content-length")).containsExactly("0");
    assertThat(r.headersEndStream()).isTrue();
  }

  // ---- refusals: nothing is sent ----

  private static ClientException refused(HttpRequest r) {
    int before = server.connections();
    for (HttpTransport t : List.of(h1, h2)) {
      Throwable e = catchThrowable(() -> t.execute(r).get(30, TimeUnit.SECONDS));
      assertThat(e).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ClientException.class);
    }
    assertThat(server.connections()).as("no connection was opened").isEqualTo(before);
    Throwable e = catchThrowable(() -> h2.execute(r).get(30, TimeUnit.SECONDS));
    ClientException c = (ClientException) e.getCause();
    assertThat(c.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
    assertThat(c.attempts()).singleElement().satisfies(a -> assertThat(a.protocol()).isNull());
    return c;
  }

  @Test
  void refusesInvalidHeaderNameCharacters() {
    assertThat(refused(get("/hello", "bad name", "v")).getMessage())
        .isEqualTo("header 'bad name': character 0x20 is not allowed in a header name (RFC 9110 token)");
    assertThat(refused(get("/hello", "x(y)", "v")).getMessage())
        .isEqualTo("header 'x(y)': character 0x28 is not allowed in a header name (RFC 9110 token)");
  }

  @Test
  void refusesCallerPseudoHeaders() {
    assertThat(refused(get("/hello", ":authority", "evil.example")).getMessage())
        .isEqualTo("header ':authority': pseudo-header fields are set by the transport from the method and URI;"
            + " a caller may not supply them");
  }

  @Test
  void refusesCrLfInHeaderValues() {
    ClientException e = refused(get("/hello", "x-note", "a\r\nx-injected: 1"));
    assertThat(e.getMessage()).isEqualTo("header 'x-note': CR or LF in a header value would split the request (request splitting)");
    assertThat(e.getMessage()).doesNotContain("injected");
    assertThat(refused(get("/hello", "x-note", "a\nb")).subject()).isEqualTo("header 'x-note'");
  }

  @Test
  void refusesControlAndWideCharactersInValues() {
    assertThat(refused(get("/hello", "x-note", "a\u0000b")).getMessage())
        .isEqualTo("header 'x-note': character 0x00 is not allowed in a header value (RFC 9110 field-value)");
    assertThat(refused(get("/hello", "x-note", "\u2603")).getMessage())
        .isEqualTo("header 'x-note': character 0x2603 is not allowed in a header value (RFC 9110 field-value)");
  }

  @Test
  void refusesCrLfOrSpaceInTheMethod() {
    for (String m : List.of("GET\r\nX: y", "GE T", "GET\n")) {
      HttpRequest r = new HttpRequest(m, server.uri("/hello"), HttpHeaders.empty(), RequestBody.empty());
      assertThat(refused(r).getMessage())
          .isEqualTo("method: CR, LF or space in the method would split the request line (request splitting)");
    }
  }

  @Test
  void refusesUnencodedCharactersInThePath() {
    // java.net.URI cannot hold a raw CR, LF or space; it can hold raw non-ASCII, which must be encoded too.
    HttpRequest r = new HttpRequest("GET", URI.create("http://127.0.0.1:" + server.port() + "/caf\u00e9"), HttpHeaders.empty(),
        RequestBody.empty());
    assertThat(refused(r).getMessage()).isEqualTo("request target: character 0xE9 must be percent-encoded in the path");
  }

  @Test
  void refusesCallerTransferEncoding() {
    HttpRequest r = new HttpRequest("PUT", server.uri("/count"), HttpHeaders.of("Transfer-Encoding", "chunked"),
        RequestBody.ofBytes("x".getBytes(StandardCharsets.US_ASCII)));
    assertThat(refused(r).getMessage()).isEqualTo(
        "header 'Transfer-Encoding': message framing is chosen by the transport from the body's length; do not set transfer-encoding");
  }

  @Test
  void refusesAContentLengthThatDiffersFromTheBody() {
    HttpRequest r = new HttpRequest("PUT", server.uri("/count"), HttpHeaders.of("content-length", "5"),
        RequestBody.ofBytes("abc".getBytes(StandardCharsets.US_ASCII)));
    assertThat(refused(r).getMessage()).isEqualTo("header 'content-length': content-length 5 differs from the body's length 3");
  }
}
