package io.s3wire.credentials.internal;

import io.s3wire.error.ClientException;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireListener;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Blocking HTTP for loaders, over s3wire's own transport. A load is rare (once per credentials
 * lifetime), so each one gets a transport of its own that it closes; nothing outlives the load.
 * Called on the credentials threads only, never on an event loop. Traced to the listener set by
 * {@link #traced} on the calling thread.
 */
public final class CredentialsHttp {
  /** A status and a (small) body read whole. */
  public record Reply(int status, String body) {
    /** Whether the status is 2xx. */
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  // The listener of the client a refresh serves. Loaders build their HTTP calls deep down and
  // synchronously on the refresh thread, so the refresh sets it for the thread instead of handing it
  // through every loader.
  private static final ThreadLocal<WireListener> LISTENER = new ThreadLocal<>();

  private final HttpTransport transport;
  private final Duration timeout;

  private CredentialsHttp(HttpTransport transport, Duration timeout) {
    this.transport = transport;
    this.timeout = timeout;
  }

  /**
   * Runs {@code load} with the HTTP calls it makes on this thread traced to {@code listener}.
   *
   * @param listener hears the calls' wire events (redacted as for S3 calls); {@link WireListener#NONE} for none
   * @param load the loading, run on the calling thread
   * @param <T> what the loading yields
   * @return what {@code load} returned
   */
  public static <T> T traced(WireListener listener, Supplier<T> load) {
    WireListener before = LISTENER.get();
    LISTENER.set(listener);
    try {
      return load.get();
    } finally {
      if (before == null) {
        LISTENER.remove();
      } else {
        LISTENER.set(before);
      }
    }
  }

  /**
   * Runs {@code work} with a fresh transport whose every call may take at most {@code timeout}.
   * Plain-http targets (instance metadata, container agents, local stand-ins) speak HTTP/1.1 only,
   * so the transport does not probe them for h2c; https targets negotiate as usual.
   *
   * @param tls the client's transport settings: their TLS provider, minimum version and trust (CA
   *     bundle, certificates or trust store) apply here too, so an STS or SSO endpoint behind a
   *     private CA is trusted as the client trusts it. Not {@code insecure}: these calls carry
   *     bearer tokens and source credentials, so an unverified server is never sent them.
   */
  public static <T> T with(URI target, Duration timeout, TransportConfig tls, Function<CredentialsHttp, T> work) {
    TransportConfig.Builder b = TransportConfig.builder()
        .tlsProvider(tls.tlsProvider())
        .minTlsVersion(tls.minTlsVersion());
    if (tls.trustedCertificates() != null) {
      b.trustedCertificates(tls.trustedCertificates());
    } else if (!tls.trustedCertificateList().isEmpty()) {
      b.trustedCertificates(tls.trustedCertificateList().toArray(new java.security.cert.X509Certificate[0]));
    } else if (tls.trustStore() != null) {
      b.trustStore(tls.trustStore());
    }
    if ("http".equalsIgnoreCase(target.getScheme())) {
      b.versionPolicy(HttpVersionPolicy.HTTP_1_1);
    }
    WireListener listener = LISTENER.get();
    if (WireListener.wants(listener)) {
      b.listener(listener);
    }
    TransportConfig config = b
        .connectTimeout(timeout)
        .responseHeadersTimeout(timeout)
        .idleReadTimeout(timeout)
        .ioThreads(1)
        .build();
    try (HttpTransport t = HttpTransport.create(config)) {
      return work.apply(new CredentialsHttp(t, timeout));
    }
  }

  /**
   * Sends one request and reads the answer.
   *
   * @param what the service in words, for the message (e.g. {@code "instance metadata at http://…"})
   * @throws ClientException when there is no answer within the timeout or the exchange fails
   */
  public Reply send(HttpRequest request, String what) {
    long start = System.nanoTime();
    try {
      HttpResponse r = transport.execute(request).get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      try (r) {
        return new Reply(r.status(), new String(r.body().bytes(), StandardCharsets.UTF_8));
      }
    } catch (TimeoutException e) {
      throw new ClientException("credentials", what + " did not answer within " + elapsedMs(start) + " ms");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new ClientException("credentials", what + " unreachable after " + elapsedMs(start) + " ms: "
          + (c == null ? e : c.getMessage()));
    } catch (IOException e) {
      throw new ClientException("credentials", what + " failed while its answer was read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("credentials", what + ": interrupted");
    }
  }

  private static long elapsedMs(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
