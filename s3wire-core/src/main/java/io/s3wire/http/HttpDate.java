package io.s3wire.http;

import io.netty.handler.codec.DateFormatter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP dates ({@code Date}, {@code Last-Modified}, {@code If-Modified-Since}, {@code Expires}, ...):
 * the one place s3wire writes and reads them.
 *
 * <p>Written as IMF-fixdate (RFC 9110 section 5.6.7) — {@code Sun, 06 Nov 1994 08:49:37 GMT}: a
 * two-digit day, English names and GMT whatever the default locale and time zone. Strict readers
 * (Go's {@code net/http}, the MinIO Java client) reject the one-digit day that
 * {@link DateTimeFormatter#RFC_1123_DATE_TIME} prints on days 1 to 9, so nothing in s3wire uses that.
 *
 * <p>Read as RFC 9110 asks of recipients: IMF-fixdate, the obsolete RFC 850 form ({@code Sunday,
 * 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}), with Netty's parser of
 * RFC 6265's date algorithm. That algorithm is lenient where being lenient costs nothing: it does not
 * check the day of the week, takes every date as GMT, accepts a one-digit day, and reads a two-digit
 * year 70–99 as 19xx and 00–69 as 20xx (RFC 9110's rolling 50-year window differs only for 70–76
 * today, in a form no current server sends). Thread-safe; no method depends on the default locale,
 * time zone or today's date.
 */
public final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  /** Netty's parser refuses longer input with an exception; no HTTP date is this long. */
  private static final int MAX_LENGTH = 64;
  // RFC 6265's date algorithm (Netty's parser) reads no year before 1601: an earlier date would be
  // written but not read back, here or by servers with the same parser (found by fuzzing).
  private static final Instant FIRST = Instant.parse("1601-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private HttpDate() {}

  /**
   * {@code t} as IMF-fixdate, to the second (a fraction is dropped).
   *
   * @param t the instant, not {@code null}
   * @return e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}
   * @throws IllegalArgumentException when {@code t} is outside the years 1601 to 9999: the format's
   *     four-digit year holds no later one, and RFC 6265's date algorithm reads no earlier one
   */
  public static String format(Instant t) {
    Objects.requireNonNull(t, "t");
    if (t.isBefore(FIRST) || t.isAfter(LAST)) {
      throw new IllegalArgumentException("an HTTP date holds the years 1601 to 9999, not " + t);
    }
    return IMF_FIXDATE.format(t);
  }

  /**
   * The instant {@code text} names in any of the three HTTP date forms, surrounding whitespace
   * allowed; empty when it is none of them (a malformed date is not an error: S3 and RFC 9110 ignore
   * a conditional header whose date does not parse).
   *
   * @param text a header value, not {@code null}
   * @return the instant, or empty when {@code text} is not an HTTP date
   */
  public static Optional<Instant> parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String s = text.toString().trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Date d = DateFormatter.parseHttpDate(s);
    return d == null ? Optional.empty() : Optional.of(d.toInstant());
  }
}
