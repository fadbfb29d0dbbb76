package io.s3wire.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One error model on every HTTP version, as a table: each row sends one request to the embedded
 * server (TLS, ALPN h2 and http/1.1, anonymous) over one HTTP version and checks the exception kind,
 * the failure class shared across versions, the retry-safety verdict and the version-specific form
 * {@code explain()} names. A non-2xx response becomes an exception the way the client makes it
 * ({@link ServiceExceptions#from}); resets and GOAWAYs come from the transport.
 */
@Timeout(60)
class OneErrorModelTest {
  @TempDir static Path dir;
  private static S3Server plain;
  private static S3Server gcs;
  private static HttpTransport h1;
  private static HttpTransport h2;

  /** Which server a row talks to. */
  enum Server { S3, GCS }

  record Row(String name, Server server, HttpProtocol version, String method, String path, boolean hostHeader,
      Class<? extends S3Exception> kind, FailureClass failureClass, RetrySafety safety, String explainNames) {
    @Override
    public String toString() {
      return name + " over " + version;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        // The same malformed request (an invalid bucket name) on both versions: a 400 with S3 XML.
        new Row("invalid bucket name", Server.S3, HttpProtocol.HTTP_1_1, "PUT", "/x", false,
            ServiceException.class, FailureClass.MALFORMED_REQUEST, RetrySafety.PROCESSED, "HTTP/1.1 400 Bad Request"),
        new Row("invalid bucket name", Server.S3, HttpProtocol.HTTP_2, "PUT", "/x", false,
            ServiceException.class, FailureClass.MALFORMED_REQUEST, RetrySafety.PROCESSED, "HTTP/2 answered :status 400 with a body"),
        // The same request with a host header: HTTP/1.1 rejects it with a 400 (fault rule), the gcs front end resets it.
        new Row("host header", Server.GCS, HttpProtocol.HTTP_1_1, "GET", "/gcs-bucket/k", true,
            ServiceException.class, FailureClass.MALFORMED_REQUEST, RetrySafety.PROCESSED, "HTTP/1.1 400 Bad Request"),
        new Row("host header", Server.GCS, HttpProtocol.HTTP_2, "GET", "/gcs-bucket/k", true,
            StreamResetException.class, FailureClass.MALFORMED_REQUEST, RetrySafety.UNKNOWN,
            "where HTTP/1.1 would answer 400 Bad Request"),
        // Retry-safety verdicts.
        new Row("REFUSED_STREAM", Server.S3, HttpProtocol.HTTP_2, "GET", "/refused/k", false,
            StreamResetException.class, FailureClass.NOT_PROCESSED, RetrySafety.UNPROCESSED, "REFUSED_STREAM"),
        new Row("GOAWAY above last-stream-id", Server.S3, HttpProtocol.HTTP_2, "GET", "/goaway/k", false,
            StreamResetException.class, FailureClass.NOT_PROCESSED, RetrySafety.UNPROCESSED, "GOAWAY(NO_ERROR, last-stream-id"),
        new Row("PROTOCOL_ERROR after HEADERS", Server.S3, HttpProtocol.HTTP_2, "GET", "/protocol/k", false,
            StreamResetException.class, FailureClass.MALFORMED_REQUEST, RetrySafety.UNKNOWN, "Retry-safety: UNKNOWN"),
        new Row("500 after the response", Server.S3, HttpProtocol.HTTP_1_1, "GET", "/internal/k", false,
            ServiceException.class, FailureClass.SERVER_ERROR, RetrySafety.PROCESSED, "The server answered 500 InternalError"),
        new Row("500 after the response", Server.S3, HttpProtocol.HTTP_2, "GET", "/internal/k", false,
            ServiceException.class, FailureClass.SERVER_ERROR, RetrySafety.PROCESSED, "The server answered 500 InternalError"));
  }

  @BeforeAll
  static void start() throws Exception {
    plain = S3Server.builder().tls(true).anonymous(true)
        .faultRules(List.of(
            FaultRule.when().path("/refused/**").resetStream(Http2ErrorCode.REFUSED_STREAM),
            FaultRule.when().path("/goaway/**").goAway(Http2ErrorCode.NO_ERROR, -1),
            FaultRule.when().path("/protocol/**").resetStream(Http2ErrorCode.PROTOCOL_ERROR),
            FaultRule.when().path("/internal/**").error(S3ErrorCode.INTERNAL_ERROR)))
        .build().start();
    gcs = S3Server.builder().tls(true).anonymous(true).profile(ServerProfile.GCS)
        .faultRules(List.of(FaultRule.when().protocol(HttpProtocol.HTTP_1_1).header("host").path("/gcs-bucket/**")
            .error(400, S3ErrorCode.INVALID_REQUEST)))
        .build().start();
    Path ca = dir.resolve("plain.pem");
    plain.writeCertificatePem(ca);
    Path caGcs = dir.resolve("gcs.pem");
    gcs.writeCertificatePem(caGcs);
    // One CA file trusting both servers' self-signed certificates.
    Path both = dir.resolve("both.pem");
    java.nio.file.Files.writeString(both, plain.certificatePem() + gcs.certificatePem());
    TransportConfig base = TransportConfig.builder().trustedCertificates(both).build();
    h1 = HttpTransport.create(base.toBuilder().versionPolicy(HttpVersionPolicy.HTTP_1_1).alpnOffer(AlpnOffer.of("http/1.1")).build());
    h2 = HttpTransport.create(base.toBuilder().versionPolicy(HttpVersionPolicy.HTTP_2).alpnOffer(AlpnOffer.of("h2")).build());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {h1, h2, plain, gcs}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // Closing what a failed start left behind; the test's result is already decided.
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void sameKindOnEveryVersion(Row row) throws Exception {
    S3Server server = row.server() == Server.GCS ? gcs : plain;
    HttpTransport t = row.version() == HttpProtocol.HTTP_2 ? h2 : h1;
    HttpRequest request = new HttpRequest(row.method(), server.endpoint().resolve(row.path()), HttpHeaders.empty(), RequestBody.empty());
    if (row.hostHeader()) {
      request = request.withHeaders(HttpHeaders.of("host", request.authority()))
          .withOptions(request.options().withDiagnosticRawHeaders("host"));
    }
    S3Exception e = outcome(t, request);
    assertThat(e).as(row.toString()).isInstanceOf(row.kind());
    assertThat(e.attempts()).singleElement().satisfies(a -> assertThat(a.protocol()).isEqualTo(row.version()));
    assertThat(e.failureClass()).as(row.toString()).isEqualTo(row.failureClass());
    assertThat(e.retrySafety()).as(row.toString()).isEqualTo(row.safety());
    assertThat(e.explain()).as(row.toString()).contains(row.explainNames());
  }

  /** The call's failure: the transport's exception, or the client's ServiceException for an error status. */
  private static S3Exception outcome(HttpTransport t, HttpRequest request) throws Exception {
    HttpResponse r;
    try {
      r = t.execute(request).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException ex) {
      return (S3Exception) ex.getCause();
    }
    try (r) {
      assertThat(r.status()).as("an error status").isGreaterThanOrEqualTo(300);
      ServiceException e = ServiceExceptions.from(r.status(), r.headers(), r.body().bytes());
      r.attempts().forEach(e::addAttempt);
      return e;
    }
  }
}
