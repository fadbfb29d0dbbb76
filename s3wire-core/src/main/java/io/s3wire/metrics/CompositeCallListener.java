package io.s3wire.metrics;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener {@link CallListener#composite} makes: each event to every listener in order. A
 * listener that throws breaks its contract; the others still hear the event, and the failure is
 * logged at WARN (the listener's class and method, and what it threw) rather than lost.
 */
final class CompositeCallListener implements CallListener {
  private static final Logger LOG = LoggerFactory.getLogger(CallListener.class);

  private final List<CallListener> listeners;

  CompositeCallListener(List<CallListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void onCallStart(CallStart call) {
    each("onCallStart", l -> l.onCallStart(call));
  }

  @Override
  public void onAttempt(AttemptEnd attempt) {
    each("onAttempt", l -> l.onAttempt(attempt));
  }

  @Override
  public void onCallEnd(CallEnd call) {
    each("onCallEnd", l -> l.onCallEnd(call));
  }

  private void each(String method, Consumer<CallListener> event) {
    for (CallListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("call listener {} threw from {}; the other listeners still heard the event",
            l.getClass().getName(), method, e);
      }
    }
  }

  @Override
  public String toString() {
    return "CallListener.composite" + listeners;
  }
}
