package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.Credentials;
import io.s3wire.http.HttpProtocol;
import io.s3wire.provider.ProviderProfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nginx before an S3 server (Ceph RGW's usual TLS and HTTP/2 front) answers an HTTP/2 request that
 * carries a host header next to :authority with 400 instead of a reset: the doctor names that cause
 * and writes {@code forbidsHostHeaderOnH2=true}; a 400 to the host header on both versions is not an
 * HTTP/2 cause and leaves the capability off.
 */
class HostHeaderRefusedTest {

  /** The ceph profile as the base, whose forbidsHostHeaderOnH2 is false until measured otherwise. */
  private static final Target CEPH = new Target(SyntheticMatrix.TLS.endpoint(), "b", "us-east-1",
      Credentials.of(SyntheticMatrix.ACCESS_KEY, SyntheticMatrix.SECRET), false, null, ProviderProfiles.ceph(), null);

  private static DoctorReport report(boolean alsoOnHttp11) {
    Measurements m = SyntheticMatrix.of(CEPH, c -> {
      if (c.shape() != Shape.HOST_HEADER) {
        return null;
      }
      HttpProtocol p = SyntheticMatrix.protocol(c.route());
      return p == HttpProtocol.HTTP_2 || alsoOnHttp11
          ? SyntheticMatrix.status(p, 400, "nginx/1.22.1", null, SyntheticMatrix.NGINX_400) : null;
    });
    return new DoctorReport(List.of(), m, Diagnosis.diagnose(m), 1);
  }

  @Test
  void a400OnlyForTheHostHeaderOnHttp2IsNamedAndWrittenToTheProfile() {
    DoctorReport r = report(false);
    assertThat(r.findings()).extracting(Finding::id).containsExactly("host-header-rejected");
    assertThat(r.findings().get(0).title()).startsWith("HTTP/2 requests that carry a host header are rejected");
    assertThat(ProfileWriter.measured(r).forbidsHostHeaderOnH2()).isTrue();
  }

  @Test
  void a400ForTheHostHeaderOnBothVersionsIsNotAnHttp2Cause() {
    DoctorReport r = report(true);
    assertThat(r.findings()).extracting(Finding::title).singleElement().asString()
        .startsWith("Requests that carry a host header are rejected");
    assertThat(ProfileWriter.measured(r).forbidsHostHeaderOnH2()).isFalse();
  }
}
