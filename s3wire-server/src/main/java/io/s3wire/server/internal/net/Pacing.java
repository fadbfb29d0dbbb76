package io.s3wire.server.internal.net;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/** Holds a byte stream to a bandwidth limit by sleeping until each byte is due. */
public final class Pacing {
  private Pacing() {}

  /** Sleeps until {@code bytes} bytes are due at {@code bytesPerSecond} since {@code startedNanos}. */
  public static void pace(long startedNanos, long bytes, long bytesPerSecond) throws InterruptedIOException {
    long due = startedNanos + (long) (bytes * (1_000_000_000.0 / bytesPerSecond));
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        // Pacing is the behaviour asked for (a bandwidth limit), not a wait for a condition.
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while pacing");
      }
    }
  }
}
