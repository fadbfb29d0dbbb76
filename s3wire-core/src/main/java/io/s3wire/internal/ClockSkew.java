package io.s3wire.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signing clock: the local clock plus an offset learned from the server when it answered
 * RequestTimeTooSkewed. Shared by every call of one client; thread-safe.
 */
public final class ClockSkew {
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();

  public ClockSkew(Clock clock) {
    this.clock = clock;
  }

  /** The local clock beneath. */
  Clock clock() {
    return clock;
  }

  /** The time to sign with now. */
  public Instant now() {
    return clock.instant().plusMillis(offsetMillis.get());
  }

  /** The offset currently applied (server time minus local time). */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Learns the offset from the server's time; returns whether there was a time to learn from. */
  boolean correct(Instant serverTime) {
    if (serverTime == null) {
      return false;
    }
    offsetMillis.set(serverTime.toEpochMilli() - clock.millis());
    return true;
  }
}
