package io.s3wire.cli.doctor;

import io.s3wire.http.HttpProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Causes tied to the HTTP version: a request shape one version rejects, HTTP_1_1_REQUIRED, and a
 * server that never selects HTTP/2. A shape's failure counts only when s3wire's normalised request
 * passes in the same place, so the shape is what differs.
 */
final class ProtocolRules {
  private ProtocolRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    http11Required(m, out, explained);
    hostHeader(m, out, explained);
    hostHeaderRefused(m, out, explained);
    keepAlive(m, out, explained);
    shapeOnAnyVersion(m, Shape.CONTENT_LENGTH_ZERO, "content-length-zero-rejected",
        "content-length: 0 on a bodiless request is rejected",
        "RFC 9110 section 8.6 (a user agent SHOULD NOT send content-length in a request without content; a server must accept 0)",
        out, explained);
    shapeOnAnyVersion(m, Shape.EXPECT_CONTINUE, "expect-continue-rejected",
        "expect: 100-continue on an upload is rejected",
        "RFC 9110 section 10.1.1 (Expect); PROVIDERS.md \"Expect: 100-continue on HTTP/2\" (nginx never sends 100 on HTTP/2)",
        out, explained);
    noHttp2(m, out);
  }

  private static boolean onH2(Cell c) {
    return c.outcome() != null && c.outcome().protocol() == HttpProtocol.HTTP_2;
  }

  private static boolean onH1(Cell c) {
    return c.outcome() != null && c.outcome().protocol() == HttpProtocol.HTTP_1_1;
  }

  /** The normalised cell in the same place as {@code c}. */
  private static Cell normalised(Measurements m, Cell c) {
    return m.cells().stream().filter(x -> x.shape() == Shape.NORMALISED && x.tls() == c.tls() && x.alpn().equals(c.alpn())
        && x.operation() == c.operation()).findFirst().orElse(null);
  }

  private static List<Cell> failing(Measurements m, Predicate<Cell> p) {
    return m.failing().stream().filter(p).toList();
  }

  private static void http11Required(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> "HTTP_1_1_REQUIRED".equals(c.outcome().h2Error())
        || "GOAWAY:HTTP_1_1_REQUIRED".equals(c.outcome().result()));
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(cells.get(0)));
    evidence.addAll(Evidence.frames(cells.get(0)));
    out.add(new Finding("http-1-1-required", Finding.PROBLEM,
        "The server demands HTTP/1.1: HTTP/2 streams are reset with HTTP_1_1_REQUIRED",
        cells.size() + " HTTP/2 cell(s) fail: " + Diagnosis.rows(cells),
        "the same requests pass where ALPN selected http/1.1 (offer http/1.1 or none)",
        evidence,
        "HTTP_1_1_REQUIRED (0xd) is the server's explicit signal that it will only serve this request over HTTP/1.1"
            + " (e.g. it needs features HTTP/2 lacks, or a front end cannot pass HTTP/2 on).",
        List.of("s3wire's default policy (auto) retries once over HTTP/1.1 on this signal and remembers the server",
            "for other clients: force HTTP/1.1 (offer only http/1.1 in ALPN)"),
        "RFC 9113 section 7 (HTTP_1_1_REQUIRED) and section 9.2.1"));
  }

  private static void hostHeader(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> c.shape() == Shape.HOST_HEADER && onH2(c)
        && "PROTOCOL_ERROR".equals(c.outcome().h2Error()) && differs(c, normalised(m, c)));
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    List<Cell> h1 = failing(m, c -> c.shape() == Shape.HOST_HEADER && onH1(c));
    List<String> evidence = new ArrayList<>();
    Cell first = cells.stream().filter(c -> c.operation() == Operation.PUT).findFirst().orElse(cells.get(0));
    evidence.add(Evidence.cellLine(first));
    evidence.addAll(Evidence.frames(first, "host"));
    String differs = "only the explicit host header: the normalised request (no host, authority in :authority) is not reset"
        + " on the same HTTP/2 connection";
    String whatFails = cells.size() + " HTTP/2 cell(s) with a host header are reset with RST_STREAM(PROTOCOL_ERROR) before"
        + " any response: " + Diagnosis.rows(cells);
    if (h1.isEmpty()) {
      differs += ", and the same request with host over HTTP/1.1 passes";
    } else {
      explained.addAll(h1);
      Cell c = h1.get(0);
      whatFails += "; over HTTP/1.1 it fails too: " + c.outcome().describe();
      evidence.add("HTTP/1.1 answers with a readable error: " + c.outcome().describe());
    }
    out.add(new Finding("host-header-reset", Finding.PROBLEM,
        "HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR)",
        whatFails,
        differs,
        evidence,
        "HTTP/2 carries the authority in the :authority pseudo-header; this endpoint treats a regular host header next to"
            + " it as malformed and resets the stream (Google's front end does this even when both agree). S3 clients send"
            + " host because SigV4 signs it and their HTTP/2 layer passes it on.",
        List.of("HTTP/2 requests must not carry a host header; this endpoint resets them: s3wire never sends it",
            "for another client: strip host before the HTTP/2 layer, or force HTTP/1.1 (ALPN http/1.1 only)"),
        "RFC 9113 section 8.3.1 (the authority travels in :authority; a host header must not differ from it, and"
            + " Google's front end rejects one even when it agrees) and section 8.1.1 (malformed requests); public reports:"
            + " rust-s3#377, rustls#2108, reqwest#1809, hyper#2079,"
            + " h2#715, quickwit#1584"));
  }

  /**
   * The same cause answered instead of reset: 400 to HTTP/2 requests with a host header, where the
   * normalised request passes on the same connection and the host header passes over HTTP/1.1.
   */
  private static void hostHeaderRefused(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> c.shape() == Shape.HOST_HEADER && onH2(c) && c.outcome().status() == 400
        && differs(c, normalised(m, c)));
    boolean h1Passes = m.cells().stream().anyMatch(c -> c.shape() == Shape.HOST_HEADER && onH1(c) && c.passed());
    if (cells.isEmpty() || !h1Passes || !failing(m, c -> c.shape() == Shape.HOST_HEADER && onH1(c)).isEmpty()) {
      return;
    }
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    Cell first = cells.stream().filter(c -> c.operation() == Operation.PUT).findFirst().orElse(cells.get(0));
    evidence.add(Evidence.cellLine(first));
    evidence.addAll(Evidence.frames(first, "host"));
    out.add(new Finding("host-header-rejected", Finding.PROBLEM,
        "HTTP/2 requests that carry a host header are refused with 400 Bad Request",
        cells.size() + " HTTP/2 cell(s) with a host header get 400: " + Diagnosis.rows(cells),
        "only the explicit host header on HTTP/2: the normalised request (authority only in :authority) passes on the"
            + " same connection, and the same request with host over HTTP/1.1 passes",
        evidence,
        "HTTP/2 carries the authority in the :authority pseudo-header; this endpoint takes :authority as the host and"
            + " refuses a regular host header next to it as a duplicate, with 400 instead of a stream reset (nginx 1.22"
            + " does this). S3 clients send host because SigV4 signs it and their HTTP/2 layer passes it on.",
        List.of("HTTP/2 requests must not carry a host header here: s3wire never sends it",
            "for another client: strip host before the HTTP/2 layer, or force HTTP/1.1 (ALPN http/1.1 only)"),
        "RFC 9113 section 8.3.1 (the authority travels in :authority); PROVIDERS.md, Ceph RGW: nginx in front of it"
            + " answers an HTTP/2 request carrying host with 400 rather than a reset"));
  }

  private static void keepAlive(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> c.shape() == Shape.KEEP_ALIVE && onH2(c)
        && "PROTOCOL_ERROR".equals(c.outcome().h2Error()) && differs(c, normalised(m, c)));
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(cells.get(0)));
    evidence.addAll(Evidence.frames(cells.get(0), "connection"));
    out.add(new Finding("connection-header-reset", Finding.NOTE,
        "HTTP/2 requests with connection: keep-alive are reset, as RFC 9113 requires",
        cells.size() + " HTTP/2 cell(s) with a connection header are reset with PROTOCOL_ERROR: " + Diagnosis.rows(cells),
        "only the connection header; without it the request passes",
        evidence,
        "Connection-specific header fields are forbidden in HTTP/2; a request with one is malformed. The server is right;"
            + " a client that copies HTTP/1.1 headers onto HTTP/2 fails here.",
        List.of("s3wire never sends connection-specific headers on HTTP/2",
            "for another client: drop connection, keep-alive, proxy-connection, transfer-encoding and upgrade on HTTP/2"),
        "RFC 9113 section 8.2.2 (connection-specific header fields)"));
  }

  private static void shapeOnAnyVersion(Measurements m, Shape shape, String id, String title, String source,
      List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> c.shape() == shape && differs(c, normalised(m, c)));
    if (cells.isEmpty()) {
      return;
    }
    explained.addAll(cells);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(cells.get(0)));
    evidence.addAll(Evidence.frames(cells.get(0), shape.header()));
    out.add(new Finding(id, Finding.PROBLEM, title,
        cells.size() + " cell(s) fail: " + Diagnosis.rows(cells),
        "only the " + shape.header() + " header; the normalised request passes in the same place",
        evidence,
        "The server rejects " + shape.description() + ".",
        List.of("s3wire does not send it", "for another client: do not send " + shape.header() + " to this endpoint"),
        source));
  }

  private static void noHttp2(Measurements m, List<Finding> out) {
    List<Cell> offered = m.cells().stream().filter(c -> c.alpn().equals("h2,http/1.1") && c.ran()
        && c.outcome().protocol() != null).toList();
    if (offered.isEmpty() || offered.stream().anyMatch(ProtocolRules::onH2)) {
      return;
    }
    boolean noAlpn = offered.stream().allMatch(c -> c.outcome().alpnSelected() == null);
    List<String> evidence = new ArrayList<>();
    evidence.addAll(Evidence.containing(offered.get(0), "TLS handshake done"));
    evidence.addAll(Evidence.containing(offered.get(0), "ALPN:"));
    Outcome forced = m.probes().get("forced-h2");
    if (forced != null && !forced.passed()) {
      evidence.add("HTTP/2 demanded (ALPN h2 only, policy HTTP_2): " + forced.describe());
    }
    out.add(new Finding("no-h2", Finding.NOTE,
        noAlpn ? "The server offers no ALPN: every connection is HTTP/1.1"
            : "The server selects only http/1.1 in ALPN: every connection is HTTP/1.1",
        "no cell speaks HTTP/2 although the client offered h2; a client that demands HTTP/2 fails here",
        "ALPN " + (noAlpn ? "selected nothing" : "selected http/1.1") + " for the offer h2,http/1.1",
        evidence,
        "The server (or a TLS-terminating proxy in front of it) " + (noAlpn ? "does not answer ALPN" : "does not offer h2")
            + ", so HTTP/2 is never negotiated. That works for clients that accept HTTP/1.1; clients that require"
            + " HTTP/2 (prior knowledge, or an h2-only ALPN offer) fail.",
        List.of("use HTTP/1.1 or negotiation (s3wire's default) with this endpoint",
            "to get HTTP/2: enable h2 in the server's or proxy's ALPN configuration"),
        "RFC 7301 section 3.2 (ALPN selection) and RFC 9113 section 3.2 (starting HTTP/2 for https URIs)"));
  }

  /**
   * Whether the shape is what made {@code c} fail: s3wire's normalised request in the same place
   * passed, or failed differently (e.g. every request fails authentication, but only this shape is
   * reset before the server even reads the signature).
   */
  private static boolean differs(Cell c, Cell normalised) {
    return normalised != null && normalised.ran()
        && (normalised.passed() || !normalised.outcome().result().equals(c.outcome().result()));
  }
}
