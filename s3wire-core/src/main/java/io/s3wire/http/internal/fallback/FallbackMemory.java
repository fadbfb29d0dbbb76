package io.s3wire.http.internal.fallback;

import io.s3wire.http.TlsProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which servers needed HTTP/1.1, per (host, port, TLS provider, ALPN offer), for a time to
 * live, so later requests go straight to HTTP/1.1 instead of failing on HTTP/2 first (what Chromium
 * does for HTTP_1_1_REQUIRED). Thread-safe; the clock is injectable so tests can expire entries.
 */
public final class FallbackMemory {
  /** What a verdict is remembered for. */
  public record Key(String host, int port, TlsProvider tlsProvider, List<String> alpnOffer) {
    public Key {
      alpnOffer = List.copyOf(alpnOffer);
    }
  }

  private final Clock clock;
  private final Duration ttl;
  private final Map<Key, Instant> until = new ConcurrentHashMap<>();

  public FallbackMemory(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Records that {@code key} needs HTTP/1.1 from now for the time to live. */
  public void remember(Key key) {
    until.put(key, clock.instant().plus(ttl));
  }

  /** Whether {@code key} has an unexpired HTTP/1.1 verdict; an expired one is forgotten. */
  public boolean needsHttp1(Key key) {
    Instant end = until.get(key);
    if (end == null) {
      return false;
    }
    if (!clock.instant().isBefore(end)) {
      until.remove(key, end);
      return false;
    }
    return true;
  }

  public Duration ttl() {
    return ttl;
  }
}
