package io.s3wire.cli.doctor;

import io.s3wire.cli.AltSvc;
import java.net.URI;
import java.util.List;

/**
 * Whether the doctor adds h3 rows to its matrix, decided after the TCP rows: when one of their
 * responses advertised {@code h3} in {@code Alt-Svc} (RFC 7838), or when {@code --http3} asks. Says
 * so in one line either way.
 *
 * @param routes the h3 routes to run ({@link Route#jdkH3()}, then {@link Route#h3()}), or none
 * @param endpoint where the h3 rows go: the endpoint with the advertised UDP port, or {@code null}
 * @param advertised the h3 alternative a TCP response named, or {@code null}
 * @param quicUnavailable why QUIC cannot run on this machine, or {@code null}
 * @param line the one line the output says about h3
 */
record Http3Plan(List<Route> routes, URI endpoint, AltSvc advertised, String quicUnavailable, String line) {
  /** The jdk h3 row's cells: the JDK's TLS has no QUIC. */
  static final String JDK_CELL = "JDK has no QUIC";
  /** The h3 row's cells when Netty's native QUIC library did not load. */
  static final String NO_QUIC_CELL = "no native QUIC";
  /** The h3 row's cells after its first request made no QUIC connection: each would wait out the handshake again. */
  static final String NOT_CONNECTED = "no QUIC connection";

  static Http3Plan none(String line) {
    return new Http3Plan(List.of(), null, null, null, line);
  }

  /**
   * Decides from the TCP cells' responses.
   *
   * @param asked {@code --http3}: try h3 even when no response advertised it
   * @param quicUnavailable {@link io.s3wire.cli.Http3Support#unavailabilityCause()}
   */
  static Http3Plan decide(URI endpoint, List<Cell> tcpCells, boolean asked, String quicUnavailable) {
    if (!endpoint.getScheme().equalsIgnoreCase("https")) {
      return none("h3 not tried: HTTP/3 runs over QUIC, which is always encrypted, and this endpoint is plain http");
    }
    AltSvc advertised = null;
    for (Cell c : tcpCells) {
      AltSvc a = c.ran() ? AltSvc.h3(c.outcome().altSvc()) : null;
      if (a != null) {
        advertised = a;
        break;
      }
    }
    String host = endpoint.getHost();
    int tcpPort = endpoint.getPort() < 0 ? 443 : endpoint.getPort();
    String why;
    int port;
    if (advertised != null && advertised.sameHost(host)) {
      port = advertised.port();
      why = "h3 advertised by Alt-Svc (" + advertised.header() + "), so the h3 rows run over QUIC to " + host + ":" + port;
    } else if (!asked) {
      return none(advertised == null
          ? "h3 not tried: no TCP response carried Alt-Svc with h3 (--http3 tries it anyway)"
          : "h3 not tried: Alt-Svc (" + advertised.header() + ") names another host, and s3wire's HTTP/3 connects to the"
              + " endpoint's own (--http3 tries UDP port " + tcpPort + " there)");
    } else {
      port = tcpPort;
      why = "h3 " + (advertised == null ? "not advertised (no Alt-Svc with h3)" : "advertised on another host (" + advertised.header()
          + ")") + ", tried as --http3 asks, over QUIC to " + host + ":" + port;
    }
    why += "; only BoringSSL (in Netty's native QUIC codec) speaks QUIC, so the jdk h3 row does not run";
    if (quicUnavailable != null) {
      why += ", nor the openssl one: " + quicUnavailable;
    }
    return new Http3Plan(List.of(Route.jdkH3(), Route.h3()), withPort(endpoint, port), advertised, quicUnavailable, why);
  }

  private static URI withPort(URI endpoint, int port) {
    // getHost() keeps an IPv6 literal's brackets; the raw path stays encoded as it was.
    return URI.create(endpoint.getScheme() + "://" + endpoint.getHost() + ":" + port
        + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath()));
  }
}
