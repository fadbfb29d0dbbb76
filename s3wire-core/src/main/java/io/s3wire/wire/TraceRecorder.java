package io.s3wire.wire;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps the most recent wire events, up to a bound, and renders them on demand in
 * either format. Recording stores the event and nothing else: formatting runs only when a caller
 * asks for lines (an exception's trace tail, {@code --trace}).
 *
 * <p>Thread-safe: events may arrive from several event loops. Times are relative to the first
 * event ever recorded (or the start given), so the timeline does not shift when old events drop.
 */
public final class TraceRecorder implements WireListener {
  /** The default bound: enough for a probe or a failed call, small enough to attach to an exception. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final int capacity;
  private final Redaction redaction;
  private final ArrayDeque<WireEvent> events = new ArrayDeque<>();
  private long baseNanos;
  private boolean baseSet;
  private long dropped;

  private TraceRecorder(int capacity, Redaction redaction) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.redaction = redaction;
  }

  /**
   * A recorder with the default capacity and redaction.
   *
   * @return a new, empty recorder
   */
  public static TraceRecorder create() {
    return new TraceRecorder(DEFAULT_CAPACITY, Redaction.DEFAULT);
  }

  /**
   * A recorder with a bound of its own.
   *
   * @param capacity the most events kept; older ones are dropped first; at least 1
   * @param redaction what {@link #render} masks
   * @return a new, empty recorder
   * @throws IllegalArgumentException when {@code capacity < 1}
   */
  public static TraceRecorder create(int capacity, Redaction redaction) {
    return new TraceRecorder(capacity, redaction);
  }

  /**
   * Measures times from a given instant instead of the first event.
   *
   * @param nanoTime a {@link System#nanoTime()} value, e.g. when the call started
   * @return this recorder
   */
  public synchronized TraceRecorder startAt(long nanoTime) {
    baseNanos = nanoTime;
    baseSet = true;
    return this;
  }

  @Override
  public void onEvent(WireEvent event) {
    synchronized (this) {
      if (!baseSet) {
        baseNanos = event.nanoTime();
        baseSet = true;
      }
      events.addLast(event);
      if (events.size() > capacity) {
        events.removeFirst();
        dropped++;
      }
    }
  }

  /**
   * The kept events, oldest first.
   *
   * @return a snapshot; later events do not change it
   */
  public synchronized List<WireEvent> events() {
    return List.copyOf(events);
  }

  /**
   * How many events were dropped to stay within the bound.
   *
   * @return the count since the recorder was made
   */
  public synchronized long dropped() {
    return dropped;
  }

  /**
   * The most recent kept event of a type.
   *
   * @param <T> the event type
   * @param type e.g. {@code WireEvent.GoAwayFrame.class}
   * @return the event, or {@code null} when none of that type is kept
   */
  public synchronized <T extends WireEvent> T last(Class<T> type) {
    var it = events.descendingIterator();
    while (it.hasNext()) {
      WireEvent e = it.next();
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    return null;
  }

  /**
   * Every kept event rendered in a format.
   *
   * @param format text or JSON Lines
   * @return the lines; when events were dropped, a first line says how many
   */
  public List<String> render(TraceFormat format) {
    List<WireEvent> snapshot;
    long base;
    long lost;
    synchronized (this) {
      snapshot = List.copyOf(events);
      base = baseNanos;
      lost = dropped;
    }
    List<String> out = new ArrayList<>(snapshot.size() * 2 + 1);
    if (lost > 0) {
      out.add(format == TraceFormat.TEXT
          ? "(" + lost + " earlier events dropped)"
          : "{\"event\":\"dropped\",\"count\":" + lost + "}");
    }
    TextTrace text = new TextTrace(redaction);
    JsonTrace json = new JsonTrace(redaction);
    for (WireEvent e : snapshot) {
      if (format == TraceFormat.TEXT) {
        text.format(e, base, out);
      } else {
        out.add(json.line(e, base));
      }
    }
    return out;
  }

  /**
   * The end of the text timeline: what an exception's attempt carries.
   *
   * @param maxLines the most lines returned
   * @return the last {@code maxLines} lines of {@link #render}{@code (TEXT)}, or all of them
   */
  public List<String> textTail(int maxLines) {
    List<String> all = render(TraceFormat.TEXT);
    return all.size() <= maxLines ? all : List.copyOf(all.subList(all.size() - maxLines, all.size()));
  }

  /** Forgets every event and the time base. */
  public synchronized void clear() {
    events.clear();
    dropped = 0;
    baseSet = false;
  }
}
