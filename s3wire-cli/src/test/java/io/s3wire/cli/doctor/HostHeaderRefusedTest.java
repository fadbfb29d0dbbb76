package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.Credentials;
import io.s3wire.error.ServiceExceptions;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TlsProvider;
import io.s3wire.provider.ProviderProfiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * nginx before an S3 server (Ceph RGW's usual TLS and HTTP/2 front) answers an HTTP/2 request that
 * carries a host header next to :authority with 400 instead of a reset: the doctor names that cause
 * and writes {@code forbidsHostHeaderOnH2=true}, rather than calling it a failure it has no rule for.
 */
class HostHeaderRefusedTest {
  private static final String NGINX_400 = "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n"
      + "<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

  private static Cell cell(HttpProtocol protocol, String alpn, Shape shape, int status) {
    Outcome o = new Outcome(protocol, protocol == HttpProtocol.HTTP_2 ? "h2" : "http/1.1", status,
        status == 400 ? ServiceExceptions.from(400, HttpHeaders.of("content-type", "text/html"),
            NGINX_400.getBytes(StandardCharsets.UTF_8)) : null,
        null, Instant.EPOCH, null, 1, List.of());
    return new Cell(TlsProvider.JDK, alpn, shape, Operation.PUT, o, null);
  }

  private static DoctorReport report(List<Cell> cells) {
    Target target = new Target(URI.create("https://127.0.0.1:8443"), "b", "us-east-1", Credentials.of("AKID", "secret"),
        false, null, ProviderProfiles.ceph(), null);
    Measurements m = new Measurements(target, cells, Map.of(), null, null, "s3wire-doctor-x", List.of());
    return new DoctorReport(List.of(), m, Diagnosis.diagnose(m), 1);
  }

  @Test
  void a400OnlyForTheHostHeaderOnHttp2IsNamed() {
    DoctorReport r = report(List.of(
        cell(HttpProtocol.HTTP_2, "h2,http/1.1", Shape.NORMALISED, 200),
        cell(HttpProtocol.HTTP_2, "h2,http/1.1", Shape.HOST_HEADER, 400),
        cell(HttpProtocol.HTTP_1_1, "http/1.1", Shape.NORMALISED, 200),
        cell(HttpProtocol.HTTP_1_1, "http/1.1", Shape.HOST_HEADER, 200)));
    assertThat(r.findings()).extracting(Finding::id).containsExactly("host-header-rejected");
    Finding f = r.findings().get(0);
    assertThat(f.title()).isEqualTo("HTTP/2 requests that carry a host header are refused with 400 Bad Request");
    assertThat(f.whatFails()).isEqualTo("1 HTTP/2 cell(s) with a host header get 400: jdk h2,http/1.1 host-header put");
    assertThat(ProfileWriter.measured(r).forbidsHostHeaderOnH2()).isTrue();
  }

  @Test
  void a400ForTheHostHeaderOnBothVersionsIsNotAnHttp2Cause() {
    DoctorReport r = report(List.of(
        cell(HttpProtocol.HTTP_2, "h2,http/1.1", Shape.NORMALISED, 200),
        cell(HttpProtocol.HTTP_2, "h2,http/1.1", Shape.HOST_HEADER, 400),
        cell(HttpProtocol.HTTP_1_1, "http/1.1", Shape.NORMALISED, 200),
        cell(HttpProtocol.HTTP_1_1, "http/1.1", Shape.HOST_HEADER, 400)));
    assertThat(r.findings()).extracting(Finding::id).doesNotContain("host-header-rejected");
    assertThat(ProfileWriter.measured(r).forbidsHostHeaderOnH2()).isFalse();
  }
}
