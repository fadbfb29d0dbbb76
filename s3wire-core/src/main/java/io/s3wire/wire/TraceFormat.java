package io.s3wire.wire;

import java.util.List;

/** The two trace formats: the human timeline ({@link TextTrace}) and JSON Lines ({@link JsonTrace}). */
public enum TraceFormat {
  TEXT,
  JSON;

  /** The lines for one event in this format, relative to {@code baseNanos}, redacted with {@code redaction}. */
  public List<String> lines(WireEvent event, long baseNanos, Redaction redaction) {
    return this == TEXT
        ? new TextTrace(redaction).lines(event, baseNanos)
        : List.of(new JsonTrace(redaction).line(event, baseNanos));
  }
}
