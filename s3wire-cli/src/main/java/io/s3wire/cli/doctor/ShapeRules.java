package io.s3wire.cli.doctor;

import io.s3wire.http.HttpProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The general shape rule: when a request shape fails where s3wire's normalised request passes (same
 * route, same operation), the shape is the cause, whatever form the failure took: a reset, a status
 * with S3 error XML or with a front end's HTML page, GOAWAY, a closed connection, 421. Runs after the
 * specific rules (host-header-reset, connection-header-reset), which name the form a known server
 * uses; this one names the shape, quotes the form it took here and gives the shape's fix.
 */
final class ShapeRules {
  /** What a finding says about one shape: its id, what it is in words, why it is rejected, the fixes, a source. */
  private record Text(String id, String subject, String why, List<String> fixes, String source) {}

  private ShapeRules() {}

  static void apply(Measurements m, List<Finding> out, Set<Cell> explained) {
    for (Shape shape : Shape.values()) {
      if (shape == Shape.NORMALISED) {
        continue;
      }
      List<Cell> cells = m.failing().stream().filter(c -> c.shape() == shape && !explained.contains(c)
          && differs(c, normalised(m, c))).toList();
      if (!cells.isEmpty()) {
        explained.addAll(cells);
        out.add(finding(m, shape, cells));
      }
    }
  }

  private static Text text(Shape shape, boolean h2) {
    return switch (shape) {
      case HOST_HEADER -> new Text("host-header-rejected", "requests that carry a host header",
          h2 ? "HTTP/2 carries the authority in :authority. RFC 9113 allows a host header beside it when the two agree,"
              + " but front ends differ: nginx takes it for a duplicate host and answers 400, Google's front end resets"
              + " the stream. S3 clients send host because SigV4 signs it and their HTTP/2 layer passes it on."
              : "The endpoint refuses the request only when it carries an explicit host header.",
          List.of("HTTP/2 requests to this endpoint must not carry a host header: s3wire never sends one",
              "for another client: strip host before the HTTP/2 layer, or force HTTP/1.1 (ALPN http/1.1 only)"),
          "RFC 9113 section 8.3.1 (the authority travels in :authority; host must not differ from it); PROVIDERS.md,"
              + " \"The HTTP/2 host-header case\" (nginx answers 400 'client sent duplicate host header'; Google's front end"
              + " resets); public reports: rust-s3#377, reqwest#1809, hyper#2079, h2#715");
      case KEEP_ALIVE -> new Text("connection-header-rejected", "requests with connection: keep-alive",
          h2 ? "Connection-specific header fields are forbidden in HTTP/2, so a request with one is malformed: the"
              + " endpoint is right; a client that copies HTTP/1.1 headers onto HTTP/2 fails here."
              : "connection: keep-alive is an ordinary HTTP/1.1 header; this endpoint refuses it nonetheless.",
          List.of("s3wire never sends connection-specific headers on HTTP/2",
              "for another client: drop connection, keep-alive, proxy-connection, transfer-encoding and upgrade on HTTP/2"),
          "RFC 9113 section 8.2.2 (connection-specific header fields); RFC 9112 section 9.3 (persistence)");
      case CONTENT_LENGTH_ZERO -> new Text("content-length-zero-rejected", "bodiless requests with content-length: 0",
          "A request without content may carry content-length: 0, and a server must accept it.",
          List.of("s3wire sends no content-length on a bodiless request",
              "for another client: send no content-length on GET, HEAD and DELETE to this endpoint"),
          "RFC 9110 section 8.6 (a user agent SHOULD NOT send content-length in a request without content; a server must"
              + " accept 0)");
      case EXPECT_CONTINUE -> new Text("expect-continue-rejected", "uploads with expect: 100-continue",
          "The endpoint refuses the expectation instead of answering 100 Continue or ignoring it.",
          List.of("s3wire does not send expect: 100-continue",
              "for another client: do not send expect: 100-continue to this endpoint"),
          "RFC 9110 section 10.1.1 (Expect); PROVIDERS.md \"Expect: 100-continue on HTTP/2\" (nginx never sends 100 on"
              + " HTTP/2)");
      case NORMALISED -> throw new IllegalArgumentException("the normalised request is no shape to reject");
    };
  }

  private static Finding finding(Measurements m, Shape shape, List<Cell> cells) {
    boolean h2 = cells.stream().allMatch(c -> c.outcome().protocol() == HttpProtocol.HTTP_2);
    boolean h1 = cells.stream().allMatch(c -> c.outcome().protocol() == HttpProtocol.HTTP_1_1);
    String version = h2 ? "HTTP/2" : h1 ? "HTTP/1.1" : "";
    Text t = text(shape, h2);
    Cell quoted = cells.stream().max(Comparator.comparingInt(ShapeRules::informative)).orElseThrow();
    String form = FailureForm.of(quoted.outcome());
    String subject = version.isEmpty() ? Character.toUpperCase(t.subject().charAt(0)) + t.subject().substring(1)
        : version + " " + t.subject();
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.cellLine(quoted));
    evidence.addAll(Evidence.frames(quoted, shape.header(), ":status", "server", "content-type", "x-amz-request-id"));
    if (quoted.outcome().serviceError() != null && quoted.outcome().serviceError().rawBody() != null) {
      evidence.add("body: " + FailureForm.quote(FailureForm.bodyText(quoted.outcome().serviceError().rawBody())));
    }
    Cell normal = normalised(m, quoted);
    evidence.add("the normalised request on the same route: " + Evidence.cellLine(normal));
    StringBuilder cause = new StringBuilder("The endpoint rejects requests ").append(shape.phrase()).append(": ").append(form)
        .append('.');
    if (FailureForm.fromFrontEnd(quoted.outcome())) {
      cause.append(" No S3 error document and no request id came back, so something in front of the S3 service"
          + " (a proxy or load balancer) answered; the request never reached the S3 service.");
    }
    cause.append(' ').append(t.why());
    if (shape == Shape.HOST_HEADER && quoted.outcome().status() == 400 && FailureForm.who(quoted.outcome()).startsWith("nginx")) {
      cause.append(" nginx gives its reason only in its error log: 'client sent duplicate host header'.");
    }
    boolean note = shape == Shape.KEEP_ALIVE && h2;
    return new Finding(t.id(), note ? Finding.NOTE : Finding.PROBLEM,
        subject + " are rejected: " + form,
        cells.size() + (version.isEmpty() ? "" : " " + version) + " cell(s) " + shape.phrase() + " fail where the normalised"
            + " request passes: " + byResult(cells),
        "only the " + shape.header() + " header: s3wire's normalised request, on the same route and operation, "
            + (normal.passed() ? "passes" : "fails differently (" + normal.outcome().result() + ")"),
        evidence, cause.toString(), t.fixes(), t.source());
  }

  /** How much a cell's outcome says, to pick the one to quote: the server's words, then a PUT, then any. */
  private static int informative(Cell c) {
    Outcome o = c.outcome();
    int score = 0;
    if (o.serviceError() != null && (o.serviceError().rawBody() != null || o.serviceError().errorCode() != null)) {
      score += 4;
    }
    if (o.failure() != null) {
      score += 2;
    }
    if (c.operation() == Operation.PUT) {
      score += 1;
    }
    return score;
  }

  /** {@code 400 on 8: jdk h2,http/1.1 host-header bucket, ...}; one group per result, in order of appearance. */
  static String byResult(List<Cell> cells) {
    Map<String, List<Cell>> groups = new LinkedHashMap<>();
    for (Cell c : cells) {
      groups.computeIfAbsent(c.outcome().result(), k -> new ArrayList<>()).add(c);
    }
    List<String> parts = new ArrayList<>();
    groups.forEach((result, group) -> parts.add(result + " on " + group.size() + ": " + Diagnosis.rows(group)));
    return String.join("; ", parts);
  }

  /** The normalised cell on the same route and operation as {@code c}. */
  static Cell normalised(Measurements m, Cell c) {
    return m.cells().stream().filter(x -> x.shape() == Shape.NORMALISED && x.route().equals(c.route())
        && x.operation() == c.operation()).findFirst().orElse(null);
  }

  /**
   * Whether the shape is what made {@code c} fail: s3wire's normalised request in the same place
   * passed, or failed differently (e.g. every request fails authentication, but only this shape is
   * rejected before the server even reads the signature).
   */
  static boolean differs(Cell c, Cell normalised) {
    return normalised != null && normalised.ran()
        && (normalised.passed() || !normalised.outcome().result().equals(c.outcome().result()));
  }
}
