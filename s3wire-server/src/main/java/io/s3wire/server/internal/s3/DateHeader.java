package io.s3wire.server.internal.s3;

import io.s3wire.http.HttpDate;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@code Date} header's value, formatted once per second of the clock rather than once per
 * response: formatting an HTTP date costs more than the rest of a small response's headers.
 * Thread-safe: the last second and its text are published together in one immutable holder.
 */
final class DateHeader {
  private record Formatted(long epochSecond, String text) {}

  private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  private DateHeader() {}

  /** {@code clock}'s instant as an HTTP date (IMF-fixdate, to the second). */
  static String now(Clock clock) {
    Instant t = clock.instant();
    long second = t.getEpochSecond();
    Formatted f = last;
    if (f.epochSecond() != second) {
      f = new Formatted(second, HttpDate.format(t));
      last = f;
    }
    return f.text();
  }
}
