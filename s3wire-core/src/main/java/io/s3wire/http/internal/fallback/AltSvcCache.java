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
 * later responses advertise it again. Each failure in a row doubles the period, up to {@link
 * #MAX_BROKEN} (Chromium's rule: an origin whose UDP stays blocked costs a QUIC attempt a few times a
 * day, not every five minutes); a response over HTTP/3 forgets the failures.
 *
 * <p>Thread-safe (one lock, held only for map operations); bounded to the {@value #MAX} most recently
 * advertised origins. The clock is injectable so tests pin it.
 */
public final class AltSvcCache {
  static final int MAX = 4096;
  /** The longest an origin is kept off HTTP/3 after failures in a row. */
  public static final Duration MAX_BROKEN = Duration.ofDays(2);

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

  /** Off HTTP/3 until {@code until}; {@code failures} in a row so far (kept after {@code until}, for the next period). */
  private record Broken(Instant until, int failures) {}

  private final Clock clock;
  private final Duration brokenFor;
  private final Map<Key, Advertised> advertised = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Advertised> eldest) {
      return size() > MAX;
    }
  };
  private final Map<Key, Broken> broken = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Broken> eldest) {
      return size() > MAX;
    }
  };

  /**
   * An empty cache.
   *
   * @param clock what "now" is for max-age and broken marks
   * @param brokenFor how long a first failed QUIC attempt keeps an origin off HTTP/3
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
    Broken b = broken.get(origin);
    return b != null && now.isBefore(b.until());
  }

  /**
   * Keeps {@code origin} off HTTP/3 from now: for {@link #brokenFor()} after a first failure, twice
   * the last period after each further one in a row, at most {@link #MAX_BROKEN}. A failure while
   * the origin is already kept off (a request that was in flight) changes nothing.
   *
   * @param origin the https origin
   * @return how long it is kept off
   */
  public synchronized Duration markBroken(Key origin) {
    Instant now = clock.instant();
    Broken last = broken.get(origin);
    if (last != null && now.isBefore(last.until())) {
      // Another request's attempt failed in the same period: one failure, not two in a row.
      return Duration.between(now, last.until());
    }
    int failures = last == null ? 1 : last.failures() + 1;
    Duration period = brokenFor.multipliedBy(1L << Math.min(failures - 1, 30));
    if (period.compareTo(MAX_BROKEN) > 0 || period.isNegative()) {
      period = MAX_BROKEN;
    }
    broken.put(origin, new Broken(now.plus(period), failures));
    return period;
  }

  /**
   * An HTTP/3 response came from {@code origin}: its failures are forgotten, so a later one starts
   * again at {@link #brokenFor()}.
   *
   * @param origin the https origin
   */
  public synchronized void worked(Key origin) {
    broken.remove(origin);
  }

  /**
   * How long a first broken mark lasts.
   *
   * @return the duration given at construction
   */
  public Duration brokenFor() {
    return brokenFor;
  }
}
