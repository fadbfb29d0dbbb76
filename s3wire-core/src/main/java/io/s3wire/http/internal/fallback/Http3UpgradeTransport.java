package io.s3wire.http.internal.fallback;

import io.s3wire.error.S3Exception;
import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The {@link HttpTransport} for policy {@link HttpVersionPolicy#NEGOTIATE_WITH_HTTP3}: requests go
 * over TCP (a {@link FallbackTransport}, so h2 with the HTTP/1.1 fallback) until an https origin
 * advertises {@code h3} in {@code Alt-Svc}; while that advertisement is fresh ({@link AltSvcCache})
 * they go over QUIC to the advertised UDP port, through a second transport of policy {@code HTTP_3}
 * created on the first advertisement.
 *
 * <p>A failed HTTP/3 attempt goes over TCP when {@link FallbackGate#decideHttp3} says so; the origin
 * is then kept off HTTP/3 ({@link AltSvcCache#markBroken}: five minutes, doubling with each failure in a
 * row), a {@link WireEvent.Fallback} from
 * {@code h3} goes to the call's and the transport's listeners, and the outcome carries both attempts,
 * as the h2 -> HTTP/1.1 fallback does.
 *
 * <p>The QUIC handshake gets {@link #HTTP3_CONNECT_TIMEOUT} plus {@link #HTTP3_HANDSHAKE_TIMEOUT}
 * (less when the config's own timeouts are shorter): one round trip plus a certificate flight fits
 * easily on any working path, and a UDP port that swallows packets delays the request by at most
 * that, once per origin per broken period. Thread-safe.
 */
public final class Http3UpgradeTransport implements HttpTransport {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Http3UpgradeTransport.class);
  /** How long a failed QUIC attempt keeps an origin off HTTP/3 by default (Chromium's first period). */
  public static final Duration DEFAULT_BROKEN_FOR = Duration.ofMinutes(5);
  /** The HTTP/3 attempt's connect timeout, at most. */
  static final Duration HTTP3_CONNECT_TIMEOUT = Duration.ofMillis(500);
  /** The HTTP/3 attempt's TLS handshake timeout, at most; the two make the QUIC handshake's budget. */
  static final Duration HTTP3_HANDSHAKE_TIMEOUT = Duration.ofMillis(500);

  private final TransportConfig config;
  private final Function<TransportConfig, HttpTransport> factory;
  private final HttpTransport tcp;
  private final AltSvcCache altSvc;
  private final ConnectionFreshness freshness = new ConnectionFreshness();
  private volatile HttpTransport h3;
  private volatile boolean closed;

  Http3UpgradeTransport(TransportConfig config, Function<TransportConfig, HttpTransport> factory, Clock clock,
      Duration brokenFor, Duration http1Ttl) {
    this.config = config;
    this.factory = factory;
    this.altSvc = new AltSvcCache(clock, brokenFor);
    this.tcp = FallbackTransport.decorate(config.toBuilder().versionPolicy(HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK).build(),
        factory, clock, http1Ttl);
  }

  @Override
  public TransportConfig config() {
    return config;
  }

  /** What origins advertised and which are kept off HTTP/3, for tests and diagnostics. */
  public AltSvcCache altSvc() {
    return altSvc;
  }

  @Override
  public CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener) {
    WireListener callListener = listener == null ? WireListener.NONE : listener;
    if (!request.isTls()) {
      // Alt-Svc from an http:// origin is not followed: HTTP/3 needs the https origin's authority.
      return tcp.execute(request, callListener);
    }
    AltSvcCache.Key key = new AltSvcCache.Key(host(request), request.port());
    OptionalInt port = altSvc.h3Port(key);
    if (port.isEmpty() || closed) {
      return observing(key, tcp.execute(request, callListener));
    }
    Http3Watch watch = new Http3Watch(callListener);
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse> first = send(request, watch, port.getAsInt());
    AtomicReference<CompletableFuture<HttpResponse>> running = new AtomicReference<>(first);
    first.whenComplete((response, error) -> {
      if (error == null) {
        if (response.protocol() == HttpProtocol.HTTP_3) {
          altSvc.worked(key);
        }
        deliverTo(result, key, response);
        return;
      }
      S3Exception failure = SecondAttempt.unwrap(error);
      if (failure == null || closed || result.isDone()) {
        result.completeExceptionally(error);
        return;
      }
      FallbackGate.Decision d = FallbackGate.decideHttp3(request, failure, watch.requestSent, freshness.isFresh(watch.connectionId));
      if (!d.fallBack()) {
        result.completeExceptionally(failure);
        return;
      }
      Duration keptOff = altSvc.markBroken(key);
      WireEvent.Fallback event = new WireEvent.Fallback(System.nanoTime(), watch.connectionId == null ? "-" : watch.connectionId,
          "h3", String.join(" or ", config.alpnProtocols()), d.reason() + "; sending it over TCP instead, HTTP/3 to "
          + key.host() + ":" + key.port() + " (UDP " + port.getAsInt() + ") kept off for " + keptOff.toSeconds() + " s");
      SecondAttempt.deliver(config.listener(), event);
      SecondAttempt.deliver(callListener, event);
      LOG.debug("{} {}: falling back from h3 to TCP: {}", request.method(), key.host(), event.reason());
      CompletableFuture<HttpResponse> second = observing(key, tcp.execute(request, callListener));
      running.set(second);
      SecondAttempt.finish(result, failure, second);
    });
    // Cancelling the caller's future cancels whichever attempt is running.
    result.whenComplete((r, t) -> {
      if (result.isCancelled()) {
        running.get().cancel(true);
      }
    });
    return result;
  }

  /** {@code attempt}'s outcome, after its response's Alt-Svc fields have been taken in; cancelling it cancels the attempt. */
  private CompletableFuture<HttpResponse> observing(AltSvcCache.Key key, CompletableFuture<HttpResponse> attempt) {
    CompletableFuture<HttpResponse> out = new CompletableFuture<>();
    attempt.whenComplete((response, error) -> {
      if (error != null) {
        out.completeExceptionally(error);
      } else {
        deliverTo(out, key, response);
      }
    });
    out.whenComplete((r, t) -> {
      if (out.isCancelled()) {
        attempt.cancel(true);
      }
    });
    return out;
  }

  private void deliverTo(CompletableFuture<HttpResponse> out, AltSvcCache.Key key, HttpResponse response) {
    String said = altSvc.observe(key, response.headers().all("alt-svc"));
    if (said != null) {
      LOG.debug("Alt-Svc from {}:{}: {}", key.host(), key.port(), said);
    }
    if (!out.complete(response)) {
      response.close();
    }
  }

  private CompletableFuture<HttpResponse> send(HttpRequest request, WireListener listener, int port) {
    HttpTransport t = http3();
    if (t instanceof NettyHttpTransport netty) {
      return netty.execute(request, listener, port);
    }
    // A transport that cannot reach another port (a test's stand-in) gets the request as it is.
    return t.execute(request, listener);
  }

  private HttpTransport http3() {
    HttpTransport t = h3;
    if (t == null) {
      synchronized (this) {
        t = h3;
        if (t == null) {
          t = factory.apply(config.toBuilder()
              .versionPolicy(HttpVersionPolicy.HTTP_3)
              .alpnOffer(AlpnOffer.forPolicy())
              .connectTimeout(min(config.connectTimeout(), HTTP3_CONNECT_TIMEOUT))
              .tlsHandshakeTimeout(min(config.tlsHandshakeTimeout(), HTTP3_HANDSHAKE_TIMEOUT))
              // The capture holds TCP connections' cleartext; QUIC is not in it.
              .pcapFile(null)
              .listener(WireListener.composite(config.listener(), freshness))
              .build());
          h3 = t;
        }
      }
    }
    return t;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String host(HttpRequest request) {
    return request.uri().getHost() == null ? request.uri().getRawAuthority() : request.uri().getHost();
  }

  @Override
  public void close() {
    closed = true;
    tcp.close();
    HttpTransport t;
    synchronized (this) {
      t = h3;
    }
    if (t != null) {
      t.close();
    }
  }

  /** Passes a call's events on, noting its connection and whether its request stream was opened. */
  private static final class Http3Watch implements WireListener {
    private final WireListener next;
    volatile String connectionId;
    volatile boolean requestSent;

    Http3Watch(WireListener next) {
      this.next = next;
    }

    @Override
    public void onEvent(WireEvent event) {
      boolean stream = (event instanceof WireEvent.QuicFrame q && q.direction() == WireEvent.Direction.SENT && q.streamId() >= 0)
          || (event instanceof WireEvent.Http3Frame f && f.direction() == WireEvent.Direction.SENT);
      if (stream) {
        requestSent = true;
        connectionId = event.connectionId();
      } else if (connectionId == null && event.connectionId() != null && !event.connectionId().isEmpty()) {
        connectionId = event.connectionId();
      }
      SecondAttempt.deliver(next, event);
    }
  }
}
