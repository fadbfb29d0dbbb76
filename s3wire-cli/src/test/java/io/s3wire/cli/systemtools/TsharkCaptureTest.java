package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.ChildJvm;
import io.s3wire.cli.CliRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tshark capture on loopback, decrypted with our key log, shows the same HTTP/2 frames (type and
 * stream id, per direction, in order) as our own trace of the same probe against nghttpd.
 */
@Tag("system-tools")
@Timeout(180)
class TsharkCaptureTest {
  /** HTTP/2 frame types by name, as our trace writes them; tshark prints the numbers. */
  static final Map<String, Integer> TYPES = Map.of("DATA", 0, "HEADERS", 1, "PRIORITY", 2, "RST_STREAM", 3,
      "SETTINGS", 4, "PUSH_PROMISE", 5, "PING", 6, "GOAWAY", 7, "WINDOW_UPDATE", 8);
  /** A frame event in our JSON trace: direction, type, stream, length. */
  static final Pattern FRAME = Pattern.compile(
      "\"event\":\"frame\",\"dir\":\"(send|recv)\",\"type\":\"([A-Z_]+)\",\"stream_id\":(\\d+),\"length\":(\\d+|null)");

  @TempDir Path tmp;

  @ParameterizedTest(name = "--tls {0}")
  @ValueSource(strings = {"openssl", "jdk"})
  void decryptedCaptureMatchesOurTrace(String tls) throws Exception {
    Path tshark = SystemTool.require("tshark");
    SystemTool.require("nghttpd");
    List<List<String>> result = captureProbe(tshark, tls, tmp.resolve("first"));
    if (result.get(1).isEmpty()) {
      // tshark announces "Capturing" a moment before dumpcap sees packets; a capture that missed the
      // ClientHello decrypts nothing. That race is tshark's, not ours: capture once more.
      System.err.println("tshark decrypted nothing (the capture missed the handshake); capturing again");
      result = captureProbe(tshark, tls, tmp.resolve("second"));
    }
    List<String> ours = result.get(0);
    List<String> theirs = result.get(1);
    // Each frame as "send HEADERS 1 52": direction, type, stream and length, a HEADERS frame's being the
    // encoded size of its header block, which our trace reads off the bytes.
    String first = firstStream(ours);
    assertThat(ours).as("our trace").anyMatch(f -> f.matches("send HEADERS " + first + " \\d+"))
        .anyMatch(f -> f.matches("recv HEADERS " + first + " \\d+"));
    List<String> ourSent = ours.stream().filter(f -> f.startsWith("send ")).toList();
    List<String> ourReceived = ours.stream().filter(f -> f.startsWith("recv ")).toList();
    List<String> theirSent = theirs.stream().filter(f -> f.startsWith("send ")).toList();
    List<String> theirReceived = theirs.stream().filter(f -> f.startsWith("recv ")).toList();
    String context = "tshark, decrypted with our key log: " + theirs + "; our trace: " + ours;
    assertThat(theirSent).as(context).isEqualTo(ourSent);
    // The server may answer our close with a GOAWAY after our trace has ended: only that may follow.
    assertThat(theirReceived.size()).as(context).isGreaterThanOrEqualTo(ourReceived.size());
    assertThat(theirReceived.subList(0, ourReceived.size())).as(context).isEqualTo(ourReceived);
    assertThat(theirReceived.subList(ourReceived.size(), theirReceived.size())).as(context).allMatch(f -> f.equals("recv GOAWAY 0"));
  }

  /** Captures one probe against a fresh nghttpd; returns our frames and tshark's decrypted frames. */
  private static List<List<String>> captureProbe(Path tshark, String tls, Path dir) throws Exception {
    Files.createDirectories(dir);
    try (LocalServers.Running server = LocalServers.nghttpd(Files.createDirectories(dir.resolve("nghttpd")))) {
      Path capture = dir.resolve("capture.pcapng");
      Path keys = dir.resolve("keys.log");
      Path trace = dir.resolve("trace.jsonl");
      Process capturing = new ProcessBuilder(tshark.toString(), "-i", "lo", "-f", "tcp port " + server.port(), "-w",
          capture.toString()).redirectOutput(dir.resolve("tshark.out").toFile()).start();
      try {
        awaitCapturing(capturing);
        String[] args = {"probe", "--http", "2", "--tls", tls, "--ca", server.certificate().toString(), "--keylog",
            keys.toString(), "--json", "--trace=" + trace, server.url("/index.html")};
        // A child JVM started as the launcher starts it (the agent serves the JDK provider; BoringSSL
        // writes its own lines): a fresh process per capture, as a user's probe is.
        CliRun run = ChildJvm.runWithAgent(keys, dir, args);
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).as("%s", run).contains("\"protocol\":\"HTTP/2\"", "\"tls_version\":\"TLSv1.3\"");
        // dumpcap writes packets out in batches, and a batch not yet written is lost when capture
        // stops: stop only once the capture file holds the connection's end (a RST, or the server's FIN).
        awaitInCapture(tshark, capture, "tcp.flags.reset == 1 || (tcp.srcport == " + server.port() + " && tcp.flags.fin == 1)");
      } finally {
        SystemTool.stop(capturing);
      }
      List<String> theirs = tsharkFrames(tshark, capture, keys, server.port());
      if (System.getenv("S3WIRE_KEEP_CAPTURE") != null) {
        Path keep = Files.createDirectories(Path.of(System.getenv("S3WIRE_KEEP_CAPTURE"), tls));
        for (Path f : List.of(capture, keys, trace)) {
          Files.copy(f, keep.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return List.of(ourFrames(trace), theirs);
    }
  }

  private static String firstStream(List<String> frames) {
    for (String f : frames) {
      if (f.startsWith("send HEADERS ")) {
        return f.split(" ")[2];
      }
    }
    return "?";
  }

  private static void awaitCapturing(Process tshark) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(tshark.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("Capturing on")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new IllegalStateException("tshark ended before capturing"));
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
    }, "tshark-stderr");
    reader.setDaemon(true);
    reader.start();
    ready.get(30, TimeUnit.SECONDS);
  }

  private static void awaitInCapture(Path tshark, Path capture, String filter) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      Process p = new ProcessBuilder(tshark.toString(), "-r", capture.toString(), "-Y", filter)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      if (!out.isBlank()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the capture never showed '" + filter + "'");
      }
      // dumpcap has not written the packet yet; each look is a new tshark run, so no extra wait.
    }
  }

  /** "send SETTINGS 0", "recv HEADERS 3", ... from our JSON trace, send frames first, then recv frames. */
  private static List<String> ourFrames(Path trace) throws IOException {
    List<String> sent = new ArrayList<>();
    List<String> received = new ArrayList<>();
    for (String line : Files.readAllLines(trace)) {
      Matcher m = FRAME.matcher(line);
      if (m.find()) {
        (m.group(1).equals("send") ? sent : received).add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
      }
    }
    sent.addAll(received);
    return sent;
  }

  /** The same list from the capture, decrypted with the key log. */
  private static List<String> tsharkFrames(Path tshark, Path capture, Path keys, int serverPort) throws Exception {
    Process p = new ProcessBuilder(tshark.toString(), "-r", capture.toString(), "-o", "tls.keylog_file:" + keys,
        "-Y", "http2", "-T", "fields", "-E", "separator=/t", "-e", "tcp.srcport", "-e", "http2.type", "-e", "http2.streamid",
        "-e", "http2.length")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Map<Integer, String> names = new java.util.HashMap<>();
    TYPES.forEach((k, v) -> names.put(v, k));
    List<String> sent = new ArrayList<>();
    List<String> received = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] cols = line.split("\t", -1);
      if (cols.length < 3 || cols[1].isEmpty()) {
        continue;
      }
      boolean fromServer = Integer.parseInt(cols[0].trim()) == serverPort;
      String[] types = cols[1].split(",");
      String[] streams = cols[2].split(",");
      String[] lengths = cols.length > 3 ? cols[3].split(",") : new String[0];
      for (int i = 0; i < types.length; i++) {
        String f = (fromServer ? "recv " : "send ") + names.getOrDefault(Integer.parseInt(types[i].trim()), "TYPE_" + types[i])
            + " " + streams[i].trim() + " " + (i < lengths.length ? lengths[i].trim() : "?");
        (fromServer ? received : sent).add(f);
      }
    }
    sent.addAll(received);
    return sent;
  }
}
