package io.s3wire.cli;

import io.s3wire.error.S3Exception;
import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.WireListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The probe's h3 line: after a request over TCP, what its response's {@code Alt-Svc} says about
 * HTTP/3, and when it advertises h3 on the URL's own host, the same request over QUIC to the
 * advertised port. The follow-up's events go to the probe's trace; it is never captured (no pcap for
 * QUIC), and its outcome does not change the exit code: the probe asked for was the TCP one.
 */
final class ProbeHttp3 {
  /** Budgets of the follow-up's handshake: a QUIC handshake that hears nothing (UDP dropped) ends only with its budget. */
  static final Duration CONNECT = Duration.ofSeconds(3);

  private static final long CALL_SECONDS = 30;

  private ProbeHttp3() {}

  /**
   * The h3 line's text, or {@code null} when the probe itself was HTTP/3 (nothing more to say).
   *
   * @param altSvc the TCP response's {@code Alt-Svc} header, or {@code null}
   * @param ca the CA file the probe trusted, or {@code null}
   */
  static String line(ProbeRequest request, HttpRequest sent, String altSvc, Path ca, WireListener listener) {
    if (request.policy().usesHttp3()) {
      return null;
    }
    URI uri = sent.uri();
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return "not tried: HTTP/3 runs over QUIC, which is always encrypted, and this URL is plain http";
    }
    AltSvc h3 = AltSvc.h3(altSvc);
    if (h3 == null) {
      return "not tried: the response carried no Alt-Svc with h3 (--http 3 probes HTTP/3 directly)";
    }
    String advertised = "advertised by Alt-Svc (" + Redaction.DEFAULT.text(h3.header()) + ")";
    if (!h3.sameHost(uri.getHost())) {
      return "not tried: " + advertised + " on another host, and s3wire's HTTP/3 connects to the URL's own"
          + " (--http 3 probes it there)";
    }
    String unavailable = Http3Support.unavailabilityCause();
    if (unavailable != null) {
      return "not tried: " + advertised + ", but " + unavailable;
    }
    URI target = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + h3.port()
        + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    TransportConfig.Builder config = request.transportConfig(ca, listener).toBuilder()
        .versionPolicy(HttpVersionPolicy.HTTP_3)
        .alpnOffer(AlpnOffer.of("h3"))
        .pcapFile(null)
        .connectTimeout(CONNECT)
        .tlsHandshakeTimeout(CONNECT);
    // QUIC's TLS is the codec's BoringSSL, which writes the key log itself whatever --tls says.
    if (request.keyLog() != null) {
      config.keyLogFile(request.keyLog());
    }
    String where = " to " + uri.getHost() + ":" + h3.port();
    try (HttpTransport transport = HttpTransport.create(config.build())) {
      HttpRequest again = new HttpRequest(sent.method(), target, sent.headers(), sent.body());
      try (HttpResponse r = transport.execute(again).get(CALL_SECONDS, TimeUnit.SECONDS); InputStream in = r.body().stream()) {
        in.transferTo(OutputStream.nullOutputStream());
        return advertised + ": " + r.protocol() + " " + r.status() + " over QUIC" + where;
      } catch (ExecutionException e) {
        return failed(advertised, where, e.getCause() == null ? e : e.getCause());
      } catch (TimeoutException e) {
        return advertised + ", but failed" + where + ": no response within " + CALL_SECONDS + " s";
      } catch (IOException | UncheckedIOException e) {
        return failed(advertised, where, e.getCause() instanceof S3Exception s ? s : e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return advertised + ", but interrupted";
      }
    }
  }

  private static String failed(String advertised, String where, Throwable t) {
    return advertised + ", but failed" + where + ": " + Redaction.DEFAULT.text(ProbeRunner.message(t));
  }
}
