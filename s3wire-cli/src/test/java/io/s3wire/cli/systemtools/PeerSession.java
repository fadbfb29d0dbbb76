package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TlsProvider;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One peer's session against {@code s3wire serve} (started in this JVM from the {@link ServeOptions} the command
 * builds: a memory store on plain HTTP, a directory store on TLS with the CA written to a file). Each step is one
 * call that runs the peer as a child process, fails the test with the peer's output when it exits non-zero, and
 * prints one line, so a session reads as the list of what the peer did.
 */
final class PeerSession implements AutoCloseable {
  static final String ACCESS_KEY = "peer-access";
  static final String SECRET_KEY = "peer-secret-0123456789abcdefghij";
  private static final long STEP_TIMEOUT_SECONDS = 300;

  /** What a step printed: stdout and stderr apart, since some peers print a URL on one and notices on the other. */
  record Output(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + tail(out) + "\n--- stderr\n" + tail(err);
    }

    private static String tail(String s) {
      return s.length() <= 6000 ? s : "..." + s.substring(s.length() - 6000);
    }
  }

  private final String label;
  private final S3Server server;
  private final Path dir;
  private final Path ca;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Set<HttpProtocol> protocols = EnumSet.noneOf(HttpProtocol.class);

  private PeerSession(String label, S3Server server, Path dir, Path ca) {
    this.label = label;
    this.server = server;
    this.dir = dir;
    this.ca = ca;
    server.addObserver(r -> {
      synchronized (protocols) {
        protocols.add(r.protocol());
      }
    });
    // A clean environment: the machine's AWS_CA_BUNDLE, proxies and config files must not reach the peer.
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    String pyenv = System.getenv("PYENV_ROOT");
    if (pyenv != null) {
      env.put("PYENV_ROOT", pyenv);
    }
    env.put("HOME", dir.resolve("home").toString());
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("AWS_DEFAULT_REGION", "us-east-1");
  }

  /** Starts the server ({@code tls}: TLS with ALPN h2,http/1.1 and a directory store) for {@code peer}'s session. */
  static PeerSession start(String peer, boolean tls, Path dir) throws IOException {
    Files.createDirectories(dir.resolve("home"));
    Path ca = tls ? dir.resolve("s3wire-ca.pem") : null;
    ServeOptions options = new ServeOptions(tls ? dir.resolve("store") : null, "127.0.0.1", 0, tls, TlsProvider.JDK,
        List.of("h2", "http/1.1"), "s3", null, ACCESS_KEY, SECRET_KEY, false, null, null, ca);
    S3Server server = options.start(System.out);
    String label = peer + (tls ? " https" : " http");
    return new PeerSession(label, server, dir, ca);
  }

  String endpoint() {
    return server.endpoint().toString();
  }

  boolean tls() {
    return ca != null;
  }

  /** The server's certificate as a PEM file (what the peer is told to trust), or {@code null} on plain HTTP. */
  Path ca() {
    return ca;
  }

  Path dir() {
    return dir;
  }

  /** Sets an environment variable for every later step. */
  PeerSession env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs {@code command}, prints its first line as the peer's version, and returns it. */
  String version(String... command) throws IOException, InterruptedException {
    Output o = exec(null, command);
    assertThat(o.exitCode()).as("%s: %s\n%s", label, String.join(" ", command), o).isZero();
    String first = (o.out().isBlank() ? o.err() : o.out()).strip().lines().findFirst().orElse("");
    System.out.println("[" + label + "] version: " + first);
    return first;
  }

  /** One step that must succeed; returns what it printed on stdout. */
  String ok(String step, String... command) throws IOException, InterruptedException {
    return okFrom(step, null, command);
  }

  /** One step with {@code stdin} as its standard input, which must succeed; returns its stdout. */
  String okFrom(String step, Path stdin, String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Output o = exec(stdin, command);
    assertThat(o.exitCode()).as("[%s] %s failed: %s\n%s", label, step, String.join(" ", command), o).isZero();
    System.out.printf("[%s] ok   %s (%d ms)%n", label, step, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    return o.out();
  }

  /**
   * A step that fails today because of a server feature another branch is adding: asserts that it fails and
   * that its output names {@code evidence}, so the test flags the day it starts to pass.
   */
  Output knownGap(String step, String missingFeature, String evidence, String... command)
      throws IOException, InterruptedException {
    Output o = exec(null, command);
    assertThat(o.exitCode()).as("[%s] %s now passes: make it an ok step (%s)", label, step, missingFeature).isNotZero();
    assertThat(o.out() + o.err()).as("[%s] %s", label, step).contains(evidence);
    System.out.printf("[%s] GAP  %s: %s%n", label, step, missingFeature);
    return o;
  }

  /** Fetches {@code url} with curl (trusting the server's CA on TLS) and asserts a 200 with {@code expected}'s bytes. */
  void curlGet(String step, String url, Path expected) throws IOException, InterruptedException {
    Path curl = SystemTool.require("curl");
    Path got = dir.resolve("curl-" + System.nanoTime());
    List<String> cmd = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "60", "-o", got.toString(),
        "-w", "%{http_code} %{http_version}"));
    if (ca != null) {
      cmd.addAll(List.of("--cacert", ca.toString()));
    }
    cmd.add(url);
    Output o = exec(null, cmd.toArray(String[]::new));
    if (!o.out().startsWith("200 ")) {
      throw new AssertionError("[" + label + "] " + step + ": curl " + url + "\n" + o + "\nbody: "
          + (Files.exists(got) ? text(got) : ""));
    }
    PeerFiles.assertSameBytes(expected, got);
    System.out.printf("[%s] ok   %s (curl, HTTP/%s)%n", label, step, o.out().substring(4));
  }

  /**
   * Asserts how many of the peer's requests the server answered 501 NotImplemented, which some peers tolerate
   * silently ({@code which}: what they were, for the log); zero for a session with no gap.
   */
  void assertNotImplemented(long expected, String which) {
    assertThat(requests("NotImplemented")).as("[%s] requests answered 501 NotImplemented: %s", label, which)
        .isEqualTo(expected);
    if (expected > 0) {
      System.out.printf("[%s] GAP  %d requests answered 501 NotImplemented: %s%n", label, expected, which);
    }
  }

  /** How many requests of {@code operation} (its AWS name) the server has seen in this session. */
  long requests(String operation) {
    return server.requestCount(operation);
  }

  /** The HTTP versions the peer's requests came over. */
  Set<HttpProtocol> protocols() {
    synchronized (protocols) {
      return EnumSet.copyOf(protocols);
    }
  }

  /** Prints the operations the peer sent, with counts: the session's coverage, for the log. */
  void printOperations() {
    System.out.println("[" + label + "] operations: " + server.requestCounts() + " over " + protocols());
  }

  private Output exec(Path stdin, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(Arrays.asList(command)).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
        : ProcessBuilder.Redirect.from(stdin.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("[" + label + "] " + String.join(" ", command) + " still runs after "
            + STEP_TIMEOUT_SECONDS + " s\n" + new Output(-1, text(out),
            text(err)));
      }
    } finally {
      SystemTool.stop(p);
    }
    return new Output(p.exitValue(), text(out),
        text(err));
  }

  /** A file's text as UTF-8, with malformed bytes replaced (peers print progress bars and the like). */
  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    printOperations();
    server.close();
  }
}
