package io.s3wire.cli.doctor;

import static io.s3wire.cli.doctor.SyntheticMatrix.closed;
import static io.s3wire.cli.doctor.SyntheticMatrix.goAway;
import static io.s3wire.cli.doctor.SyntheticMatrix.reset;
import static io.s3wire.cli.doctor.SyntheticMatrix.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The general shape rule on matrices built by hand: whatever form a shape's rejection takes, the
 * doctor names the shape, quotes the form and gives the shape's fix; the specific host-header-reset
 * rule keeps its own words for the reset our gcs-profile server (and Google's front end) sends.
 */
class DoctorShapeRulesTest {
  private static final HttpProtocol H2 = HttpProtocol.HTTP_2;
  private static final String EIGHT_HOST_CELLS = "jdk h2,http/1.1 host-header bucket, jdk h2,http/1.1 host-header put,"
      + " jdk h2,http/1.1 host-header get, jdk h2,http/1.1 host-header delete, openssl h2,http/1.1 host-header bucket,"
      + " openssl h2,http/1.1 host-header put, and 2 more";

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("400 with nginx's HTML page", status(H2, 400, "nginx/1.22.1", null, SyntheticMatrix.NGINX_400), "400",
            "nginx/1.22.1 answered 400 with an HTML page: '400 Bad Request / nginx/1.22.1'"),
        Arguments.of("400 with S3 error XML", status(H2, 400, "AmazonS3", "4442587FB7D0A2F9",
            "<Error><Code>InvalidRequest</Code><Message>Host header not allowed on HTTP/2</Message>"
                + "<RequestId>4442587FB7D0A2F9</RequestId></Error>"), "400",
            "AmazonS3 answered 400 InvalidRequest: 'Host header not allowed on HTTP/2'"),
        Arguments.of("400 with XML that is no S3 error", status(H2, 400, null, null,
            "<?xml version=\"1.0\"?><fault><reason>duplicate host</reason></fault>"), "400",
            "the server answered 400 with an XML body that is not an S3 error: 'duplicate host'"),
        Arguments.of("GOAWAY", goAway(H2, Http2ErrorCode.PROTOCOL_ERROR, "duplicate host"), "GOAWAY:PROTOCOL_ERROR",
            "the server closed the connection with GOAWAY(PROTOCOL_ERROR), debug data 'duplicate host'"),
        Arguments.of("closed connection", closed(H2), "CONNECTION_CLOSED",
            "the server closed the connection without a complete answer"),
        Arguments.of("421 with a text body", status(H2, 421, "envoy", null, "Misdirected Request\n"), "421",
            "envoy answered 421 with a text body: 'Misdirected Request'"),
        Arguments.of("421 without a body", status(H2, 421, null, null, null), "421", "the server answered 421 with no body"),
        Arguments.of("RST_STREAM(REFUSED_STREAM)", reset(H2, Http2ErrorCode.REFUSED_STREAM), "REFUSED_STREAM",
            "the server reset the stream with RST_STREAM(REFUSED_STREAM) before any response"));
  }

  private static Function<Cell, Outcome> hostOnH2(Outcome answer) {
    return c -> c.shape() == Shape.HOST_HEADER && "h2,http/1.1".equals(c.alpn()) ? answer : null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void hostHeaderRejectedInAnyFormIsNamedWithItsForm(String name, Outcome answer, String result, String form) {
    List<Finding> findings = Diagnosis.diagnose(SyntheticMatrix.of(SyntheticMatrix.TLS, hostOnH2(answer)));

    assertThat(findings).extracting(Finding::id).containsExactly("host-header-rejected");
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Finding.PROBLEM);
    assertThat(f.title()).isEqualTo("HTTP/2 requests that carry a host header are rejected: " + form);
    assertThat(f.whatFails()).isEqualTo("8 HTTP/2 cell(s) with a host header fail where the normalised request passes: "
        + result + " on 8: " + EIGHT_HOST_CELLS);
    assertThat(f.differs()).isEqualTo("only the host header: s3wire's normalised request, on the same route and operation,"
        + " passes");
    assertThat(f.cause()).startsWith("The endpoint rejects requests with a host header: " + form + ".");
    assertThat(f.fixes()).containsExactly(
        "HTTP/2 requests to this endpoint must not carry a host header: s3wire never sends one",
        "for another client: strip host before the HTTP/2 layer, or force HTTP/1.1 (ALPN http/1.1 only)");
    assertThat(f.evidence()).last().isEqualTo(
        "the normalised request on the same route: jdk h2,http/1.1 normalised put: h2 200 3ms — 200");
  }

  @Test
  void nginxFrontEndIsNamedAndItsPageQuotedEvenWhereHeadGotNoBody() {
    // nginx answers HEAD with its status alone and the other methods with its HTML page.
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.shape() == Shape.HOST_HEADER && "h2,http/1.1".equals(c.alpn())
        ? status(H2, 400, "nginx/1.22.1", null, c.operation() == Operation.BUCKET ? null : SyntheticMatrix.NGINX_400) : null);
    Finding f = Diagnosis.diagnose(m).get(0);

    assertThat(f.title()).isEqualTo("HTTP/2 requests that carry a host header are rejected: nginx/1.22.1 answered 400 with"
        + " an HTML page: '400 Bad Request / nginx/1.22.1'");
    assertThat(f.evidence().get(0)).isEqualTo("jdk h2,http/1.1 host-header put: h2 400 3ms — 400 (/b)");
    assertThat(f.evidence()).contains("body: '400 Bad Request / nginx/1.22.1'");
    assertThat(f.cause()).contains("No S3 error document and no request id came back, so something in front of the S3"
        + " service (a proxy or load balancer) answered; the request never reached the S3 service.")
        .endsWith("nginx gives its reason only in its error log: 'client sent duplicate host header'.");
    assertThat(f.source()).contains("RFC 9113 section 8.3.1").contains("The HTTP/2 host-header case");
  }

  @Test
  void theResetOfGooglesFrontEndKeepsItsOwnRuleAndTitle() {
    List<Finding> findings = Diagnosis.diagnose(SyntheticMatrix.of(SyntheticMatrix.TLS,
        hostOnH2(reset(H2, Http2ErrorCode.PROTOCOL_ERROR))));
    assertThat(findings).extracting(Finding::id).containsExactly("host-header-reset");
    assertThat(findings.get(0).title())
        .isEqualTo("HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR)");
  }

  @Test
  void aShapeRejectedOverHttp11IsAProblemNamedForThatVersion() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.shape() == Shape.KEEP_ALIVE && c.alpn().equals("none")
        ? status(HttpProtocol.HTTP_1_1, 400, "Ceph Object Gateway", "tx000001", "<Error><Code>InvalidArgument</Code>"
            + "<Message></Message><RequestId>tx000001</RequestId></Error>") : null);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("connection-header-rejected");
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Finding.PROBLEM);
    // Ceph's empty <Message>: the code's meaning in words stands in for it.
    assertThat(f.title()).isEqualTo("HTTP/1.1 requests with connection: keep-alive are rejected: Ceph Object Gateway"
        + " answered 400 InvalidArgument: 'An argument of the request is not valid'");
    assertThat(f.cause()).doesNotContain("in front of the S3 service");
  }

  @Test
  void connectionHeaderRejectedOnHttp2OtherThanByResetIsANote() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.shape() == Shape.KEEP_ALIVE && "h2,http/1.1".equals(c.alpn())
        ? goAway(H2, Http2ErrorCode.PROTOCOL_ERROR, "") : null);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("connection-header-rejected");
    assertThat(findings.get(0).severity()).isEqualTo(Finding.NOTE);
    assertThat(findings.get(0).title()).isEqualTo("HTTP/2 requests with connection: keep-alive are rejected: the server"
        + " closed the connection with GOAWAY(PROTOCOL_ERROR)");
  }

  @Test
  void overPlainHttpTheH2cRowsAreJudgedTheSameWay() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.PLAIN, c -> c.shape() == Shape.CONTENT_LENGTH_ZERO
        && c.route().http().equals("h2c") ? status(H2, 400, "nginx/1.22.1", null, SyntheticMatrix.NGINX_400) : null);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("content-length-zero-rejected");
    assertThat(findings.get(0).title()).isEqualTo("HTTP/2 bodiless requests with content-length: 0 are rejected:"
        + " nginx/1.22.1 answered 400 with an HTML page: '400 Bad Request / nginx/1.22.1'");
    assertThat(findings.get(0).whatFails()).isEqualTo("3 HTTP/2 cell(s) with content-length: 0 fail where the normalised"
        + " request passes: 400 on 3: h2c content-length-0 bucket, h2c content-length-0 get, h2c content-length-0 delete");
  }

  @Test
  void whenTheNormalisedRequestFailsTheSameWayTheShapeIsNotBlamed() {
    Outcome html = status(H2, 400, "nginx/1.22.1", null, SyntheticMatrix.NGINX_400);
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> "h2,http/1.1".equals(c.alpn())
        && (c.shape() == Shape.HOST_HEADER || c.shape() == Shape.NORMALISED) ? html : null);
    assertThat(Diagnosis.diagnose(m)).extracting(Finding::id).containsExactly("unrecognised-failure");
  }

  @Test
  void whenTheNormalisedRequestFailsDifferentlyTheShapeIsStillTheCause() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> !"h2,http/1.1".equals(c.alpn()) ? null
        : c.shape() == Shape.HOST_HEADER ? closed(H2)
        : status(H2, 403, "AmazonS3", "R1", "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
    Finding f = Diagnosis.diagnose(m).stream().filter(x -> x.id().equals("host-header-rejected")).findFirst().orElseThrow();
    assertThat(f.differs()).isEqualTo("only the host header: s3wire's normalised request, on the same route and operation,"
        + " fails differently (403)");
  }

  @Test
  void quotesAreRedacted() {
    String body = "<html><body><p>rejected: Signature=0123456789abcdef0123456789abcdef"
        + " x-amz-security-token: FQoGZXIvYXdzEXAMPLE</p></body></html>";
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, hostOnH2(status(H2, 400, "proxy", null, body)));
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings.get(0).title()).isEqualTo("HTTP/2 requests that carry a host header are rejected: proxy answered 400"
        + " with an HTML page: 'rejected: Signature=<redacted> x-amz-security-token: <redacted>'");
    DoctorReport r = new DoctorReport(List.of(), m, findings, 1);
    String all = String.join("\n", TextRenderer.render(r)) + JsonRenderer.render(r) + HtmlRenderer.render(r);
    assertThat(all).doesNotContain("0123456789abcdef0123456789abcdef", "FQoGZXIvYXdzEXAMPLE", SyntheticMatrix.SECRET);
  }

  @Test
  void quotesAreShort() {
    String body = "rejected: " + "a very long explanation that goes on and on ".repeat(5);
    Finding f = Diagnosis.diagnose(SyntheticMatrix.of(SyntheticMatrix.TLS, hostOnH2(status(H2, 400, null, null, body)))).get(0);
    String quote = f.title().substring(f.title().indexOf('\''));
    assertThat(quote).startsWith("'rejected: a very long explanation that goes on and on a very").endsWith("...'");
    assertThat(quote).hasSize(FailureForm.MAX_QUOTE + 2);
  }
}
