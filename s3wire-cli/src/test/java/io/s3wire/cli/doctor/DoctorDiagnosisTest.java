package io.s3wire.cli.doctor;

import static io.s3wire.cli.doctor.SyntheticMatrix.closed;
import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules other than the shape rule, on matrices built by hand: a server without h2c is a note, a probe
 * that failed without an S3 error does not break the capability rules, the cleanup line says what was
 * really created.
 */
class DoctorDiagnosisTest {
  private static final HttpProtocol H1 = HttpProtocol.HTTP_1_1;

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
        "a route is TLS with an ALPN offer (policy NEGOTIATE), or plain HTTP/1.1 or h2c");
  }
}
