package io.s3wire.auth.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The SigV4 timestamp forms, {@code yyyyMMdd'T'HHmmss'Z'} and {@code yyyyMMdd}, always in UTC,
 * built digit by digit so neither the default locale nor the default time zone can change them.
 */
public final class AmzDate {
  private AmzDate() {}

  /** {@code 20150830T123600Z} for the instant (UTC, seconds truncated). */
  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("signing time out of range: year " + year);
    }
    char[] c = new char[16];
    put(c, 0, year, 4);
    put(c, 4, t.getMonthValue(), 2);
    put(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    put(c, 9, t.getHour(), 2);
    put(c, 11, t.getMinute(), 2);
    put(c, 13, t.getSecond(), 2);
    c[15] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Parses {@code yyyyMMdd'T'HHmmss'Z'}.
   *
   * @throws IllegalArgumentException when the text is not exactly that form
   */
  public static Instant parse(String text) {
    if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
      throw new IllegalArgumentException("not an ISO 8601 basic UTC timestamp (yyyyMMddTHHmmssZ)");
    }
    try {
      LocalDateTime t = LocalDateTime.of(
          digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2),
          digits(text, 9, 2), digits(text, 11, 2), digits(text, 13, 2));
      return t.toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date and time: " + e.getMessage(), e);
    }
  }

  private static int digits(String s, int at, int width) {
    int v = 0;
    for (int i = at; i < at + width; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new IllegalArgumentException("not an ISO 8601 basic UTC timestamp (yyyyMMddTHHmmssZ)");
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
