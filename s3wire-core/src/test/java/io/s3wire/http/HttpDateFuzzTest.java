package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.s3wire.fuzz.FuzzChecks;
import io.s3wire.fuzz.FuzzExecutions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fuzzes {@link HttpDate}: {@code parse} never throws (a malformed date is empty), and gives the
 * same answer under the tr-TR and en-US default locales; a parsed date formats and parses back to
 * itself; any instant in the years 1601 to 9999 formats and parses back to itself to the second, and
 * outside them {@code format} throws {@link IllegalArgumentException}. Seeds: {@code
 * HttpDateFuzzTestInputs/dates/}.
 */
class HttpDateFuzzTest {
  private static final Instant FIRST = Instant.parse("1601-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

  @RegisterExtension
  static final FuzzExecutions EXECUTIONS = new FuzzExecutions();

  @FuzzTest(maxDuration = "60s")
  void dates(FuzzedDataProvider data) throws Exception {
    EXECUTIONS.ran();
    long seconds = data.consumeLong();
    String text = data.consumeRemainingAsString();

    Optional<Instant> us = FuzzChecks.underLocale(Locale.US,
        () -> FuzzChecks.valueOrTyped(text.length(), List.of(), () -> HttpDate.parse(text)));
    Optional<Instant> tr = FuzzChecks.underLocale(Locale.forLanguageTag("tr-TR"), () -> HttpDate.parse(text));
    assertThat(tr).as("parse under tr-TR and en-US").isEqualTo(us);
    us.ifPresent(t -> {
      if (!t.isBefore(FIRST) && !t.isAfter(LAST)) {
        assertThat(HttpDate.parse(HttpDate.format(t))).as("%s formatted and parsed", text)
            .contains(t.truncatedTo(ChronoUnit.SECONDS));
      }
    });

    Instant t = Instant.ofEpochSecond(Math.floorMod(seconds, 400_000_000_000L) - 200_000_000_000L);
    if (t.isBefore(FIRST) || t.isAfter(LAST)) {
      FuzzChecks.valueOrTyped(0, List.of(IllegalArgumentException.class), () -> {
        HttpDate.format(t);
        throw new AssertionError("format accepted " + t + ", outside the years 1601 to 9999");
      });
    } else {
      String formatted = FuzzChecks.underLocale(Locale.forLanguageTag("tr-TR"), () -> HttpDate.format(t));
      assertThat(formatted).as("format under tr-TR").isEqualTo(HttpDate.format(t));
      assertThat(HttpDate.parse(formatted)).as("%s formatted as %s and parsed", t, formatted).contains(t);
    }
  }
}
