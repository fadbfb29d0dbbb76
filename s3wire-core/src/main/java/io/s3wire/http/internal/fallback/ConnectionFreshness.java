package io.s3wire.http.internal.fallback;

import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Watches every event of a transport (as its global listener) and remembers which connections have
 * received response headers for any stream (HTTP/2 or HTTP/3): such a connection is proven, so a PROTOCOL_ERROR on it
 * is about the request, not about the HTTP version. Bounded (the most recent {@value #MAX} proven
 * connections); fast and non-blocking as {@link WireListener} requires.
 */
final class ConnectionFreshness implements WireListener {
  static final int MAX = 4096;

  private final Set<String> proven = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<String, Boolean>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX;
        }
      }));

  @Override
  public void onEvent(WireEvent event) {
    if (event instanceof WireEvent.HeadersFrame h && h.direction() == WireEvent.Direction.RECEIVED && h.streamId() > 0) {
      proven.add(h.connectionId());
    } else if (event instanceof WireEvent.Http3Frame f && f.direction() == WireEvent.Direction.RECEIVED
        && "HEADERS".equals(f.type())) {
      // HTTP/3 request streams start at 0; only request streams carry HEADERS.
      proven.add(f.connectionId());
    }
  }

  /** Whether {@code connectionId} had answered no stream with headers; an unknown connection is fresh. */
  boolean isFresh(String connectionId) {
    return connectionId == null || !proven.contains(connectionId);
  }
}
