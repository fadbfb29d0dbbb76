package io.s3wire.server.crashloop;

import io.s3wire.server.CrashServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A file-store server in a lean child JVM ({@link CrashServerMain}) that the crash loop kills with
 * SIGKILL. A daemon thread drains the child's output: it hands over the store's open time and the
 * port, and keeps the last lines for a failure message.
 */
final class ChildServer {
  /**
   * JVM options for a fast start: the child's start dominates each iteration. C1 only (no C2
   * compile threads competing for 2 shared cores), the JDK's class-data archive, a small heap
   * with the serial collector.
   */
  static final List<String> LEAN_JVM = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-Xmx96m", "-Xss512k", "-XX:CICompilerCount=1");

  private final Process process;
  private final CompletableFuture<Long> openMicros = new CompletableFuture<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final ArrayDeque<String> tail = new ArrayDeque<>();

  private ChildServer(Process process) {
    this.process = process;
    Thread drain = new Thread(this::drain, "crashloop-child-output");
    drain.setDaemon(true);
    drain.start();
  }

  /** Starts a child serving the store at {@code dir}. */
  static ChildServer start(Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>();
    command.add(java);
    command.addAll(LEAN_JVM);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashServerMain.class.getName(),
        dir.toString()));
    return new ChildServer(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void drain() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("OPENED ")) {
          openMicros.complete(Long.parseLong(line.substring(7).trim()));
        } else if (line.startsWith("PORT ")) {
          port.complete(Integer.parseInt(line.substring(5).trim()));
        }
        synchronized (tail) {
          tail.add(line);
          if (tail.size() > 40) {
            tail.removeFirst();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // The child was killed mid-line: nothing more to read.
    } finally {
      IllegalStateException ended = new IllegalStateException("the child ended before it served; its last output: "
          + output());
      openMicros.completeExceptionally(ended);
      port.completeExceptionally(ended);
    }
  }

  /** Waits (bounded) until the child serves; its port. */
  int awaitPort(long timeoutSeconds) throws Exception {
    try {
      return port.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the store did not open and serve within " + timeoutSeconds + " s; output: "
          + output(), e);
    }
  }

  /** The time {@code ObjectStore.file} took in the child, in microseconds; after {@link #awaitPort}. */
  long openMicros() throws Exception {
    return openMicros.get(1, TimeUnit.SECONDS);
  }

  /** SIGKILL (destroyForcibly on Linux), and waits (bounded) until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the killed child did not end within 60 s");
    }
  }

  long pid() {
    return process.pid();
  }

  String output() {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }
}
