package io.s3wire.xml.internal;

import io.s3wire.xml.S3XmlException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps in S3 XML: written as S3 writes them ({@code 2009-10-12T17:50:30.000Z}, UTC with
 * milliseconds), read leniently (any fraction or none, {@code Z} or an offset, or no zone, taken as
 * UTC) and kept to the millisecond, S3's precision, so a document read and written again says the
 * same. Locale-independent.
 */
public final class S3Timestamps {
  private S3Timestamps() {}

  /** Formats {@code t} as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC. */
  public static String format(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_INSTANT.format(t);
    }
    char[] c = new char[24];
    put4(c, 0, year);
    c[4] = '-';
    put2(c, 5, d.getMonthValue());
    c[7] = '-';
    put2(c, 8, d.getDayOfMonth());
    c[10] = 'T';
    put2(c, 11, d.getHour());
    c[13] = ':';
    put2(c, 14, d.getMinute());
    c[16] = ':';
    put2(c, 17, d.getSecond());
    c[19] = '.';
    int ms = t.getNano() / 1_000_000;
    c[20] = (char) ('0' + ms / 100);
    c[21] = (char) ('0' + ms / 10 % 10);
    c[22] = (char) ('0' + ms % 10);
    c[23] = 'Z';
    return new String(c);
  }

  /** Parses an S3 timestamp; throws {@link S3XmlException} naming the value when it is not one. */
  public static Instant parse(String raw) {
    return parseExact(raw).truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant parseExact(String raw) {
    String s = raw.trim();
    Instant fast = parseCanonical(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // Not with a zone: try a local date-time, which S3-compatible servers sometimes write.
    }
    try {
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new S3XmlException("malformed XML: not an ISO-8601 timestamp: '" + XmlCursor.excerpt(s) + "'", e);
    }
  }

  // The shape S3 itself writes, parsed without the java.time parser machinery: listings carry one
  // timestamp per key, so this is on the hot path of every ListObjects page.
  private static Instant parseCanonical(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n > 30) {
        return null;
      }
      int digits = n - 21;
      if (digits == 0) {
        return null;
      }
      int v = digits(s, 20, n - 1);
      if (v < 0) {
        return null;
      }
      for (int i = digits; i < 9; i++) {
        v *= 10;
      }
      nanos = v;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private static void put2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static void put4(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 1000);
    c[at + 1] = (char) ('0' + v / 100 % 10);
    c[at + 2] = (char) ('0' + v / 10 % 10);
    c[at + 3] = (char) ('0' + v % 10);
  }
}
