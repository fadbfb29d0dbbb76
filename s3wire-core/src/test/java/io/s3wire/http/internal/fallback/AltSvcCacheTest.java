package io.s3wire.http.internal.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Alt-Svc cache on a pinned clock: parsing, max-age, clear, replacement, broken marks, malformed values. */
class AltSvcCacheTest {
  private static final AltSvcCache.Key ORIGIN = new AltSvcCache.Key("S3.Example.COM", 443);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-07T23:59:30Z"));
  private final AltSvcCache cache = new AltSvcCache(clock, Duration.ofMinutes(5));

  private String observe(String... fields) {
    return cache.observe(ORIGIN, List.of(fields));
  }

  @Test
  void anH3AdvertisementIsUsedUntilItsMaxAgeRunsOut() {
    assertThat(observe("h3=\":8443\"; ma=60")).isEqualTo("h3 on UDP port 8443 for 60 s");
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
    clock.advance(Duration.ofSeconds(59));
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
  }

  @Test
  void withoutMaAnAdvertisementLastsTwentyFourHours() {
    observe("h3=\":443\"");
    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(cache.h3Port(ORIGIN)).hasValue(443);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
  }

  @Test
  void theFirstSameHostH3AlternativeWinsAndOthersAreSkipped() {
    observe("h3-29=\":9000\", h2=\":443\"; persist=1, h3=\"other.example.com:7000\"; ma=3600",
        "h3=\"s3.example.com:7443\"; ma=\"120\"; persist=1, h3=\":8443\"");
    assertThat(cache.h3Port(ORIGIN)).hasValue(7443);
    clock.advance(Duration.ofSeconds(120));
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
  }

  @Test
  void originsAreSeparateAndHostsCompareWithoutCase() {
    observe("h3=\":8443\"");
    assertThat(cache.h3Port(new AltSvcCache.Key("s3.example.com", 443))).hasValue(8443);
    assertThat(cache.h3Port(new AltSvcCache.Key("s3.example.com", 444))).isEmpty();
    assertThat(cache.h3Port(new AltSvcCache.Key("other.example.com", 443))).isEmpty();
    cache.observe(new AltSvcCache.Key("[::1]", 9000), List.of("h3=\"[::1]:9001\""));
    assertThat(cache.h3Port(new AltSvcCache.Key("::1", 9000))).hasValue(9001);
  }

  @Test
  void clearAndMaZeroAndAListWithoutH3ForgetTheAdvertisement() {
    observe("h3=\":8443\"");
    assertThat(observe("clear")).isEqualTo("cleared");
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
    observe("h3=\":8443\"");
    assertThat(observe("h3=\":8443\"; ma=0")).isEqualTo("no same-host h3 alternative");
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
    observe("h3=\":8443\"");
    assertThat(observe("h2=\":443\"")).isEqualTo("no same-host h3 alternative");
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
  }

  @Test
  void aResponseWithoutAltSvcChangesNothing() {
    observe("h3=\":8443\"");
    assertThat(cache.observe(ORIGIN, List.of())).isNull();
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "h3", "h3=", "h3=:8443", "h3=\":8443", "h3=\":0\"", "h3=\":65536\"", "h3=\":-1\"",
      "h3=\":84x3\"", "h3=\"8443\"", "h3=\":8443\"; ma=-5", "h3=\":8443\"; ma=1.5", "h3=\":8443\"; ma",
      "Clear", "clear, h3=\":1\" \"", "h 3=\":8443\"", "=\":8443\"", ",,,", "h3=\":99999999999999999999\""})
  void aMalformedValueIsIgnoredAndKeepsWhatWasKnown(String value) {
    observe("h3=\":8443\"; ma=60");
    String said = observe(value);
    assertThat(said).startsWith("ignored malformed Alt-Svc: ");
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
  }

  @Test
  void aMalformedAlternativeNextToAGoodOneDoesNotHideIt() {
    observe("h3=\":bad\", h3=\":8443\"; ma=10");
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
  }

  @Test
  void aHugeMaIsCappedInsteadOfOverflowing() {
    observe("h3=\":8443\"; ma=99999999999999999999999");
    clock.advance(Duration.ofDays(3650));
    assertThat(cache.h3Port(ORIGIN)).hasValue(8443);
  }

  @Test
  void aBrokenMarkKeepsTheOriginOffHttp3ForItsPeriodEvenWhenAdvertisedAgain() {
    observe("h3=\":8443\"; ma=86400");
    cache.markBroken(ORIGIN);
    assertThat(cache.isBroken(ORIGIN)).isTrue();
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
    observe("h3=\":8443\"; ma=86400");
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(cache.h3Port(ORIGIN)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.isBroken(ORIGIN)).isFalse();
    assertThat(cache.h3Port(ORIGIN)).isEqualTo(OptionalInt.of(8443));
  }
  @Test
  void eachFailureInARowDoublesThePeriodUpToTwoDaysAndAnHttp3ResponseStartsOver() {
    observe("h3=\":8443\"; ma=31536000");
    List<Long> periods = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Duration p = cache.markBroken(ORIGIN);
      periods.add(p.toMinutes());
      clock.advance(p.minusSeconds(1));
      assertThat(cache.h3Port(ORIGIN)).as("kept off for all of %s", p).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      assertThat(cache.h3Port(ORIGIN)).as("tried again after %s", p).hasValue(8443);
    }
    assertThat(periods).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 2880L, 2880L);

    cache.worked(ORIGIN);
    assertThat(cache.markBroken(ORIGIN)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aSecondFailureWithinThePeriodIsNotASecondInARow() {
    observe("h3=\":8443\"; ma=86400");
    assertThat(cache.markBroken(ORIGIN)).isEqualTo(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(1));
    assertThat(cache.markBroken(ORIGIN)).as("what is left of the first period").isEqualTo(Duration.ofMinutes(4));
    clock.advance(Duration.ofMinutes(4));
    assertThat(cache.markBroken(ORIGIN)).isEqualTo(Duration.ofMinutes(10));
  }
}
