package io.s3wire.http.internal;

import io.s3wire.wire.Redaction;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes one connection's wire events to listeners.
 *
 * <p>Every event goes to the transport's listener ({@code TransportConfig.listener()}). On top:
 * an event about one HTTP/2 stream goes to the listener of the call on that stream; every other
 * event of the connection (connection opened/closed, TLS, preface, SETTINGS, PING, GOAWAY,
 * connection-level WINDOW_UPDATE, HTTP/1.1 heads) goes to the listeners of every call attached to
 * the connection at that moment. The call that opens a connection is attached while it connects,
 * so its trace shows the handshake; a call that reuses a connection sees from its first frame on.
 */
final class EventRouter {
  /** A stream's listener and the redaction for its headers. */
  record Route(WireListener listener, Redaction redaction) {}

  private final String connectionId;
  private final WireListener global;
  private final CopyOnWriteArrayList<WireListener> attached = new CopyOnWriteArrayList<>();
  private final Map<Integer, Route> streams = new ConcurrentHashMap<>();

  EventRouter(String connectionId, WireListener global) {
    this.connectionId = connectionId;
    this.global = global;
  }

  String connectionId() {
    return connectionId;
  }

  void attach(WireListener listener) {
    if (listener != WireListener.NONE) {
      attached.add(listener);
    }
  }

  void detach(WireListener listener) {
    attached.remove(listener);
  }

  void registerStream(int streamId, WireListener listener, Redaction redaction) {
    streams.put(streamId, new Route(listener, redaction));
  }

  void unregisterStream(int streamId) {
    streams.remove(streamId);
  }

  /** The redaction for headers on {@code streamId}: the call's, or the default. */
  Redaction redaction(int streamId) {
    Route r = streams.get(streamId);
    return r == null ? Redaction.DEFAULT : r.redaction();
  }

  /** An event of the whole connection: the global listener and every attached call. */
  void emit(WireEvent event) {
    deliver(global, event);
    for (WireListener l : attached) {
      deliver(l, event);
    }
  }

  /**
   * An event that ends or may end every stream of the connection (GOAWAY): the global listener, every
   * attached call and every call with a stream open, each once. A call that reuses a connection is
   * not attached, and without this its failure's trace would lack the frame that ended it.
   */
  void emitToStreams(WireEvent event) {
    deliver(global, event);
    java.util.Set<WireListener> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (WireListener l : attached) {
      if (seen.add(l)) {
        deliver(l, event);
      }
    }
    for (Route r : streams.values()) {
      if (seen.add(r.listener())) {
        deliver(r.listener(), event);
      }
    }
  }

  /** An event about one stream: the global listener and that stream's call (or every attached call). */
  void emitStream(int streamId, WireEvent event) {
    if (streamId == 0) {
      emit(event);
      return;
    }
    emitRequestStream(streamId, event);
  }

  /**
   * An event about one stream where no id stands for the connection: HTTP/3's first request stream
   * is 0, which on HTTP/2 is the connection ({@link #emitStream}).
   */
  void emitRequestStream(int streamId, WireEvent event) {
    Route r = streams.get(streamId);
    if (r == null) {
      emit(event);
      return;
    }
    deliver(global, event);
    deliver(r.listener(), event);
  }

  private static void deliver(WireListener l, WireEvent event) {
    try {
      l.onEvent(event);
    } catch (RuntimeException ignored) {
      // A listener must not throw (WireListener's contract); its failure must not break the exchange.
    }
  }
}
