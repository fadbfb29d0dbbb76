package io.s3wire.retry;

import io.s3wire.http.HttpDate;
import io.s3wire.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The difference between the server's clock and ours, from the server's {@code Date} header, for
 * correcting a signer after RequestTimeTooSkewed. Locale-independent.
 */
public final class ClockSkew {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", java.util.Locale.ROOT).withZone(ZoneOffset.UTC);

  private ClockSkew() {}

  /**
   * How far the server's clock is ahead of ours ({@code serverTime - localNow}; negative when it is
   * behind): add it to the local clock when signing.
   *
   * @param serverTime an HTTP date in any of its three forms ({@code Fri, 27 Nov 2026 11:15:11 GMT}), an ISO-8601 instant (S3's
   *     {@code <ServerTime>}) or an {@code x-amz-date} ({@code 20261127T111511Z})
   * @param localNow our clock when the response arrived
   * @return the server's clock minus ours, to the second
   * @throws IllegalArgumentException when {@code serverTime} is none of those
   */
  public static Duration offset(String serverTime, Instant localNow) {
    return Duration.between(localNow, parse(serverTime));
  }

  /**
   * The offset from a response's {@code Date} header.
   *
   * @param headers the response's headers
   * @param localNow our clock when the response arrived
   * @return as {@link #offset}, or empty when there is no {@code Date} header or it does not parse
   */
  public static Optional<Duration> fromHeaders(HttpHeaders headers, Instant localNow) {
    Optional<String> date = headers.first("Date");
    if (date.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(offset(date.get(), localNow));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Instant parse(String s) {
    String t = s.trim();
    Optional<Instant> httpDate = HttpDate.parse(t);
    if (httpDate.isPresent()) {
      return httpDate.get();
    }
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from);
    } catch (DateTimeParseException notIso) {
      // Try x-amz-date.
    }
    try {
      return AMZ_DATE.parse(t, Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an HTTP date, ISO-8601 instant or x-amz-date: '" + t + "'", e);
    }
  }
}
