package io.s3wire.server.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpDate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The cached Date header is the HTTP date of the clock's current second, whichever clock asks. */
class DateHeaderTest {
  @Test
  void formatsTheSecondOfTheClockAskingEvenAfterAnotherClock() {
    Instant t = Instant.parse("2026-03-05T07:08:09.750Z");
    Clock pinned = Clock.fixed(t, ZoneOffset.UTC);
    Clock later = Clock.fixed(t.plusSeconds(86_400 * 3 + 1), ZoneOffset.UTC);

    assertThat(DateHeader.now(pinned)).isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
    assertThat(DateHeader.now(pinned)).isEqualTo(HttpDate.format(t));
    assertThat(DateHeader.now(later)).isEqualTo("Sun, 08 Mar 2026 07:08:10 GMT");
    assertThat(DateHeader.now(Clock.fixed(t.plusMillis(200), ZoneOffset.UTC))).isEqualTo(HttpDate.format(t));
  }
}
