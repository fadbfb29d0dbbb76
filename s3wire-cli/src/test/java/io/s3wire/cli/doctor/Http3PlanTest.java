package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the doctor adds h3 rows, and the one line it says about h3 either way; no network. */
class Http3PlanTest {
  private static final URI HTTPS = URI.create("https://s3.example.test:9443");
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private static List<Cell> tcpCells(String altSvc) {
    Route route = Route.all(true).get(0);
    Outcome o = new Outcome(HttpProtocol.HTTP_2, "h2", 200, "s3wire", null, null, T0, T0, 3, List.of(), altSvc);
    return List.of(new Cell(route, Shape.NORMALISED, Operation.BUCKET, null, "n/a"),
        new Cell(route, Shape.NORMALISED, Operation.PUT, o, null));
  }

  @Test
  void advertisedRunsTheH3RowsAtTheAdvertisedPort() {
    Http3Plan p = Http3Plan.decide(HTTPS, tcpCells("h3=\":9444\"; ma=86400"), false, null);
    assertThat(p.routes()).containsExactly(Route.jdkH3(), Route.h3());
    assertThat(p.endpoint()).isEqualTo(URI.create("https://s3.example.test:9444"));
    assertThat(p.line()).isEqualTo("h3 advertised by Alt-Svc (h3=\":9444\"; ma=86400), so the h3 rows run over QUIC to"
        + " s3.example.test:9444; only BoringSSL (in Netty's native QUIC codec) speaks QUIC, so the jdk h3 row does not run");
  }

  @Test
  void notAdvertisedNorAskedIsOneLineAndNoRows() {
    Http3Plan p = Http3Plan.decide(HTTPS, tcpCells(null), false, null);
    assertThat(p.routes()).isEmpty();
    assertThat(p.line()).isEqualTo("h3 not tried: no TCP response carried Alt-Svc with h3 (--http3 tries it anyway)");
  }

  @Test
  void askedTriesTheEndpointsOwnPort() {
    Http3Plan p = Http3Plan.decide(HTTPS, tcpCells(null), true, null);
    assertThat(p.routes()).hasSize(2);
    assertThat(p.endpoint()).isEqualTo(HTTPS);
    assertThat(p.line()).startsWith("h3 not advertised (no Alt-Svc with h3), tried as --http3 asks, over QUIC to"
        + " s3.example.test:9443; ");
  }

  @Test
  void anotherHostIsNotTriedUnlessAsked() {
    String header = "h3=\"edge.example.test:443\"";
    assertThat(Http3Plan.decide(HTTPS, tcpCells(header), false, null).line()).isEqualTo("h3 not tried: Alt-Svc ("
        + header + ") names another host, and s3wire's HTTP/3 connects to the endpoint's own (--http3 tries UDP port 9443 there)");
    assertThat(Http3Plan.decide(HTTPS, tcpCells(header), true, null).endpoint()).isEqualTo(HTTPS);
  }

  @Test
  void plainHttpNeverTriesH3() {
    Http3Plan p = Http3Plan.decide(URI.create("http://s3.example.test:9000"), tcpCells("h3=\":9000\""), true, null);
    assertThat(p.routes()).isEmpty();
    assertThat(p.line()).isEqualTo("h3 not tried: HTTP/3 runs over QUIC, which is always encrypted, and this endpoint is plain http");
  }

  @Test
  void noNativeQuicStillShowsTheRowsAndSaysWhy() {
    Http3Plan p = Http3Plan.decide(HTTPS, tcpCells("h3=\":9443\""), false, "the library did not load");
    assertThat(p.routes()).hasSize(2);
    assertThat(p.line()).endsWith("so the jdk h3 row does not run, nor the openssl one: the library did not load");
  }
}
