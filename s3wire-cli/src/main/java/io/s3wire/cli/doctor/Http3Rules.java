package io.s3wire.cli.doctor;

import io.s3wire.cli.AltSvc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The h3 rows' own cause: no QUIC connection could be made at all (UDP dropped or nothing listening
 * on the UDP port, the handshake refused), in the one line the failure carries. A problem when a TCP
 * response advertised h3 there (clients that follow Alt-Svc try it first and wait), a note when only
 * {@code --http3} asked. Failures after a connection are the shape and protocol rules'.
 */
final class Http3Rules {
  private Http3Rules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = m.failing().stream().filter(c -> c.route().http3() && c.outcome().protocol() == null
        && !explained.contains(c)).toList();
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    Cell first = cells.get(0);
    AltSvc advertised = m.cells().stream().filter(c -> c.ran() && !c.route().http3())
        .map(c -> AltSvc.h3(c.outcome().altSvc())).filter(a -> a != null).findFirst().orElse(null);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(first));
    if (advertised != null) {
      evidence.add("alt-svc: " + advertised.header() + " (on the TCP rows' responses)");
    }
    evidence.addAll(Evidence.containing(first, "QUIC"));
    boolean tcpPasses = m.cells().stream().anyMatch(c -> !c.route().http3() && c.shape() == Shape.NORMALISED && c.passed());
    io.s3wire.error.S3Exception failure = first.outcome().failure();
    // A handshake that heard nothing is UDP's silence, not TCP's: say so rather than a TCP connect timeout's words.
    String cause = first.outcome().transportKind() == io.s3wire.error.TransportException.Kind.CONNECT_TIMEOUT
        ? "No QUIC handshake completed: the UDP datagrams to that port got no answer. Either nothing listens there on UDP"
            + " (a closed UDP port answers nothing QUIC can hear) or UDP is dropped on the way (firewalls and some"
            + " networks block or throttle it); TCP to the same host works."
        : failure.explain();
    String skipped = m.cells().stream().anyMatch(c -> Http3Plan.NOT_CONNECTED.equals(c.skipped()))
        ? "; the row's other cells did not run, as each would wait for the same handshake" : "";
    out.add(new Finding("h3-unreachable", advertised != null ? Finding.PROBLEM : Finding.NOTE,
        advertised != null ? "HTTP/3 is advertised in Alt-Svc, but no QUIC connection could be made"
            : "No HTTP/3 at the endpoint's port: no QUIC connection could be made",
        first.row() + " " + first.operation().id() + ": " + first.outcome().describe() + skipped,
        tcpPasses ? "only the transport: the same requests pass over TCP (TLS with HTTP/2 or HTTP/1.1) to the same host"
            : "the TCP rows fail too (see the other findings), so this may not be about HTTP/3 alone",
        evidence,
        cause,
        advertised != null
            ? List.of("open UDP port " + advertised.port() + " to the server, or stop advertising h3 in Alt-Svc until it"
                + " is reachable: clients that follow Alt-Svc (browsers, curl --http3) try QUIC first and fall back late",
                "s3wire uses HTTP/3 only when asked (--http 3), so its default requests are not affected")
            : List.of("nothing to fix if the endpoint does not serve HTTP/3: it does not advertise it either",
                "if it should: serve QUIC on the UDP port and advertise it with Alt-Svc: h3=\":PORT\""),
        "RFC 9114 section 3.1 (discovering an HTTP/3 endpoint) and RFC 7838 section 2.4 (a client that cannot use an"
            + " alternative keeps using the origin)"));
  }
}
