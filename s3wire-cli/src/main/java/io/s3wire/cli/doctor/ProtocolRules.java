package io.s3wire.cli.doctor;

import io.s3wire.http.HttpProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Causes tied to the HTTP version: the forms known servers use to reject a shape on HTTP/2 (a reset
 * for host, as Google's front end does; a reset for connection, as RFC 9113 requires),
 * HTTP_1_1_REQUIRED, and a server that never speaks HTTP/2. A shape's failure counts only when
 * s3wire's normalised request passes in the same place, so the shape is what differs; other forms of
 * a shape's rejection are {@link ShapeRules}'.
 */
final class ProtocolRules {
  private ProtocolRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    http11Required(m, out, explained);
    hostHeader(m, out, explained);
    keepAlive(m, out, explained);
    noHttp2(m, out);
    noH2c(m, out, explained);
  }

  private static boolean onH2(Cell c) {
    return c.outcome() != null && c.outcome().protocol() == HttpProtocol.HTTP_2;
  }

  /**
   * Whether {@code c} went over HTTP/2 or HTTP/3 and was refused as malformed: PROTOCOL_ERROR, or its
   * HTTP/3 twin H3_MESSAGE_ERROR (RFC 9114 section 4.1.2 treats a malformed request as HTTP/2 does).
   */
  private static boolean malformedOnMultiplexed(Cell c) {
    return (onH2(c) || onH3(c)) && c.outcome().failure() instanceof io.s3wire.error.StreamResetException s
        && s.code() == io.s3wire.error.Http2ErrorCode.PROTOCOL_ERROR;
  }

  private static boolean onH3(Cell c) {
    return c.outcome() != null && c.outcome().protocol() == HttpProtocol.HTTP_3;
  }

  /** {@code ; and N HTTP/3 cell(s) with H3_MESSAGE_ERROR (...): rows}, or nothing without h3 cells. */
  private static String h3Part(List<Cell> cells) {
    List<Cell> h3 = cells.stream().filter(ProtocolRules::onH3).toList();
    return h3.isEmpty() ? "" : "; over HTTP/3, " + h3.size() + " cell(s) with " + h3.get(0).outcome().h2Error()
        + " (PROTOCOL_ERROR's HTTP/3 twin): " + Diagnosis.rows(h3);
  }

  private static boolean onH1(Cell c) {
    return c.outcome() != null && c.outcome().protocol() == HttpProtocol.HTTP_1_1;
  }

  private static Cell normalised(Measurements m, Cell c) {
    return ShapeRules.normalised(m, c);
  }

  private static boolean differs(Cell c, Cell normalised) {
    return ShapeRules.differs(c, normalised);
  }

  /**
   * Whether {@code c} was reset by RST_STREAM, the form the specific rules name; a GOAWAY with the same
   * code beside such resets is the same cause (a server may close after several).
   */
  private static boolean rstStream(Cell c) {
    return c.outcome().failure() instanceof io.s3wire.error.StreamResetException s && !s.isGoAway();
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
    List<Cell> cells = failing(m, c -> c.shape() == Shape.HOST_HEADER && malformedOnMultiplexed(c)
        && differs(c, normalised(m, c)));
    if (cells.stream().noneMatch(ProtocolRules::rstStream)) {
      return; // another form (GOAWAY alone): the general shape rule names it
    }
    explained.addAll(cells);
    List<Cell> h2 = cells.stream().filter(ProtocolRules::onH2).toList();
    String h3 = h3Part(cells);
    List<Cell> h1 = failing(m, c -> c.shape() == Shape.HOST_HEADER && onH1(c));
    List<String> evidence = new ArrayList<>();
    Cell first = cells.stream().filter(c -> c.operation() == Operation.PUT).findFirst().orElse(cells.get(0));
    evidence.add(Evidence.cellLine(first));
    evidence.addAll(Evidence.frames(first, "host"));
    String differs = "only the explicit host header: the normalised request (no host, authority in :authority) is not reset"
        + " on the same HTTP/2 connection";
    String whatFails = (h2.isEmpty() ? "no HTTP/2 cell" : h2.size() + " HTTP/2 cell(s) with a host header are reset with"
        + " RST_STREAM(PROTOCOL_ERROR) before any response: " + Diagnosis.rows(h2)) + h3;
    if (h1.isEmpty()) {
      differs += ", and the same request with host over HTTP/1.1 passes";
    } else {
      explained.addAll(h1);
      Cell c = h1.get(0);
      whatFails += "; over HTTP/1.1 it fails too: " + c.outcome().describe();
      evidence.add("HTTP/1.1 answers with a readable error: " + c.outcome().describe());
    }
    out.add(new Finding("host-header-reset", Finding.PROBLEM,
        (h2.isEmpty() ? "HTTP/3 requests that carry a host header are reset with H3_MESSAGE_ERROR"
            : "HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR)"
            + (h3.isEmpty() ? "" : ", HTTP/3 ones with H3_MESSAGE_ERROR")),
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
            + " h2#715, quickwit#1584" + (h3.isEmpty() ? "" : "; RFC 9114 section 4.3.1 (the same for HTTP/3)")));
  }

  private static void keepAlive(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> cells = failing(m, c -> c.shape() == Shape.KEEP_ALIVE && malformedOnMultiplexed(c)
        && differs(c, normalised(m, c)));
    if (cells.stream().noneMatch(ProtocolRules::rstStream)) {
      return;
    }
    explained.addAll(cells);
    List<Cell> h2 = cells.stream().filter(ProtocolRules::onH2).toList();
    String h3 = h3Part(cells);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(cells.get(0)));
    evidence.addAll(Evidence.frames(cells.get(0), "connection"));
    out.add(new Finding("connection-header-reset", Finding.NOTE,
        (h2.isEmpty() ? "HTTP/3 requests with connection: keep-alive are reset, as RFC 9114 requires"
            : "HTTP/2 requests with connection: keep-alive are reset, as RFC 9113 requires"
            + (h3.isEmpty() ? "" : ", and HTTP/3 ones, as RFC 9114 does")),
        (h2.isEmpty() ? "no HTTP/2 cell" : h2.size() + " HTTP/2 cell(s) with a connection header are reset with PROTOCOL_ERROR: "
            + Diagnosis.rows(h2)) + h3,
        "only the connection header; without it the request passes",
        evidence,
        "Connection-specific header fields are forbidden in HTTP/2; a request with one is malformed. The server is right;"
            + " a client that copies HTTP/1.1 headers onto HTTP/2 fails here.",
        List.of("s3wire never sends connection-specific headers on HTTP/2",
            "for another client: drop connection, keep-alive, proxy-connection, transfer-encoding and upgrade on HTTP/2"),
        "RFC 9113 section 8.2.2 (connection-specific header fields)"
            + (h3.isEmpty() ? "" : "; RFC 9114 section 4.2 (the same for HTTP/3)")));
  }

  private static void noHttp2(Measurements m, List<Finding> out) {
    List<Cell> offered = m.cells().stream().filter(c -> "h2,http/1.1".equals(c.alpn()) && c.ran()
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
   * Over plain HTTP: no h2c cell passes while HTTP/1.1 does, so the server does not speak HTTP/2 with
   * prior knowledge. Explains the h2c cells that failed without an S3 error (an S3 error means the
   * server did read the request, so another rule's cause).
   */
  private static void noH2c(Measurements m, List<Finding> out, Set<Cell> explained) {
    List<Cell> h2c = m.cells().stream().filter(c -> c.route().plain() && c.route().http().equals("h2c") && c.ran()).toList();
    boolean h1Passes = m.cells().stream().anyMatch(c -> c.route().plain() && c.route().http().equals("http/1.1")
        && c.shape() == Shape.NORMALISED && c.passed());
    if (h2c.isEmpty() || !h1Passes || h2c.stream().anyMatch(c -> c.shape() == Shape.NORMALISED && c.passed())) {
      return;
    }
    List<Cell> cells = h2c.stream().filter(c -> c.failed() && c.outcome().s3Error() == null && !explained.contains(c)).toList();
    explained.addAll(cells);
    Cell first = h2c.stream().filter(c -> c.shape() == Shape.NORMALISED && c.failed()).findFirst().orElse(h2c.get(0));
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(first));
    evidence.addAll(Evidence.frames(first, ":status", "server"));
    out.add(new Finding("no-h2c", Finding.NOTE,
        "The server does not speak HTTP/2 over plain HTTP (h2c with prior knowledge): only HTTP/1.1 works there",
        cells.size() + " h2c cell(s) fail, the normalised request too, while it passes over HTTP/1.1: " + Diagnosis.rows(cells),
        "only the HTTP version: the same requests pass over HTTP/1.1 to the same address",
        evidence,
        "Over plain HTTP there is no ALPN to agree on HTTP/2: a client either knows in advance that the server speaks it"
            + " (prior knowledge) or uses HTTP/1.1. Here HTTP/2 with prior knowledge fails ("
            + FailureForm.of(first.outcome()) + "), so clients that assume h2c fail.",
        List.of("use HTTP/1.1 with this endpoint over plain HTTP (s3wire's default does: negotiation means HTTP/1.1 there)",
            "to get HTTP/2: use https (ALPN h2), or enable h2c on the server or proxy"),
        "RFC 9113 section 3.3 (starting HTTP/2 with prior knowledge)"));
  }
}
