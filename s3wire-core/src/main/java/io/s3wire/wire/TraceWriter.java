package io.s3wire.wire;

import java.io.IOException;
import java.io.Writer;

/**
 * A listener that writes each event as it arrives, in either format, one event's lines at a time
 * (flushed, so a trace file is complete up to the last event even if the process dies).
 *
 * <p>Thread-safe. A write failure does not reach the transport (listeners must not throw): the
 * first one is kept in {@link #failure()} and later events are dropped. The writer is not closed.
 */
public final class TraceWriter implements WireListener {
  private final Writer out;
  private final TraceFormat format;
  private final Redaction redaction;
  private long baseNanos;
  private boolean baseSet;
  private IOException failure;

  /**
   * A listener writing each event as it arrives, flushing after each.
   *
   * @param out where lines go; written under this object's lock, never closed by it
   * @param format text or JSON Lines
   * @param redaction what to mask
   */
  public TraceWriter(Writer out, TraceFormat format, Redaction redaction) {
    this.out = out;
    this.format = format;
    this.redaction = redaction;
  }

  @Override
  public synchronized void onEvent(WireEvent event) {
    if (failure != null) {
      return;
    }
    if (!baseSet) {
      baseNanos = event.nanoTime();
      baseSet = true;
    }
    try {
      for (String line : format.lines(event, baseNanos, redaction)) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  /**
   * Measures times from a given instant instead of the first event.
   *
   * @param nanoTime a {@link System#nanoTime()} value
   * @return this writer
   */
  public synchronized TraceWriter startAt(long nanoTime) {
    baseNanos = nanoTime;
    baseSet = true;
    return this;
  }

  /**
   * The first write failure; events after it were dropped.
   *
   * @return the failure, or {@code null} while every write succeeded
   */
  public synchronized IOException failure() {
    return failure;
  }
}
