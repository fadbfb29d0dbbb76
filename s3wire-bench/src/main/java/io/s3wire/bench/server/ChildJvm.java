package io.s3wire.bench.server;

import java.io.IOException;
import java.net.InetAddress;
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
 * A server in a child JVM of its own (its own class path and heap), listening on a loopback port
 * chosen here. The servers of the benchmark and of the compatibility table run this way, so none
 * shares the harness's JIT, GC, CPU accounting or class path with the clients. Closing it stops only
 * this child.
 */
public final class ChildJvm implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 120;

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ChildJvm(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmArgs> -cp classpath mainClass <args>} and returns once {@code port}
   * (from {@link #freePort()}, given to the child in its arguments or configuration) accepts
   * connections.
   */
  public static ChildJvm start(String name, Path workDir, List<String> jvmArgs, String classpath, String mainClass,
      List<String> args, int port) throws IOException, InterruptedException, TimeoutException {
    return start(name, workDir, List.of(), jvmArgs, classpath, mainClass, args, port);
  }

  /**
   * As {@link #start(String, Path, List, String, String, List, int)}, with {@code prefix} put before
   * the {@code java} command (e.g. {@code taskset -c 0}, which execs it: the child's pid stays the JVM's).
   */
  public static ChildJvm start(String name, Path workDir, List<String> prefix, List<String> jvmArgs, String classpath,
      String mainClass, List<String> args, int port) throws IOException, InterruptedException, TimeoutException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    Path log = workDir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ChildJvm child = new ChildJvm(name, p, port, log);
    try {
      child.awaitListening();
    } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
      child.close();
      throw e;
    }
    return child;
  }

  /**
   * The child's CPU time so far (user and system, all its threads), in seconds, from {@code
   * /proc/<pid>/stat}; -1 where there is no {@code /proc}.
   */
  public double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.US_ASCII);
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 (utime, stime) are the 12th and 13th after the command name; 100 ticks a second on Linux.
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The voluntary context switches of all the child's live threads so far (each is a thread going
   * to sleep to wait: for a hand-off, a lock, a socket), from {@code /proc/<pid>/task/*\/status};
   * -1 where there is no {@code /proc}. Per request, it counts hand-offs whatever the machine's load.
   */
  public long voluntarySwitches() {
    long total = 0;
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path t : tasks.toList()) {
        try {
          for (String line : Files.readAllLines(t.resolve("status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        } catch (IOException threadEnded) {
          // The thread ended between the listing and the read.
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  public int port() {
    return port;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Polls the port; between polls waits up to 100 ms on the child's exit so a crash is seen at once. */
  private void awaitListening() throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        // Not listening yet.
      }
      if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
        throw new IOException(name + " exited with " + process.exitValue() + " before listening; log:\n" + tail());
      }
    }
    throw new TimeoutException(name + " did not listen within " + START_TIMEOUT_SECONDS + " s; log:\n" + tail());
  }

  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** A loopback port free now (the OS's choice), for a child to bind. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
