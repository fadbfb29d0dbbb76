package io.s3wire.cli.doctor;

import static io.s3wire.cli.doctor.SyntheticMatrix.closed;
import static io.s3wire.cli.doctor.SyntheticMatrix.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules other than the shape rule, on matrices built by hand: the failure no rule explains reads as a
 * sentence with the server's words, a server without h2c is a note, and a probe that failed without
 * an S3 error does not break the capability rules.
 */
class DoctorDiagnosisTest {
  private static final HttpProtocol H1 = HttpProtocol.HTTP_1_1;
  private static final HttpProtocol H2 = HttpProtocol.HTTP_2;

  @Test
  void unrecognisedFailureWithAnEmptyMessageReadsAsASentence() {
    // Ceph RGW sends the code with an empty <Message>; core fills it from the code.
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.operation() == Operation.DELETE
        ? status(SyntheticMatrix.protocol(c.route()), 409, null, "tx0000a", "<Error><Code>BucketNotEmpty</Code><Message>"
            + "</Message><RequestId>tx0000a</RequestId></Error>") : null);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("unrecognised-failure");
    Finding f = findings.get(0);
    assertThat(f.title()).isEqualTo("Unrecognised failure: the server answered 409 BucketNotEmpty: 'The bucket is not empty'");
    assertThat(f.whatFails()).startsWith("24 cell(s) fail with 409 BucketNotEmpty: jdk h2,http/1.1 normalised delete, ");
    assertThat(f.cause()).startsWith("The server answered 409 BucketNotEmpty: The bucket is not empty (/b) [request id tx0000a].");
    assertThat(f.evidence().get(0)).isEqualTo("jdk h2,http/1.1 normalised delete: h2 409 3ms — 409 BucketNotEmpty: The bucket"
        + " is not empty (/b) [request id tx0000a]");
  }

  @Test
  void unrecognisedFailureWithoutWordsSaysWhatCame() {
    Measurements bare = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.operation() == Operation.GET
        ? status(SyntheticMatrix.protocol(c.route()), 500, null, "R2", null) : null);
    assertThat(Diagnosis.diagnose(bare).get(0).title()).isEqualTo("Unrecognised failure: the server answered 500 with no body");

    Measurements page = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> c.operation() == Operation.GET
        ? status(SyntheticMatrix.protocol(c.route()), 502, "nginx", null,
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                + "<hr><center>nginx</center></body></html>") : null);
    Finding f = Diagnosis.diagnose(page).get(0);
    assertThat(f.title()).isEqualTo("Unrecognised failure: nginx answered 502 with an HTML page: '502 Bad Gateway / nginx'");
    assertThat(f.evidence()).contains("body: '502 Bad Gateway / nginx'");
  }

  @Test
  void aPlainServerWithoutH2cIsANoteNotAProblem() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.PLAIN, c -> c.route().http().equals("h2c") ? closed(null) : null);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("no-h2c");
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Finding.NOTE);
    assertThat(f.title()).isEqualTo("The server does not speak HTTP/2 over plain HTTP (h2c with prior knowledge):"
        + " only HTTP/1.1 works there");
    assertThat(f.whatFails()).startsWith("16 h2c cell(s) fail, the normalised request too, while it passes over HTTP/1.1: ");
    assertThat(f.cause()).contains("(the server closed the connection without a complete answer)");
  }

  @Test
  void aChecksumProbeThatFailedWithoutAnS3ErrorIsNoCapabilityFinding() {
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> null, Map.of("checksum", closed(H1),
        "delete-objects", closed(H1)));
    assertThat(Diagnosis.diagnose(m)).isEmpty();
  }

  @Test
  void aMissingBucketIsNamedWithHowToCreateIt() {
    Map<String, Outcome> probes = Map.of("addressing-path", status(H1, 404, "s3wire", "R3", null),
        "addressing-virtual", closed(null));
    Measurements m = SyntheticMatrix.of(SyntheticMatrix.TLS, c -> status(SyntheticMatrix.protocol(c.route()), 404, "s3wire",
        "R4", c.operation() == Operation.BUCKET ? null : "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does"
            + " not exist</Message><BucketName>b</BucketName><RequestId>R4</RequestId></Error>"), probes);
    List<Finding> findings = Diagnosis.diagnose(m);
    assertThat(findings).extracting(Finding::id).containsExactly("no-such-bucket");
    Finding f = findings.get(0);
    assertThat(f.title()).isEqualTo("Bucket b does not exist at https://s3.example.test");
    assertThat(f.whatFails()).startsWith("96 cell(s) fail with 404: ");
    assertThat(f.cause()).isEqualTo("Bucket b is not on this endpoint (or the access key " + SyntheticMatrix.ACCESS_KEY
        + " may not see it): s3wire answered 404 NoSuchBucket: 'The specified bucket does not exist'. A HEAD answer carries"
        + " no body, so there it says only 404.");
    assertThat(f.fixes()).containsExactly("create it: s3wire mb s3://b --endpoint https://s3.example.test",
        "or give an existing bucket with --bucket (s3wire ls --endpoint https://s3.example.test lists them)");
    assertThat(String.join("\n", f.evidence()) + f.cause()).doesNotContain(SyntheticMatrix.SECRET);
  }

  @Test
  void cleanupSaysWhatWasReallyCreated() {
    assertThat(Cleanup.NONE.summary("p")).isEqualTo("cleanup: no test object was created, so there was none to delete");
    assertThat(new Cleanup(List.of("p/a: deleted (204)", "p/b: deleted by its row's DELETE (204)"), List.of()).summary("p"))
        .isEqualTo("cleanup: deleted 2 test object(s) under p/");
    Cleanup partly = new Cleanup(List.of("p/a: deleted (204)"), List.of("p/b: not deleted: 403 AccessDenied"));
    assertThat(partly.summary("p")).isEqualTo("cleanup: deleted 1 of 2 test object(s) under p/; left: p/b: not deleted:"
        + " 403 AccessDenied");
    assertThat(partly.lines()).containsExactly("p/a: deleted (204)", "p/b: not deleted: 403 AccessDenied");
  }

  @Test
  void aRouteIsTlsWithAnOfferOrPlainWithAFixedVersion() {
    assertThat(new Route(null, null, io.s3wire.http.HttpVersionPolicy.HTTP_2).label()).isEqualTo("h2c");
    assertThat(new Route(io.s3wire.http.TlsProvider.JDK, "none", io.s3wire.http.HttpVersionPolicy.NEGOTIATE).label())
        .isEqualTo("jdk none");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Route(io.s3wire.http.TlsProvider.JDK, "h2,http/1.1",
        io.s3wire.http.HttpVersionPolicy.HTTP_2)).hasMessage(
        "a route is TLS with an ALPN offer (policy NEGOTIATE), h3 (policy HTTP_3), or plain HTTP/1.1 or h2c");
    assertThat(Route.h3().label()).isEqualTo("openssl h3");
    assertThat(Route.h3().http()).isEqualTo("h3");
    assertThat(Route.jdkH3().keyPart()).isEqualTo("jdk-h3");
    // h3 is only ever HTTP_3, and HTTP_3 only ever h3.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Route(io.s3wire.http.TlsProvider.OPENSSL, "h3",
        io.s3wire.http.HttpVersionPolicy.NEGOTIATE)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Route(io.s3wire.http.TlsProvider.OPENSSL, "h2,http/1.1",
        io.s3wire.http.HttpVersionPolicy.HTTP_3)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Route(null, "h3",
        io.s3wire.http.HttpVersionPolicy.HTTP_3)).isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Route(null, null,
        io.s3wire.http.HttpVersionPolicy.HTTP_3)).isInstanceOf(IllegalArgumentException.class);
  }
}
