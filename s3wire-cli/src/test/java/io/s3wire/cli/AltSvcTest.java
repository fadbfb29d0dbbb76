package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an Alt-Svc header says about h3, as probe and doctor read it. */
class AltSvcTest {
  @Test
  void theEmbeddedServersFormNamesThePortOnTheOriginsHost() {
    AltSvc a = AltSvc.h3("h3=\":8443\"; ma=86400");
    assertThat(a).isEqualTo(new AltSvc("h3=\":8443\"; ma=86400", null, 8443));
    assertThat(a.sameHost("s3.example.test")).isTrue();
  }

  @Test
  void draftVersionsAreSkippedForTheFirstH3Entry() {
    assertThat(AltSvc.h3("h3-29=\":443\"; ma=2592000, h3=\":4433\"; ma=2592000").port()).isEqualTo(4433);
    assertThat(AltSvc.h3("h3-29=\":443\"; ma=2592000")).isNull();
  }

  @Test
  void anotherHostIsKeptAndCommasInQuotesDoNotSplit() {
    AltSvc a = AltSvc.h3("h2=\"a,b:443\", H3=\"edge.example.test:443\"; persist=1");
    assertThat(a.host()).isEqualTo("edge.example.test");
    assertThat(a.port()).isEqualTo(443);
    assertThat(a.sameHost("s3.example.test")).isFalse();
    assertThat(a.sameHost("EDGE.example.test")).isTrue();
  }

  @Test
  void nothingUsableIsNull() {
    assertThat(AltSvc.h3(null)).isNull();
    assertThat(AltSvc.h3("clear")).isNull();
    assertThat(AltSvc.h3("h3=:443")).isNull();
    assertThat(AltSvc.h3("h3=\":0\"")).isNull();
    assertThat(AltSvc.h3("h3=\":http\"")).isNull();
    assertThat(AltSvc.h3("h3=\":443")).isNull();
  }
}
