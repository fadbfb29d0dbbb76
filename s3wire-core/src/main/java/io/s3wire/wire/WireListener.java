package io.s3wire.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives wire events. Called on the connection's event loop: a listener must be fast, must not
 * throw (what it throws is dropped), must not block and must not call back into the transport.
 */
@FunctionalInterface
public interface WireListener {
  /**
   * Receives one event, on the connection's event loop; see the interface's rules.
   *
   * @param event the event; immutable, header values already redacted
   */
  void onEvent(WireEvent event);

  /** Ignores everything. */
  WireListener NONE = event -> {};

  /**
   * Whether events given to {@code listener} would be observed. Emitters check this before building
   * an event, so a call traced by nobody ({@link #NONE}) pays for one comparison, not for events.
   *
   * @param listener a listener, or {@code null}
   * @return {@code false} for {@code null} and {@link #NONE}
   */
  static boolean wants(WireListener listener) {
    return listener != null && listener != NONE;
  }

  /**
   * A listener that passes each event to every listener given, in order.
   *
   * @param listeners the listeners; {@code null} and {@link #NONE} entries are skipped
   * @return {@link #NONE} when none is left, the single one when one is left, else a composite
   */
  static WireListener composite(WireListener... listeners) {
    List<WireListener> list = new ArrayList<>();
    for (WireListener l : listeners) {
      if (l != null && l != NONE) {
        list.add(l);
      }
    }
    if (list.isEmpty()) {
      return NONE;
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    List<WireListener> copy = List.copyOf(list);
    return event -> {
      for (WireListener l : copy) {
        try {
          l.onEvent(event);
        } catch (RuntimeException ignored) {
          // A listener's failure must not break the exchange or the other listeners.
        }
      }
    };
  }
}
