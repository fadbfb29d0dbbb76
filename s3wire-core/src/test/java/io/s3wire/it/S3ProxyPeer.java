package io.s3wire.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * s3proxy 2.6.0 as a child JVM on a loopback port the OS picked, with an in-memory ("transient")
 * blob store and SigV4 authentication.
 *
 * <p>s3proxy's classpath is its own, resolved by Maven from {@code src/test/peers/s3proxy/pom.xml} (a
 * standalone POM, outside the reactor and our dependency management), because s3proxy drags in Netty
 * 4.1 through the Azure SDK and must never share a classpath with our Netty 4.2. The resolved path is
 * cached in {@code target/s3proxy.classpath}.
 */
public final class S3ProxyPeer implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIDS3WIRETEST";
  public static final String SECRET_KEY = "s3wire-test-secret-key";
  private static final long START_TIMEOUT_SECONDS = 90;

  private final Process process;
  private final int port;
  private final Path log;

  private S3ProxyPeer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts s3proxy and returns once it accepts connections. */
  public static S3ProxyPeer start(Path workDir) throws IOException, InterruptedException, TimeoutException {
    Files.createDirectories(workDir);
    String classpath = classpath(Path.of("target", "s3proxy.classpath"));
    int port = freePort();
    Path props = workDir.resolve("s3proxy-" + port + ".properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused",
        ""), StandardCharsets.UTF_8);
    Path logback = workDir.resolve("s3proxy-logback.xml");
    Files.writeString(logback, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
        + "<encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder></appender>"
        + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>", StandardCharsets.UTF_8);
    Path log = workDir.resolve("s3proxy-" + port + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add("org.gaul.s3proxy.Main");
    cmd.add("--properties");
    cmd.add(props.toAbsolutePath().toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3ProxyPeer peer = new S3ProxyPeer(p, port, log);
    try {
      peer.awaitReady();
    } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
      peer.close();
      throw e;
    }
    return peer;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /**
   * Polls the port until a connection succeeds. Between polls it waits on the child's exit (up to
   * 100 ms), so a child that dies is noticed at once and reported with its log.
   */
  private void awaitReady() throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        // Not listening yet.
      }
      if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
        throw new IOException("s3proxy exited with " + process.exitValue() + " before listening; log:\n" + tail());
      }
    }
    throw new TimeoutException("s3proxy did not listen on port " + port + " within " + START_TIMEOUT_SECONDS + " s; log:\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** The cached classpath, resolving it with Maven (offline when possible) the first time. */
  static synchronized String classpath(Path cache) throws IOException, InterruptedException {
    if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
      return Files.readString(cache, StandardCharsets.UTF_8).trim();
    }
    Path pom = Path.of("src", "test", "peers", "s3proxy", "pom.xml");
    if (!Files.isRegularFile(pom)) {
      throw new IOException("cannot find " + pom.toAbsolutePath() + "; run the tests from the s3wire-core module");
    }
    Files.createDirectories(cache.toAbsolutePath().getParent());
    String mavenHome = System.getProperty("maven.home");
    String mvn = mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
        ? Path.of(mavenHome, "bin", "mvn").toString() : "mvn";
    Path out = cache.toAbsolutePath().resolveSibling("s3proxy-classpath-resolve.log");
    Process p = new ProcessBuilder(mvn, "-B", "-q", "-f", pom.toAbsolutePath().toString(),
        "dependency:build-classpath", "-Dmdep.outputFile=" + cache.toAbsolutePath())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("resolving s3proxy's classpath took over 5 minutes; see " + out);
    }
    if (p.exitValue() != 0 || !Files.isRegularFile(cache)) {
      throw new IOException("resolving s3proxy's classpath failed (exit " + p.exitValue() + "):\n"
          + Files.readString(out, StandardCharsets.UTF_8));
    }
    return Files.readString(cache, StandardCharsets.UTF_8).trim();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
