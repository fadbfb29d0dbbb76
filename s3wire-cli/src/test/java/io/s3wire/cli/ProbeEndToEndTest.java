package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.local.LocalS3Target;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code s3wire probe} through the real entry point, in this JVM, against the embedded S3 server. */
@Timeout(60)
class ProbeEndToEndTest {
  @TempDir Path tmp;

  @Test
  void readmeMainJobShowsProtocolTlsStatusAndFrames() {
    CliRun run = CliRun.run("probe", "--local", "--trace");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    // The timeline first, then the summary.
    assertThat(lines.get(0)).matches("\\[  0\\.000\\] c1 connected to 127\\.0\\.0\\.1:\\d+ from 127\\.0\\.0\\.1:\\d+ \\(TLS\\)");
    assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 TLS handshake done: TLSv1\\.3 TLS_\\w+ \\(provider JDK\\)"));
    assertThat(lines).contains(
        "          ALPN: h2,http/1.1 -> h2",
        "          peer: CN=s3wire server",
        "          ; END_STREAM | END_HEADERS",
        "          :method: GET",
        "          :path: /",
        "          :status: 200");
    assertThat(lines).anyMatch(l -> l.matches("          \\[SETTINGS_MAX_CONCURRENT_STREAMS\\(0x03\\):\\d+\\]"));
    assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 send HEADERS frame <length=\\d+, flags=0x05, stream_id=\\d+>"));
    assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 recv DATA frame <length=\\d+, flags=0x01, stream_id=\\d+>"));
    int summary = lines.size() - 9;
    assertThat(lines.get(summary)).matches("GET https://127\\.0\\.0\\.1:\\d+/");
    assertThat(lines.subList(summary + 1, lines.size())).satisfiesExactly(
        l -> assertThat(l).isEqualTo("policy:   NEGOTIATE_WITH_FALLBACK, ALPN offer (per policy)"),
        l -> assertThat(l).isEqualTo("protocol: HTTP/2"),
        l -> assertThat(l).matches("TLS:      TLSv1\\.3, TLS_\\w+ \\(provider JDK\\)"),
        l -> assertThat(l).isEqualTo("ALPN:     h2,http/1.1 -> h2"),
        l -> assertThat(l).matches("peer:     CN=s3wire server \\(valid \\S+Z to \\S+Z\\)"),
        l -> assertThat(l).isEqualTo("status:   200"),
        l -> assertThat(l).matches("body:     [1-9]\\d* bytes"),
        l -> assertThat(l).isEqualTo("h3:       not tried: the response carried no Alt-Svc with h3 (--http 3 probes HTTP/3 directly)"));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (String tls : List.of("jdk", "openssl")) {
      // ALPN offer per policy.
      cases.add(Arguments.of(tls, "1.1", null, "HTTP/1.1"));
      cases.add(Arguments.of(tls, "2", null, "HTTP/2"));
      cases.add(Arguments.of(tls, "negotiate", null, "HTTP/2"));
      cases.add(Arguments.of(tls, "auto", null, "HTTP/2"));
      // h2 and http/1.1 offered: the server prefers h2, which HTTP/1.1-only cannot accept.
      cases.add(Arguments.of(tls, "1.1", "h2,http/1.1", "exit 1: ALPN: the server selected 'h2' but version policy HTTP_1_1 needs http/1.1"));
      cases.add(Arguments.of(tls, "2", "h2,http/1.1", "HTTP/2"));
      cases.add(Arguments.of(tls, "negotiate", "h2,http/1.1", "HTTP/2"));
      cases.add(Arguments.of(tls, "auto", "h2,http/1.1", "HTTP/2"));
      // Only http/1.1 offered, or no ALPN at all: HTTP/1.1, and HTTP/2-only is a usage error.
      for (String alpn : List.of("http/1.1", "none")) {
        cases.add(Arguments.of(tls, "1.1", alpn, "HTTP/1.1"));
        cases.add(Arguments.of(tls, "2", alpn, "exit 2"));
        cases.add(Arguments.of(tls, "negotiate", alpn, "HTTP/1.1"));
        cases.add(Arguments.of(tls, "auto", alpn, "HTTP/1.1"));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "--tls {0} --http {1} --alpn {2} => {3}")
  @MethodSource("matrix")
  void providerAlpnPolicyMatrix(String tls, String http, String alpn, String expected) {
    List<String> args = new ArrayList<>(List.of("probe", "--local", "--tls", tls, "--http", http));
    if (alpn != null) {
      args.add("--alpn=" + alpn);
    }
    CliRun run = CliRun.run(args.toArray(String[]::new));
    if (expected.startsWith("HTTP")) {
      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.out()).as("%s", run).contains("protocol: " + expected + "\n", "status:   200\n",
          "(provider " + tls.toUpperCase(java.util.Locale.ROOT) + ")");
    } else if (expected.equals("exit 2")) {
      assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
      assertThat(run.err()).as("%s", run).startsWith("versionPolicy HTTP_2 and alpnOffer " + alpn + " clash");
    } else {
      assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
      assertThat(run.err()).as("%s", run).isEqualTo("s3wire: probe failed: " + expected.substring("exit 1: ".length()) + "\n");
    }
  }

  @Test
  void jsonLinesCarryTheTraceAndTheResult() {
    CliRun run = CliRun.run("probe", "--local", "--trace", "--json", "--http", "1.1");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).allMatch(l -> l.startsWith("{\"") && l.endsWith("}"));
    assertThat(lines.get(0)).matches("\\{\"t_ms\":0\\.000,\"conn\":\"c1\",\"event\":\"connection_opened\",\"remote\":\"127\\.0\\.0\\.1:\\d+\",.*");
    assertThat(lines).anyMatch(l -> l.contains("\"event\":\"http1_request\",\"dir\":\"send\",\"method\":\"GET\",\"target\":\"/\""));
    assertThat(lines).anyMatch(l -> l.contains("\"event\":\"http1_response\",\"dir\":\"recv\",\"status\":200,\"reason\":\"OK\""));
    assertThat(lines.get(lines.size() - 1)).matches(
        "\\{\"event\":\"probe_result\",\"method\":\"GET\",\"url\":\"https://127\\.0\\.0\\.1:\\d+/\",\"policy\":\"HTTP_1_1\","
            + "\"protocol\":\"HTTP/1\\.1\",\"status\":200,\"body_bytes\":[1-9]\\d*,\"tls_provider\":\"JDK\",\"tls_version\":\"TLSv1\\.3\","
            + "\"cipher\":\"TLS_\\w+\",\"alpn_offered\":\\[\"http/1\\.1\"\\],\"alpn_selected\":\"http/1\\.1\","
            + "\"peer_subject\":\"CN=s3wire server\",\"fallbacks\":\\[\\],\"warnings\":\\[\\],"
            + "\"h3\":\"not tried: the response carried no Alt-Svc with h3 \\(--http 3 probes HTTP/3 directly\\)\"\\}");
  }

  @Test
  void traceFileGetsTheTimelineAndStdoutOnlyTheSummary() throws IOException {
    Path file = tmp.resolve("trace.txt");
    CliRun run = CliRun.run("probe", "--local", "--trace=" + file, "--head");
    assertThat(run.exitCode()).as("%s", run).isZero();
    // The server's status for HEAD of the service is its business; what the probe shows is ours.
    assertThat(run.out()).doesNotContain("frame <").containsPattern("(?m)^status:   \\d{3}$").contains("body:     0 bytes\n")
        .startsWith("HEAD https://");
    List<String> trace = Files.readAllLines(file);
    assertThat(trace.get(0)).startsWith("[  0.000] c1 connected to 127.0.0.1:");
    assertThat(trace).contains("          :method: HEAD", "          ; END_STREAM | END_HEADERS");
  }

  @Test
  void insecureIsAWarningInTheSummary() {
    CliRun run = CliRun.run("probe", "--local", "--insecure");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).containsPattern("(?m)^warning:  .*");
  }

  @Test
  void untrustedCertificateFailsWithOneLine() {
    try (LocalS3Target responder = LocalS3Target.start()) {
      CliRun run = CliRun.run("probe", "--trace", responder.uri().toString());
      assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
      assertThat(run.err()).as("%s", run).startsWith("s3wire: probe failed: ").endsWith("\n");
      assertThat(run.err().lines()).hasSize(1);
      assertThat(run.out()).as("%s", run).contains("TLS handshake failed (provider JDK, ALPN h2,http/1.1)");
    }
  }

  @Test
  void trustedWithCaFileSucceeds() {
    try (LocalS3Target responder = LocalS3Target.start()) {
      CliRun run = CliRun.run("probe", "--ca", responder.caFile().toString(), responder.uri().toString());
      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.out()).contains("protocol: HTTP/2\n");
    }
  }

  @Test
  void refusedConnectionFailsWithOneLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.run("probe", "--json", "https://127.0.0.1:" + port + "/");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("s3wire: probe failed: ");
    assertThat(run.out()).startsWith("{\"event\":\"probe_failed\",\"method\":\"GET\",\"url\":\"https://127.0.0.1:" + port + "/\"");
  }

  @Test
  void keyLogWithOpenSslWritesTls13Secrets() throws IOException {
    Path keys = tmp.resolve("keys.log");
    CliRun run = CliRun.run("probe", "--local", "--tls", "openssl", "--keylog", keys.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(Files.readAllLines(keys)).anyMatch(l -> l.matches("CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+"))
        .anyMatch(l -> l.startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET "))
        .anyMatch(l -> l.startsWith("CLIENT_TRAFFIC_SECRET_0 "))
        .anyMatch(l -> l.startsWith("SERVER_TRAFFIC_SECRET_0 "));
  }

  @Test
  void keyLogFromEnvironmentWithJdkButNoAgentSaysWhatToDo() {
    CliRun run = CliRun.run(Map.of("SSLKEYLOGFILE", tmp.resolve("k").toString()), "probe", "--local");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
    assertThat(run.err()).isEqualTo("s3wire: probe failed: --keylog: the JDK TLS provider cannot export TLS 1.3 secrets"
        + " by itself: run through the ./s3wire launcher, which attaches the extract-tls-secrets agent, or use --tls openssl\n");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("choose a command", "probe");
  }
}
