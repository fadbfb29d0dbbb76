package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --pcap}: tshark reads the file as written, with no key log, no decode-as option and no
 * capture privileges, and shows the HTTP/2 frames our trace shows, in order; the doctor's captures
 * hold no signature, and its report links them.
 */
@Tag("system-tools")
@Timeout(180)
class PcapTsharkTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "--tls {0}")
  @ValueSource(strings = {"openssl", "jdk"})
  void tsharkShowsTheTracesFrames(String tls) throws Exception {
    Path tshark = SystemTool.require("tshark");
    SystemTool.require("nghttpd");
    try (LocalServers.Running server = LocalServers.nghttpd(Files.createDirectories(tmp.resolve("nghttpd")))) {
      Path pcap = tmp.resolve("probe.pcap");
      Path trace = tmp.resolve("trace.jsonl");
      CliRun run = CliRun.run("probe", "--http", "2", "--tls", tls, "--ca", server.certificate().toString(), "--json",
          "--trace=" + trace, "--pcap", pcap.toString(), server.url("/index.html"));
      assertThat(run.exitCode()).as("%s", run).isZero();
      List<String> ours = ourFrames(trace);
      List<String> theirs = tsharkFrames(tshark, pcap);
      assertThat(ours).as("our trace").contains("send HEADERS 1", "recv HEADERS 1", "recv DATA 1");
      // Per direction: the capture orders the two directions by socket read, the trace by the codec's
      // handling, and one read can carry the frames the codec answers in between.
      for (String dir : List.of("send ", "recv ")) {
        assertThat(theirs.stream().filter(f -> f.startsWith(dir)).toList()).as("tshark -r %s: %s; our trace: %s", pcap, theirs, ours)
            .isEqualTo(ours.stream().filter(f -> f.startsWith(dir)).toList());
      }
      // The command probe prints runs as printed and shows the frames.
      Matcher printed = Pattern.compile("read it with: (tshark .*)").matcher(run.err());
      assertThat(printed.find()).as("%s", run).isTrue();
      assertThat(printed.group(1)).isEqualTo("tshark -r " + pcap.toAbsolutePath() + " -Y 'http || http2'");
      Process p = new ProcessBuilder("sh", "-c", printed.group(1).replaceFirst("^tshark", tshark.toString()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(shown).contains("HTTP2").contains("HEADERS[1]: GET /index.html").contains("DATA[1]");
    }
  }

  /**
   * A storage command with a session token, over HTTP/1.1 and h2c: tshark's requests and responses
   * (or frames) are the trace's, and neither the raw bytes nor tshark's decoding of every header
   * (HPACK's Huffman code included) holds the secret key, the session token or a signature.
   */
  @ParameterizedTest(name = "--http {0}")
  @ValueSource(strings = {"1.1", "2"})
  void storageCommandCaptureMatchesTheTraceAndHoldsNoSecret(String http) throws Exception {
    Path tshark = SystemTool.require("tshark");
    String secret = "pcap-test-secret-0123456789abcdefghijklm";
    String token = "pcapTestSessionToken0123456789abcdefghijklmnopqrstuvwxyz";
    try (S3Server server = S3Server.builder().credentials("pcap-test-key", secret).build().start()) {
      server.store().createBucket("captured");
      Path file = Files.writeString(tmp.resolve("upload.txt"), "hello capture\n");
      Path pcap = tmp.resolve("cp.pcap");
      Path trace = tmp.resolve("cp.jsonl");
      Map<String, String> env = Map.of("HOME", tmp.toString(), "AWS_ACCESS_KEY_ID", "pcap-test-key", "AWS_SECRET_ACCESS_KEY",
          secret, "AWS_SESSION_TOKEN", token, "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");
      CliRun run = CliRun.run(env, "cp", file.toString(), "s3://captured/k.txt", "--endpoint", server.endpoint().toString(),
          "--http", http, "--json", "--trace=" + trace, "--pcap", pcap.toString());
      assertThat(run.exitCode()).as("%s", run).isZero();
      List<String> ours = http.equals("2") ? ourFrames(trace) : ourHeads(trace);
      List<String> theirs = http.equals("2") ? tsharkFrames(tshark, pcap) : tsharkHeads(tshark, pcap);
      assertThat(ours).as("our trace").anyMatch(f -> f.startsWith("send ")).anyMatch(f -> f.startsWith("recv "));
      for (String dir : List.of("send ", "recv ")) {
        assertThat(theirs.stream().filter(f -> f.startsWith(dir)).toList()).as("tshark -r %s: %s; our trace: %s", pcap, theirs, ours)
            .isEqualTo(ours.stream().filter(f -> f.startsWith(dir)).toList());
      }
      String raw = new String(Files.readAllBytes(pcap), StandardCharsets.ISO_8859_1);
      // -V shortens long lines: the header fields, whole, are what shows the masks.
      String verbose = String.join("\n", tshark(tshark, "-r", pcap.toString(), "-V"));
      String headers = String.join("\n", tshark(tshark, "-r", pcap.toString(), "-T", "fields", "-E", "occurrence=a",
          "-e", "http.request.line", "-e", "http.response.line", "-e", "http2.header.value"));
      for (String text : List.of(raw, verbose, headers)) {
        assertThat(text).doesNotContain(secret).doesNotContain(token).doesNotContainPattern("(?i)signature=[0-9a-f]{64}");
      }
      assertThat(headers).as("tshark decoded the masked headers").contains("*".repeat(token.length()))
          .containsPattern("AWS4-HMAC-SHA256 Credential=\\*+, SignedHeaders=[a-z0-9;-]+, Signature=\\*{64}");
    }
  }

  @Test
  void doctorCapturesHoldNoSignatureAndTheReportLinksThem() throws Exception {
    Path tshark = SystemTool.require("tshark");
    Path report = tmp.resolve("report.html");
    CliRun run = CliRun.run(Map.of("AWS_EC2_METADATA_DISABLED", "true"), "doctor", "--report", report.toString(),
        "--pcap", tmp.resolve("doctor.pcap").toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<Path> captures;
    try (Stream<Path> files = Files.list(tmp)) {
      captures = files.filter(f -> f.getFileName().toString().endsWith(".pcap")).sorted().toList();
    }
    // The embedded server speaks TLS: one capture per TLS route, and one for the setup and probes.
    assertThat(captures).extracting(f -> f.getFileName().toString()).contains("doctor.pcap", "doctor-jdk-h2-http11.pcap",
        "doctor-jdk-http11.pcap");
    String html = Files.readString(report);
    // Its HTTP/2 rows fail the host-header cells: each failing cell links its route's capture.
    Matcher link = Pattern.compile("Capture: <a href=\"([^\"]+)\">").matcher(html);
    List<String> links = new ArrayList<>();
    while (link.find()) {
      links.add(link.group(1));
    }
    assertThat(links).as("capture links in the report").contains("doctor-jdk-h2-http11.pcap")
        .allSatisfy(l -> assertThat(tmp.resolve(l)).isRegularFile());
    assertThat(html).contains("<code>tshark -r " + tmp.resolve("doctor-jdk-h2-http11.pcap").toAbsolutePath() + " -Y 'http || http2'</code>");
    assertThat(run.out()).contains("captures: " + tmp.resolve("doctor.pcap") + " (setup and probes) and "
        + tmp.resolve("doctor-ROUTE.pcap") + " per route (no capture for h3: QUIC is not captured); read one with: tshark -r "
        + tmp.resolve("doctor.pcap").toAbsolutePath());
    // The embedded server serves h3 too: its failing cells say there is no capture rather than link a missing file.
    assertThat(html).contains("Capture: no capture for h3: QUIC is not captured");
    assertThat(captures).extracting(f -> f.getFileName().toString()).noneMatch(n -> n.contains("h3"));
    Pattern hexSignature = Pattern.compile("Signature=[0-9a-f]{64}");
    int authorizations = 0;
    for (Path capture : captures) {
      String raw = new String(Files.readAllBytes(capture), StandardCharsets.ISO_8859_1);
      assertThat(hexSignature.matcher(raw).find()).as("a signature in the bytes of %s", capture).isFalse();
      for (String field : List.of("http.authorization", "http2.header.value")) {
        for (String value : tshark(tshark, "-r", capture.toString(), "-Y", field.startsWith("http2") ? "http2.header.name == \"authorization\"" : field,
            "-T", "fields", "-e", field.startsWith("http2") ? "http2.headers.authorization" : field)) {
          for (String v : value.split(",(?=AWS4)")) {
            assertThat(v).as("%s in %s", field, capture).matches("AWS4-HMAC-SHA256 Credential=\\*+, SignedHeaders=[a-z0-9;-]+, Signature=\\*{64}");
            authorizations++;
          }
        }
      }
    }
    assertThat(authorizations).as("authorization headers tshark decoded").isGreaterThan(10);
  }

  private static List<String> tshark(Path tshark, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(tshark.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("tshark %s", List.of(args)).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }

  /** "send PUT /captured/k.txt", "recv 200", ... from our JSON trace's HTTP/1.1 heads, in order. */
  private static List<String> ourHeads(Path trace) throws Exception {
    Pattern head = Pattern.compile("\"event\":\"http1_(?:request\",\"dir\":\"send\",\"method\":\"([A-Z]+)\",\"target\":\"([^\"]*)\""
        + "|response\",\"dir\":\"recv\",\"status\":(\\d+))");
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(trace)) {
      Matcher m = head.matcher(line);
      if (m.find()) {
        out.add(m.group(1) != null ? "send " + m.group(1) + " " + m.group(2) : "recv " + m.group(3));
      }
    }
    return out;
  }

  /** The same list from the capture, as tshark's HTTP dissector reads it. */
  private static List<String> tsharkHeads(Path tshark, Path pcap) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : tshark(tshark, "-r", pcap.toString(), "-Y", "http", "-T", "fields", "-E", "separator=/t",
        "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code")) {
      String[] cols = line.split("\t", -1);
      out.add(cols[0].isEmpty() ? "recv " + cols[2] : "send " + cols[0] + " " + cols[1]);
    }
    return out;
  }

  /** "send SETTINGS 0", "recv HEADERS 1", ... from our JSON trace, in order. */
  private static List<String> ourFrames(Path trace) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(trace)) {
      Matcher m = TsharkCaptureTest.FRAME.matcher(line);
      if (m.find()) {
        out.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
      }
    }
    return out;
  }

  /** The same list from the capture: port 80 is the server's side. */
  private static List<String> tsharkFrames(Path tshark, Path pcap) throws Exception {
    Map<Integer, String> names = new java.util.HashMap<>();
    TsharkCaptureTest.TYPES.forEach((k, v) -> names.put(v, k));
    List<String> out = new ArrayList<>();
    for (String line : tshark(tshark, "-r", pcap.toString(), "-Y", "http2", "-T", "fields", "-E", "separator=/t",
        "-e", "tcp.srcport", "-e", "http2.type", "-e", "http2.streamid")) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 3 || cols[1].isEmpty()) {
        continue;
      }
      String dir = Integer.parseInt(cols[0].trim()) == 80 ? "recv " : "send ";
      String[] types = cols[1].split(",");
      String[] streams = cols[2].split(",");
      for (int i = 0; i < types.length; i++) {
        out.add(dir + names.getOrDefault(Integer.parseInt(types[i].trim()), "TYPE_" + types[i]) + " " + streams[i].trim());
      }
    }
    return out;
  }
}
