package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.internal.AltSvcHeader;
import org.junit.jupiter.api.Test;

/** What probe and doctor take from an Alt-Svc header: the first h3 alternative and the header to quote. */
class AltSvcTest {
  @Test
  void theEmbeddedServersFormNamesThePortOnTheOriginsHost() {
    AltSvc a = AltSvc.h3("h3=\":8443\"; ma=86400");
    assertThat(a).isEqualTo(new AltSvc("h3=\":8443\"; ma=86400", new AltSvcHeader.Alternative("h3", null, 8443, 86_400)));
    assertThat(a.port()).isEqualTo(8443);
    assertThat(a.sameHost("s3.example.test")).isTrue();
  }

  @Test
  void theFirstH3OnAnyHostIsTakenSoTheCliCanSayItNamesAnotherHost() {
    AltSvc a = AltSvc.h3("h2=\"a,b:443\", h3=\"edge.example.test:443\"; persist=1, h3=\":8443\"");
    assertThat(a.header()).isEqualTo("h2=\"a,b:443\", h3=\"edge.example.test:443\"; persist=1, h3=\":8443\"");
    assertThat(a.port()).isEqualTo(443);
    assertThat(a.sameHost("s3.example.test")).isFalse();
    assertThat(a.sameHost("EDGE.example.test")).isTrue();
  }

  @Test
  void anIpv6OriginMatchesWithTheBracketsAUriKeeps() {
    assertThat(AltSvc.h3("h3=\"[::1]:8443\"").sameHost("[::1]")).isTrue();
    assertThat(AltSvc.h3("h3=\"[::1]:8443\"").sameHost("::1")).isTrue();
  }

  @Test
  void nothingUsableIsNull() {
    assertThat(AltSvc.h3(null)).isNull();
    assertThat(AltSvc.h3("clear")).isNull();
    assertThat(AltSvc.h3("h3-29=\":443\"; ma=2592000")).isNull();
    assertThat(AltSvc.h3("h3=\":443")).isNull();
  }
}
