package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import io.s3wire.server.internal.fault.MiniJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The h3 rows: present when the server advertises h3 in Alt-Svc, absent with one line of reason when
 * it does not, and a row that gets no QUIC connection reported in the failure's one line while the
 * TCP rows pass.
 */
@Timeout(180)
class DoctorHttp3Test {
  @TempDir Path dir;

  /** A gcs-profile server over TLS, HTTP/3 on or off, with the doctor's bucket. */
  private static S3Server start(boolean http3) throws Exception {
    S3Server server = S3Server.builder().tls(true).http3(http3).profile(ServerProfile.GCS).build().start();
    DoctorTestServer.bucket(server);
    return server;
  }

  private Map<String, String> env(S3Server server) throws Exception {
    return DoctorTestServer.env(server, dir, DoctorTestServer.ca(server, dir));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cells(Map<String, Object> doc, String tls, String http) {
    return ((List<Object>) doc.get("cells")).stream().map(c -> (Map<String, Object>) c)
        .filter(c -> tls.equals(c.get("tls")) && http.equals(c.get("http"))).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void advertisedH3AddsTheH3RowsToTheMatrixJsonAndReport() throws Exception {
    try (S3Server server = start(true)) {
      Map<String, String> env = env(server);
      Path html = dir.resolve("report.html");
      Path pcap = dir.resolve("doctor.pcap");
      Map<String, Object> doc = DoctorTestServer.runJson(server, env, "--report=" + html, "--pcap=" + pcap);

      int port = server.endpoint().getPort();
      assertThat((List<String>) doc.get("headline")).contains("s3wire doctor: h3 advertised by Alt-Svc (h3=\":" + port
          + "\"; ma=86400), so the h3 rows run over QUIC to 127.0.0.1:" + port + "; only BoringSSL (in Netty's native QUIC"
          + " codec) speaks QUIC, so the jdk h3 row does not run");
      Map<String, Object> schema = (Map<String, Object>) MiniJson.parse(Files.readString(Path.of("..", "docs", "doctor-schema.json"),
          StandardCharsets.UTF_8));
      assertThat(new SchemaValidator(schema).validate(doc)).isEmpty();
      assertThat((List<Object>) doc.get("cells")).hasSize((2 * 3 * 5 + 1 + 5) * 4);

      assertThat(cells(doc, "jdk", "h3")).hasSize(4).allSatisfy(c -> {
        assertThat(c.get("skipped")).isEqualTo("JDK has no QUIC");
        assertThat(c.get("ran")).isEqualTo(false);
      });
      List<Map<String, Object>> h3 = cells(doc, "openssl", "h3");
      assertThat(h3).hasSize(5 * 4);
      assertThat(h3).filteredOn(c -> "normalised".equals(c.get("shape"))).hasSize(4).allSatisfy(c -> {
        assertThat(c.get("passed")).as("%s", c).isEqualTo(true);
        assertThat(((Map<String, Object>) c.get("outcome")).get("protocol")).isEqualTo("h3");
      });
      // The gcs profile resets a host header on h3 as on h2: one finding names both, none is unexplained.
      assertThat(h3).filteredOn(c -> "host-header".equals(c.get("shape")))
          .allSatisfy(c -> assertThat(((Map<String, Object>) c.get("outcome")).get("result")).isEqualTo("H3_MESSAGE_ERROR"));
      assertThat(DoctorTestServer.ids(doc, "problem")).containsExactly("host-header-reset", "checksum-rejected",
          "delete-objects-needs-md5");
      Map<String, Object> host = DoctorTestServer.finding(doc, "host-header-reset");
      assertThat(host.get("title")).isEqualTo("HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR),"
          + " HTTP/3 ones with H3_MESSAGE_ERROR");
      assertThat((String) host.get("whatFails")).contains("; over HTTP/3, 4 cell(s) with H3_MESSAGE_ERROR (PROTOCOL_ERROR's"
          + " HTTP/3 twin): openssl h3 host-header bucket, ");
      assertThat(DoctorTestServer.ids(doc, "note")).contains("connection-header-reset");

      String page = Files.readString(html, StandardCharsets.UTF_8);
      assertThat(page).contains("<tr><td>openssl</td><td>h3</td><td>normalised</td><td class=\"pass\">h3 200 ",
          "<tr><td>jdk</td><td>h3</td><td>normalised</td><td class=\"skip\">JDK has no QUIC</td>",
          "<h3 id=\"cell-openssl-h3-host-header-put\">openssl h3 host-header put: h3 H3_MESSAGE_ERROR ",
          "Capture: no capture for h3: QUIC is not captured");
      assertThat(page).doesNotContain("doctor-openssl-h3.pcap");
      assertThat(dir.resolve("doctor-openssl-h3.pcap")).doesNotExist();
      assertThat(dir.resolve("doctor-jdk-h2-http11.pcap")).exists();
    }
  }

  @Test
  void notAdvertisedAndNotAskedSaysSoInOneLine() throws Exception {
    try (S3Server server = start(false)) {
      Map<String, String> env = env(server);
      CliRun run = CliRun.run(env, "doctor", "--endpoint=" + server.endpoint(), "--bucket=" + DoctorTestServer.BUCKET);
      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.out().lines().filter(l -> l.contains("h3") || l.contains("HTTP/3") || l.contains("QUIC")))
          .containsExactly("s3wire doctor: h3 not tried: no TCP response carried Alt-Svc with h3 (--http3 tries it anyway)");
    }
  }

  @Test
  void withoutTheNativeQuicLibraryTheH3CellsSayWhy() throws Exception {
    try (S3Server server = start(true)) {
      Target target = new Target(server.endpoint(), DoctorTestServer.BUCKET, "us-east-1",
          io.s3wire.auth.Credentials.of(server.accessKey(), server.secretKey()), false, DoctorTestServer.ca(server, dir), null, null);
      MatrixRunner runner = new MatrixRunner(target, java.time.Clock.systemUTC(), null, false, () -> "no library (test)");
      Measurements m = runner.run();

      assertThat(runner.http3().line()).endsWith("so the jdk h3 row does not run, nor the openssl one: no library (test)");
      List<Cell> h3 = m.cells().stream().filter(c -> c.route().http3()).toList();
      assertThat(h3).hasSize((1 + 5) * 4).noneMatch(Cell::ran);
      assertThat(h3.subList(0, 4)).allSatisfy(c -> assertThat(c.text()).isEqualTo("JDK has no QUIC"));
      assertThat(h3.subList(4, h3.size())).allSatisfy(c -> assertThat(c.text()).isEqualTo("no native QUIC"));
      assertThat(m.cells().stream().filter(c -> !c.route().http3() && c.shape() == Shape.NORMALISED)).allMatch(Cell::passed);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void askedWithNoUdpListenerFailsTheH3RowInOneLineAndTheTcpRowsPass() throws Exception {
    try (S3Server server = start(false)) {
      Map<String, String> env = env(server);
      Map<String, Object> doc = DoctorTestServer.runJson(server, env, "--http3");

      int port = server.endpoint().getPort();
      assertThat((List<String>) doc.get("headline")).anyMatch(l -> l.startsWith("s3wire doctor: h3 not advertised (no Alt-Svc"
          + " with h3), tried as --http3 asks, over QUIC to 127.0.0.1:" + port + ";"));
      List<Map<String, Object>> h3 = cells(doc, "openssl", "h3");
      Map<String, Object> first = h3.get(0);
      assertThat(first.get("passed")).isEqualTo(false);
      Map<String, Object> outcome = (Map<String, Object>) first.get("outcome");
      assertThat(outcome.get("protocol")).isNull();
      assertThat((String) outcome.get("message")).startsWith("HTTP/3 (QUIC) ").doesNotContain("\n");
      assertThat(h3.subList(1, h3.size())).allSatisfy(c -> assertThat(c.get("skipped")).isIn("n/a", "no QUIC connection"));

      Map<String, Object> finding = DoctorTestServer.finding(doc, "h3-unreachable");
      assertThat(finding.get("severity")).isEqualTo("note");
      assertThat(finding.get("whatFails")).isEqualTo("openssl h3 normalised bucket: " + outcome.get("message")
          + "; the row's other cells did not run, as each would wait for the same handshake");
      assertThat(finding.get("differs")).isEqualTo("only the transport: the same requests pass over TCP (TLS with HTTP/2 or"
          + " HTTP/1.1) to the same host");
      // The TCP rows are untouched: every normalised cell over TCP passes.
      assertThat(((List<Object>) doc.get("cells")).stream().map(c -> (Map<String, Object>) c)
          .filter(c -> !"h3".equals(c.get("http")) && "normalised".equals(c.get("shape"))))
          .hasSize(2 * 3 * 4).allSatisfy(c -> assertThat(c.get("passed")).as("%s", c).isEqualTo(true));
    }
  }
}
