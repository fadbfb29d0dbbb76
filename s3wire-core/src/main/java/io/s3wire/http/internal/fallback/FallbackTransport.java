package io.s3wire.http.internal.fallback;

import io.s3wire.error.S3Exception;
import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@link HttpTransport} for policy {@link HttpVersionPolicy#NEGOTIATE_WITH_FALLBACK}: a decorator
 * over a negotiating transport that retries a request once over HTTP/1.1 when {@link FallbackGate}
 * says so, remembers the verdict in a {@link FallbackMemory}, and reports it.
 *
 * <p>The HTTP/1.1 transport (ALPN offer {@code http/1.1} only, same TLS provider, trust and
 * timeouts) is created on the first fallback and closed with this one. A fallback emits {@link
 * WireEvent.Fallback} to the call's and the transport's listeners; the response (or the exception)
 * of a call that fell back carries both attempts, oldest first. Thread-safe.
 */
public final class FallbackTransport implements HttpTransport {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FallbackTransport.class);
  /** How long a server's HTTP/1.1 verdict is remembered by default. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  private final TransportConfig config;
  private final Function<TransportConfig, HttpTransport> factory;
  private final HttpTransport negotiating;
  private final ConnectionFreshness freshness = new ConnectionFreshness();
  private final FallbackMemory memory;
  private volatile HttpTransport http1;
  private volatile boolean closed;

  FallbackTransport(TransportConfig config, Function<TransportConfig, HttpTransport> factory, Clock clock, Duration ttl) {
    this.config = config;
    this.factory = factory;
    this.memory = new FallbackMemory(clock, ttl);
    this.negotiating = factory.apply(config.toBuilder()
        .listener(WireListener.composite(config.listener(), freshness)).build());
  }

  /**
   * The transport for {@code config}: this decorator around {@code factory}'s transport when the
   * policy is NEGOTIATE_WITH_FALLBACK, an {@link Http3UpgradeTransport} (over this decorator) when it
   * is NEGOTIATE_WITH_HTTP3, else {@code factory}'s transport itself.
   */
  public static HttpTransport decorate(TransportConfig config, Function<TransportConfig, HttpTransport> factory) {
    if (config.versionPolicy() == HttpVersionPolicy.NEGOTIATE_WITH_HTTP3) {
      return withHttp3(config, factory, Clock.systemUTC(), Http3UpgradeTransport.DEFAULT_BROKEN_FOR);
    }
    return decorate(config, factory, Clock.systemUTC(), DEFAULT_TTL);
  }

  /**
   * The transport for policy NEGOTIATE_WITH_HTTP3 with the clock of its Alt-Svc cache, broken marks
   * and HTTP/1.1 memory, and how long a failed QUIC attempt keeps an origin off HTTP/3.
   */
  public static Http3UpgradeTransport withHttp3(TransportConfig config, Function<TransportConfig, HttpTransport> factory,
      Clock clock, Duration brokenFor) {
    if (config.versionPolicy() != HttpVersionPolicy.NEGOTIATE_WITH_HTTP3) {
      throw new IllegalArgumentException("the HTTP/3 upgrade needs versionPolicy NEGOTIATE_WITH_HTTP3, not " + config.versionPolicy());
    }
    return new Http3UpgradeTransport(config, factory, clock, brokenFor, DEFAULT_TTL);
  }

  /** As {@link #decorate(TransportConfig, Function)} with the memory's clock and time to live. */
  public static HttpTransport decorate(TransportConfig config, Function<TransportConfig, HttpTransport> factory, Clock clock,
      Duration ttl) {
    if (config.versionPolicy() != HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK) {
      return factory.apply(config);
    }
    return new FallbackTransport(config, factory, clock, ttl);
  }

  @Override
  public TransportConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener) {
    WireListener callListener = listener == null ? WireListener.NONE : listener;
    // Plain TCP has no negotiation: NEGOTIATE_WITH_FALLBACK speaks HTTP/1.1 there already.
    if (!request.isTls() || config.alpnProtocols().isEmpty()) {
      return negotiating.execute(request, callListener);
    }
    FallbackMemory.Key key = key(request);
    if (memory.needsHttp1(key)) {
      return http1().execute(request, callListener);
    }
    ConnectionWatch watch = new ConnectionWatch(callListener);
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse> first = negotiating.execute(request, watch);
    first.whenComplete((response, error) -> {
      if (error == null) {
        result.complete(response);
        return;
      }
      S3Exception failure = SecondAttempt.unwrap(error);
      if (failure == null || closed) {
        result.completeExceptionally(error);
        return;
      }
      FallbackGate.Decision d = FallbackGate.decide(request, failure, freshness.isFresh(watch.connectionId));
      if (!d.fallBack()) {
        result.completeExceptionally(failure);
        return;
      }
      memory.remember(key);
      WireEvent.Fallback event = new WireEvent.Fallback(System.nanoTime(), watch.connectionId == null ? "" : watch.connectionId,
          "h2", "http/1.1", d.reason() + "; retrying once over HTTP/1.1, remembered for " + memory.ttl().toSeconds() + " s");
      SecondAttempt.deliver(config.listener(), event);
      SecondAttempt.deliver(callListener, event);
      LOG.debug("{} {}: falling back from h2 to http/1.1: {}", request.method(), request.uri().getHost(), event.reason());
      SecondAttempt.finish(result, failure, http1().execute(request, callListener));
    });
    // Cancelling the caller's future cancels whichever attempt is running.
    result.whenComplete((r, t) -> {
      if (result.isCancelled()) {
        first.cancel(true);
      }
    });
    return result;
  }

  private FallbackMemory.Key key(HttpRequest request) {
    String host = request.uri().getHost() == null ? request.uri().getRawAuthority() : request.uri().getHost();
    return new FallbackMemory.Key(host.toLowerCase(java.util.Locale.ROOT), request.port(), config.tlsProvider(),
        config.alpnProtocols());
  }

  private HttpTransport http1() {
    HttpTransport t = http1;
    if (t == null) {
      synchronized (this) {
        t = http1;
        if (t == null) {
          t = factory.apply(config.toBuilder()
              .versionPolicy(HttpVersionPolicy.HTTP_1_1)
              .alpnOffer(AlpnOffer.of("http/1.1"))
              .build());
          http1 = t;
        }
      }
    }
    return t;
  }

  /** The memory of HTTP/1.1 verdicts, for tests and diagnostics. */
  public FallbackMemory memory() {
    return memory;
  }

  @Override
  public void close() {
    closed = true;
    negotiating.close();
    HttpTransport t = http1;
    if (t != null) {
      t.close();
    }
  }

  /** Passes a call's events on and notes the connection its stream travelled on. */
  private static final class ConnectionWatch implements WireListener {
    private final WireListener next;
    volatile String connectionId;

    ConnectionWatch(WireListener next) {
      this.next = next;
    }

    @Override
    public void onEvent(WireEvent event) {
      if (event instanceof WireEvent.Http2Frame f && f.streamId() > 0) {
        connectionId = event.connectionId();
      } else if (connectionId == null) {
        connectionId = event.connectionId();
      }
      SecondAttempt.deliver(next, event);
    }
  }
}
