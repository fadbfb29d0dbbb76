package io.s3wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.internal.AltSvcHeader.Alternative;
import io.s3wire.internal.AltSvcHeader.Alternatives;
import io.s3wire.internal.AltSvcHeader.Clear;
import io.s3wire.internal.AltSvcHeader.Malformed;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Alt-Svc parser on its own: what a header's values say. The client's use of it (same-host h3,
 * max-age, clear) is in {@code AltSvcCacheTest}; the CLI's (first h3 anywhere, quoted) in the CLI's
 * {@code AltSvcTest}.
 */
class AltSvcHeaderTest {
  private static AltSvcHeader.Advice parse(String... fields) {
    return AltSvcHeader.parse(List.of(fields));
  }

  @Test
  void everyAlternativeIsListedInOrderWithItsHostPortAndMaxAge() {
    assertThat(parse("h3-29=\":443\"; ma=2592000, h3=\":4433\"; ma=60; persist=1, h2=\"alt.example.test:443\""))
        .isEqualTo(new Alternatives(List.of(
            new Alternative("h3-29", null, 443, 2_592_000),
            new Alternative("h3", null, 4433, 60),
            new Alternative("h2", "alt.example.test", 443, AltSvcHeader.DEFAULT_MAX_AGE_SECONDS))));
  }

  @Test
  void severalFieldsMeanTheSameAsOneJoinedByCommas() {
    assertThat(parse("h2=\":443\"", "h3=\":8443\"; ma=\"30\"")).isEqualTo(parse("h2=\":443\", h3=\":8443\"; ma=\"30\""));
    assertThat(((Alternatives) parse("h2=\":443\"", "h3=\":8443\"; ma=\"30\"")).firstH3())
        .isEqualTo(new Alternative("h3", null, 8443, 30));
  }

  @Test
  void draftsAndOtherCasesAreNotH3() {
    Alternatives list = (Alternatives) parse("h3-29=\":443\", H3=\":444\", h3=\":4433\"");
    assertThat(list.firstH3().port()).isEqualTo(4433);
    assertThat(((Alternatives) parse("h3-29=\":443\"; ma=2592000, H3=\":444\"")).firstH3()).isNull();
  }

  @Test
  void anotherHostIsKeptAndCommasInQuotesDoNotSplit() {
    Alternatives list = (Alternatives) parse("h2=\"a,b:443\", h3=\"edge.example.test:443\"; persist=1, h3=\":8443\"");
    assertThat(list.alternatives()).hasSize(3);
    assertThat(list.alternatives().get(0).host()).isEqualTo("a,b");
    Alternative first = list.firstH3();
    assertThat(first.host()).isEqualTo("edge.example.test");
    assertThat(first.sameHost("s3.example.test")).isFalse();
    assertThat(first.sameHost("EDGE.example.test")).isTrue();
    assertThat(list.firstH3On("s3.example.test").port()).isEqualTo(8443);
    assertThat(list.firstH3On("edge.example.test").port()).isEqualTo(443);
  }

  @Test
  void anIpv6HostLosesItsBracketsAndMatchesAnOriginWithOrWithout() {
    Alternative a = ((Alternatives) parse("h3=\"[2001:db8::1]:8443\"")).firstH3();
    assertThat(a.host()).isEqualTo("2001:db8::1");
    assertThat(a.sameHost("[2001:DB8::1]")).isTrue();
    assertThat(a.sameHost("2001:db8::1")).isTrue();
    assertThat(a.sameHost("[2001:db8::2]")).isFalse();
  }

  @Test
  void clearAndNoFieldAreTheirOwnAnswers() {
    assertThat(parse("clear")).isEqualTo(new Clear());
    assertThat(parse(" clear ")).isEqualTo(new Clear());
    assertThat(AltSvcHeader.parse(List.of())).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h3=:443", "h3=\":0\"", "h3=\":65536\"", "h3=\":http\"", "h3=\":443", "h3=\"host\"",
      "=\":443\"", "h 3=\":443\"", "h3=\":443\"; ma=soon", "h3=\":443\"; ma", ""})
  void aValueWithNoAlternativeThatParsesIsMalformedNeverThrown(String value) {
    assertThat(parse(value)).isInstanceOf(Malformed.class);
  }

  @Test
  void malformedSaysWhatDoesNotParse() {
    assertThat(parse("h3=\":http\"")).isEqualTo(new Malformed("port 'http' is not a number"));
    assertThat(parse("h3=\":443")).isEqualTo(new Malformed("unterminated quoted string in 'h3=\":443'"));
    assertThat(parse(", ,")).isEqualTo(new Malformed("no alternative"));
  }

  @Test
  void aMalformedAlternativeIsSkippedNextToOnesThatParse() {
    assertThat(parse("h3=\":0\", h3=:443, h3=\":8443\""))
        .isEqualTo(new Alternatives(List.of(new Alternative("h3", null, 8443, AltSvcHeader.DEFAULT_MAX_AGE_SECONDS))));
  }

  @Test
  void aHugeMaIsCappedAndQuotedValuesMayHoldEscapes() {
    assertThat(((Alternatives) parse("h3=\":443\"; ma=99999999999999999999999")).firstH3().maxAgeSeconds())
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(((Alternatives) parse("h2=\"a\\\"b:443\"")).alternatives().get(0).host()).isEqualTo("a\"b");
  }
}
