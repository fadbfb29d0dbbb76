package io.s3wire.http.internal.fallback;

import io.s3wire.internal.AltSvcHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What each https origin advertised for HTTP/3 through {@code Alt-Svc}, with its max-age, and which
 * origins' HTTP/3 is broken (a QUIC attempt failed) and until when. Browsers keep the same two
 * tables: an advertisement says where h3 is, a broken mark says not to try it for a while, even if
 * later responses advertise it again.
 *
 * <p>Thread-safe (one lock, held only for map operations); bounded to the {@value #MAX} most recently
 * advertised origins. The clock is injectable so tests pin it.
 */
public final class AltSvcCache {
  static final int MAX = 4096;

  /** An https origin, as requests name it: host (lower case, no brackets) and TCP port. */
  public record Key(String host, int port) {
    /**
     * Normalises the host.
     *
     * @param host the host name or IP literal
     * @param port the TCP port of the origin
     */
    public Key {
      host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      host = host.toLowerCase(Locale.ROOT);
    }
  }

  private record Advertised(int h3Port, Instant expires) {}

  private final Clock clock;
  private final Duration brokenFor;
  private final Map<Key, Advertised> advertised = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Advertised> eldest) {
      return size() > MAX;
    }
  };
  private final Map<Key, Instant> broken = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Instant> eldest) {
      return size() > MAX;
    }
  };

  /**
   * An empty cache.
   *
   * @param clock what "now" is for max-age and broken marks
   * @param brokenFor how long a failed QUIC attempt keeps an origin off HTTP/3
   */
  public AltSvcCache(Clock clock, Duration brokenFor) {
    this.clock = clock;
    this.brokenFor = brokenFor;
  }

  /**
   * Takes in the {@code Alt-Svc} fields of one response from {@code origin}: {@code clear} forgets
   * its alternative, a valid list replaces it (with nothing when the list names no same-host h3),
   * and a malformed value changes nothing.
   *
   * @param fields the response's Alt-Svc field values, in order; empty for none
   * @return what the fields said, for tracing; {@code null} when there were none
   */
  public String observe(Key origin, List<String> fields) {
    AltSvcHeader.Advice advice = AltSvcHeader.parse(fields);
    if (advice == null) {
      return null;
    }
    if (advice instanceof AltSvcHeader.Malformed m) {
      return "ignored malformed Alt-Svc: " + m.why();
    }
    AltSvcHeader.Alternative h3 = advice instanceof AltSvcHeader.Alternatives list ? list.firstH3On(origin.host()) : null;
    synchronized (this) {
      if (h3 != null && h3.maxAgeSeconds() > 0) {
        advertised.put(origin, new Advertised(h3.port(), clock.instant().plusSeconds(h3.maxAgeSeconds())));
        return "h3 on UDP port " + h3.port() + " for " + h3.maxAgeSeconds() + " s";
      }
      advertised.remove(origin);
      return advice instanceof AltSvcHeader.Clear ? "cleared" : "no same-host h3 alternative";
    }
  }

  /**
   * The UDP port to try HTTP/3 on for {@code origin}: advertised, not expired, not marked broken.
   * Expired entries and marks are forgotten here.
   *
   * @param origin the https origin
   * @return the port, or empty to stay on TCP
   */
  public synchronized OptionalInt h3Port(Key origin) {
    Instant now = clock.instant();
    Advertised a = advertised.get(origin);
    if (a == null) {
      return OptionalInt.empty();
    }
    if (!now.isBefore(a.expires())) {
      advertised.remove(origin);
      return OptionalInt.empty();
    }
    return isBroken(origin, now) ? OptionalInt.empty() : OptionalInt.of(a.h3Port());
  }

  /**
   * Whether {@code origin}'s HTTP/3 is marked broken now.
   *
   * @param origin the https origin
   * @return {@code true} until the mark expires
   */
  public synchronized boolean isBroken(Key origin) {
    return isBroken(origin, clock.instant());
  }

  private boolean isBroken(Key origin, Instant now) {
    Instant until = broken.get(origin);
    if (until != null && !now.isBefore(until)) {
      broken.remove(origin);
      return false;
    }
    return until != null;
  }

  /**
   * Keeps {@code origin} off HTTP/3 for {@link #brokenFor()} from now.
   *
   * @param origin the https origin
   */
  public synchronized void markBroken(Key origin) {
    broken.put(origin, clock.instant().plus(brokenFor));
  }

  /**
   * How long a broken mark lasts.
   *
   * @return the duration given at construction
   */
  public Duration brokenFor() {
    return brokenFor;
  }
}
