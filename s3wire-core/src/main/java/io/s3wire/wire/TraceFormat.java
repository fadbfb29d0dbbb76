package io.s3wire.wire;

import java.util.List;

/** The two trace formats: the human timeline ({@link TextTrace}) and JSON Lines ({@link JsonTrace}). */
public enum TraceFormat {
  /** The human timeline: a timestamped line per event, continuation lines indented. */
  TEXT,
  /** JSON Lines: one object per event, for tools. */
  JSON;

  /**
   * The lines for one event in this format.
   *
   * @param event the event to render
   * @param baseNanos the {@link System#nanoTime()} value that times count from
   * @param redaction what to mask
   * @return the lines, without terminators (one for {@link #JSON})
   */
  public List<String> lines(WireEvent event, long baseNanos, Redaction redaction) {
    return this == TEXT
        ? new TextTrace(redaction).lines(event, baseNanos)
        : List.of(new JsonTrace(redaction).line(event, baseNanos));
  }
}
