package io.s3wire.cli.doctor;

import io.s3wire.auth.Credentials;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.ServiceExceptions;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measurements built by hand, for the forms of failure no test server produces: every cell answers
 * as a healthy server would (h2 where ALPN offers h2 or the route is h2c, else HTTP/1.1) unless the
 * test's function answers it otherwise.
 */
final class SyntheticMatrix {
  static final String ACCESS_KEY = "AKIDSYNTHETIC0000000";
  static final String SECRET = "synthetic-secret-wJalrXUtnFEMI-K7MDENG";
  static final Target TLS = new Target(URI.create("https://s3.example.test"), "b", "us-east-1",
      Credentials.of(ACCESS_KEY, SECRET), false, null, null, null);
  static final Target PLAIN = new Target(URI.create("http://s3.example.test:9000"), "b", "us-east-1",
      Credentials.of(ACCESS_KEY, SECRET), false, null, null, null);

  /** nginx's own 400 page, byte for byte as nginx 1.22 sends it. */
  static final String NGINX_400 = "<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n"
      + "<center><h1>400 Bad Request</h1></center>\r\n<center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private SyntheticMatrix() {}

  /**
   * The measurements of {@code target}'s matrix; {@code answer} gets each cell (without outcome) and
   * returns its outcome, or {@code null} for the healthy default.
   */
  static Measurements of(Target target, Function<Cell, Outcome> answer, Map<String, Outcome> probes) {
    List<Cell> cells = new ArrayList<>();
    for (Route route : Route.all(target.endpoint().getScheme().equals("https"))) {
      for (Shape shape : Shape.values()) {
        for (Operation op : Operation.values()) {
          if (!shape.appliesTo(op)) {
            cells.add(new Cell(route, shape, op, null, "n/a"));
            continue;
          }
          Cell skeleton = new Cell(route, shape, op, null, null);
          Outcome o = answer.apply(skeleton);
          cells.add(new Cell(route, shape, op, o != null ? o : pass(protocol(route), op), null));
        }
      }
    }
    Map<String, Outcome> all = new LinkedHashMap<>();
    all.put("addressing-path", pass(HttpProtocol.HTTP_1_1, Operation.BUCKET));
    all.put("addressing-virtual", pass(HttpProtocol.HTTP_1_1, Operation.BUCKET));
    all.putAll(probes);
    return new Measurements(target, List.copyOf(cells), all, null, null, "s3wire-doctor-0123456789abcdef", Cleanup.NONE);
  }

  static Measurements of(Target target, Function<Cell, Outcome> answer) {
    return of(target, answer, Map.of());
  }

  /** The version a healthy server speaks on {@code route}. */
  static HttpProtocol protocol(Route route) {
    boolean h2 = route.plain() ? route.http().equals("h2c") : route.alpn().equals("h2,http/1.1");
    return h2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1;
  }

  static Outcome pass(HttpProtocol p, Operation op) {
    return new Outcome(p, null, op == Operation.DELETE ? 204 : 200, "s3wire", null, null, T0, T0, 3, List.of());
  }

  /** An error status; {@code body} {@code null} for none, {@code requestId} {@code null} for none. */
  static Outcome status(HttpProtocol p, int status, String server, String requestId, String body) {
    HttpHeaders headers = requestId == null ? HttpHeaders.empty() : HttpHeaders.of("x-amz-request-id", requestId);
    return new Outcome(p, null, status, server,
        ServiceExceptions.from(status, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), "/b"),
        null, T0, T0, 3, List.of());
  }

  static Outcome reset(HttpProtocol p, Http2ErrorCode code) {
    return failed(p, StreamResetException.rstStream(code.code(), 3, true, false));
  }

  static Outcome goAway(HttpProtocol p, Http2ErrorCode code, String debug) {
    return failed(p, StreamResetException.goAway(code.code(), 3, 1, debug, false));
  }

  static Outcome closed(HttpProtocol p) {
    return failed(p, new TransportException(TransportException.Kind.CONNECTION_CLOSED, "connection closed before the response",
        RetrySafety.UNKNOWN, null));
  }

  static Outcome failed(HttpProtocol p, io.s3wire.error.S3Exception e) {
    return new Outcome(p, null, 0, null, null, e, T0, null, 3, List.of());
  }
}
