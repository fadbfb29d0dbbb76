package io.s3wire.cli.systemtools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Finds system tools, skipping loudly when one is missing, and runs them as child processes. */
final class SystemTool {
  private SystemTool() {}

  /**
   * The tool's path. When it is not installed the test is skipped with a message naming the tool, except under
   * CI ({@code CI=true}), where .ci/run installs every tool this suite uses: there a missing tool fails the test.
   */
  static Path require(String name) {
    return require(name, find(name), packageOf(name));
  }

  /** {@link #require(String)} for a tool found elsewhere than on PATH ({@code found} null when missing). */
  static Path require(String name, Path found, String howToInstall) {
    if (found == null) {
      String msg = "'" + name + "' is not installed (" + howToInstall + "); .ci/run installs it";
      if (underCi()) {
        throw new AssertionError("FAILED (system-tools, CI=true): " + msg);
      }
      System.err.println("SKIPPED (system-tools): " + msg);
      System.out.println("SKIPPED (system-tools): " + msg);
    }
    assumeTrue(found != null, "'" + name + "' is not installed");
    return found;
  }

  /** Whether this runs under CI (.ci/run), where a missing tool is a failure, not a skip. */
  static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  static Path find(String name) {
    return find(name, null);
  }

  /** The first executable {@code name} on PATH (then /usr/sbin, /sbin) that is not {@code excluded}. */
  static Path find(String name, Path excluded) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !p.equals(excluded)) {
        return p;
      }
    }
    return null;
  }

  private static String packageOf(String tool) {
    return switch (tool) {
      case "nghttpd" -> "apt-get install nghttp2-server";
      case "nghttp" -> "apt-get install nghttp2-client";
      default -> "apt-get install " + tool;
    };
  }

  /** A port the OS says is free now (a server started right after binds it). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  /**
   * Waits until something accepts TCP connections on 127.0.0.1:{@code port}, or fails after {@code
   * timeout}; fails at once if {@code process} died (its output is in {@code log}).
   */
  static void awaitListening(Process process, int port, Duration timeout, Path log) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + " before listening on " + port + ": "
            + (Files.exists(log) ? Files.readString(log) : ""));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException refused) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("nothing listens on " + port + " after " + timeout + ": "
              + (Files.exists(log) ? Files.readString(log) : ""));
        }
        // The server is still starting: retry shortly (there is no readiness signal to wait on).
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
  }

  /** Stops a child process by its PID (TERM, then KILL after 5 s) and waits for it. */
  static void stop(Process process) {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
