package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.it.HostileLocale;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP dates: IMF-fixdate written for every day of a month and every weekday, byte for byte, under
 * a hostile default locale and time zone; the three forms RFC 9110 asks recipients to read.
 */
@ExtendWith(HostileLocale.class)
class HttpDateTest {
  /** RFC 9110 section 5.6.7's IMF-fixdate grammar. */
  static final Pattern IMF_FIXDATE = Pattern.compile(
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4}"
          + " [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
  private static final List<String> WEEKDAYS = List.of("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat");
  /** Locales whose names, digits or calendars differ from English ones. */
  private static final List<Locale> LOCALES = List.of(Locale.GERMANY, Locale.forLanguageTag("th-TH-u-ca-buddhist-nu-thai"),
      Locale.forLanguageTag("ar-EG-u-nu-arab"), Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ja-JP-u-ca-japanese"),
      Locale.forLanguageTag("hi-IN-u-nu-deva"));

  @Test
  void everyDayOfAMonthAndEveryWeekdayByteForByte() {
    Locale saved = Locale.getDefault();
    try {
      for (Locale locale : LOCALES) {
        Locale.setDefault(locale);
        // March 2026 has 31 days and starts on a Sunday; each day 1-31 at 07:08:09 UTC.
        Instant first = Instant.parse("2026-03-01T07:08:09Z");
        for (int day = 1; day <= 31; day++) {
          String expected = WEEKDAYS.get((day - 1) % 7) + ", " + (day < 10 ? "0" : "") + day + " Mar 2026 07:08:09 GMT";
          assertThat(HttpDate.format(first.plus(Duration.ofDays(day - 1)))).as("day %d in %s", day, locale)
              .isEqualTo(expected).matches(IMF_FIXDATE);
        }
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void everyMonthNameAndTheEdgesOfADay() {
    String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int m = 1; m <= 12; m++) {
      Instant t = Instant.parse(String.format(Locale.ROOT, "2027-%02d-09T00:00:00Z", m));
      assertThat(HttpDate.format(t)).endsWith(", 09 " + months[m - 1] + " 2027 00:00:00 GMT").matches(IMF_FIXDATE);
    }
    assertThat(HttpDate.format(Instant.parse("1994-11-06T08:49:37.999Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    assertThat(HttpDate.format(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
    assertThat(HttpDate.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
  }

  @Test
  void yearsTheFormatCannotHoldAreRefused() {
    assertThatThrownBy(() -> HttpDate.format(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years 1601 to 9999");
    assertThatThrownBy(() -> HttpDate.format(Instant.parse("1600-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years 1601 to 9999");
    assertThat(HttpDate.parse(HttpDate.format(Instant.parse("1601-01-01T00:00:00Z"))))
        .contains(Instant.parse("1601-01-01T00:00:00Z"));
  }

  @Test
  void readsTheThreeFormsRfc9110Requires() {
    Instant t = Instant.parse("1994-11-06T08:49:37Z");
    assertThat(HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")).contains(t);
    assertThat(HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT")).contains(t);
    assertThat(HttpDate.parse("Sun Nov  6 08:49:37 1994")).contains(t);
    // Lenient where it costs nothing: a one-digit day (what RFC_1123_DATE_TIME prints), whitespace.
    assertThat(HttpDate.parse("  Sun, 6 Nov 1994 08:49:37 GMT\t")).contains(t);
    assertThat(HttpDate.parse("Mon, 7 Dec 2026 01:23:11 GMT")).contains(Instant.parse("2026-12-07T01:23:11Z"));
  }

  @Test
  void roundTripsEveryDayOfAYear() {
    Instant t = Instant.parse("2028-01-01T23:59:58Z"); // a leap year
    for (int i = 0; i < 366; i++, t = t.plus(Duration.ofDays(1))) {
      assertThat(HttpDate.parse(HttpDate.format(t))).contains(t);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "yesterday", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "2026-12-07T01:23:11Z",
      "Sun, 06 Nov 1994 08:49:37 GMT, and a very long tail that no HTTP date ever has"})
  void anythingElseIsEmptyNotAnError(String text) {
    assertThat(HttpDate.parse(text)).isEmpty();
  }
}
