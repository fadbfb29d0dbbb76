package io.s3wire.bench.server;

import io.s3wire.bench.Args;
import io.s3wire.bench.RateLoop;
import io.s3wire.bench.report.LoadAverage;
import io.s3wire.http.HttpVersionPolicy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The small-object harness: the rate of 4 KiB PUTs and GETs at several depths of requests in
 * flight, for each server (s3wire's embedded server with its memory store and with its file store,
 * s3proxy 2.6.0 with its transient store) and each client (s3wire over an HTTP/1.1 pool, over one
 * HTTP/2 connection and over several; the AWS SDK v2 with its Apache client; rclone), each server in
 * a child JVM pinned to one core ({@code --server-cpu}) while this JVM runs where it was started
 * (pinned by {@code bench/run.sh} to another core). For every figure it records the server's CPU
 * seconds per 1000 requests, which holds up better than the rate on a shared machine, and the load
 * average around it.
 *
 * <p>Options: {@code --small} (4k), {@code --inflight} (16,64), {@code --seconds} per figure (5),
 * {@code --warmup} seconds (2), {@code --servers} (memory,file,s3proxy), {@code --clients}
 * (s3wire-h1,s3wire-h2x1,s3wire-h2x4,sdk,rclone), {@code --server-cpu} (0; "none" runs unpinned),
 * {@code --s3proxy-classpath}, {@code --heap} (1g), {@code --out}. Each table ends with {@code
 * figure:} lines a script can compare across runs. Exit status 1 when a part failed to run.
 */
public final class SmallBench {
  static final String S3WIRE_H1 = "s3wire-h1";
  static final String S3WIRE_H2X1 = "s3wire-h2x1";
  static final String S3WIRE_H2X4 = "s3wire-h2x4";
  static final String SDK = "sdk";
  static final String RCLONE = "rclone";

  private SmallBench() {}

  /**
   * One figure: a rate with the server's CPU per 1000 requests, the client's (this JVM's; -1 when
   * the client ran elsewhere) and the load average around it.
   */
  record Row(String server, String client, String op, int inflight, double rate, double serverCpuPer1000,
      double switchesPerRequest, double clientCpuPer1000, LoadAverage before, LoadAverage after) {}

  record Settings(int small, List<Integer> inflight, int seconds, int warmup, String serverCpu, String heap,
      Path s3proxyClasspath) {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "small", "inflight", "seconds", "warmup", "servers", "clients", "server-cpu",
        "s3proxy-classpath", "heap", "out");
    Settings s = new Settings((int) a.getSize("small", 4096),
        Arrays.stream(a.get("inflight", "16,64").split(",")).map(String::trim).map(Integer::parseInt).toList(),
        a.getInt("seconds", 5), a.getInt("warmup", 2), a.get("server-cpu", "0"), a.get("heap", "1g"),
        a.getPath("s3proxy-classpath"));
    List<String> servers = List.of(a.get("servers", "memory,file,s3proxy").split(","));
    List<String> clients = List.of(a.get("clients", String.join(",", S3WIRE_H1, S3WIRE_H2X1, S3WIRE_H2X4, SDK,
        RCLONE)).split(","));
    Path dir = Files.createTempDirectory("s3wire-bench-small");
    List<Row> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try {
      for (String server : servers) {
        runServer(server, clients, s, dir, rows, failures);
      }
    } finally {
      deleteTree(dir);
    }
    String report = SmallReport.markdown(s, servers, clients, rows, failures);
    System.out.print(report);
    Path out = a.getPath("out");
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  private static void runServer(String server, List<String> clients, Settings s, Path dir, List<Row> rows,
      List<String> failures) throws Exception {
    ChildJvm child;
    try {
      child = startServer(server, s, dir);
    } catch (Exception e) {
      failures.add(server + ": did not start: " + e.getMessage());
      return;
    }
    try (child) {
      for (String clientName : clients) {
        if (server.equals("s3proxy") && clientName.startsWith("s3wire-h2")) {
          continue; // s3proxy (Jetty, as configured) speaks no h2c
        }
        try {
          if (clientName.equals(RCLONE)) {
            RcloneSmall.run(child, server, s, dir, rows);
          } else {
            try (BenchClient c = client(clientName, child.endpoint(), dir).get()) {
              runClient(c, clientName, child, server, s, rows);
            }
          }
        } catch (Exception e) {
          failures.add(server + ", " + clientName + ": " + e);
        }
      }
    }
  }

  static Supplier<BenchClient> client(String name, String endpoint, Path dir) {
    Path noAwsHome = dir.resolve("no-aws-home");
    String ak = ServerBench.ACCESS_KEY;
    String sk = ServerBench.SECRET_KEY;
    return switch (name) {
      case S3WIRE_H1 -> () -> new S3wireBenchClient(endpoint, ak, sk, noAwsHome, HttpVersionPolicy.HTTP_1_1, 1);
      case S3WIRE_H2X1 -> () -> new S3wireBenchClient(endpoint, ak, sk, noAwsHome, HttpVersionPolicy.HTTP_2, 1);
      case S3WIRE_H2X4 -> () -> new S3wireBenchClient(endpoint, ak, sk, noAwsHome, HttpVersionPolicy.HTTP_2, 4);
      case SDK -> () -> new SdkBenchClient(endpoint, ak, sk);
      default -> throw new IllegalArgumentException("unknown client " + name + " (s3wire-h1, s3wire-h2x1, "
          + "s3wire-h2x4, sdk, rclone)");
    };
  }

  private static void runClient(BenchClient c, String clientName, ChildJvm child, String server, Settings s,
      List<Row> rows) throws Exception {
    String bucket = "small-" + clientName.replaceAll("[^a-z0-9]", "");
    c.createBucket(bucket);
    byte[] small = new byte[s.small()];
    Arrays.fill(small, (byte) 'x');
    for (int i = 0; i < 64; i++) {
      c.putBytes(bucket, "seed/" + i, small);
    }
    // Both operations warm the server's JIT before either is counted, so that neither pays for the other's compiling.
    int deepest = s.inflight().stream().max(Integer::compare).orElse(16);
    RateLoop.perSecond(deepest, 0, s.warmup() * 1000L, (th, n) -> c.putBytes(bucket, "t" + th + "/" + (n % 64), small));
    RateLoop.perSecond(deepest, 0, s.warmup() * 1000L, (th, n) -> c.getBytes(bucket, "seed/" + ((th + n) % 64)));
    for (int inflight : s.inflight()) {
      rows.add(measure(child, server, clientName, "put", inflight, s,
          (th, n) -> c.putBytes(bucket, "t" + th + "/" + (n % 64), small)));
      rows.add(measure(child, server, clientName, "get", inflight, s, (th, n) -> {
        byte[] b = c.getBytes(bucket, "seed/" + ((th + n) % 64));
        if (b.length != s.small()) {
          throw new IOException("received " + b.length + " bytes, expected " + s.small());
        }
      }));
    }
  }

  private static Row measure(ChildJvm child, String server, String client, String op, int inflight, Settings s,
      RateLoop.Call call) throws Exception {
    LoadAverage before = LoadAverage.now();
    double[] cpu = new double[2];
    long[] switches = new long[2];
    long[] own = new long[2];
    double rate = RateLoop.perSecond(inflight, s.warmup() * 1000L, s.seconds() * 1000L, call, () -> {
      cpu[0] = child.cpuSeconds();
      switches[0] = child.voluntarySwitches();
      own[0] = ownCpuNanos();
    }, () -> {
      cpu[1] = child.cpuSeconds();
      switches[1] = child.voluntarySwitches();
      own[1] = ownCpuNanos();
    });
    double requests = rate * s.seconds();
    double per1000 = cpu[0] < 0 || requests <= 0 ? -1 : (cpu[1] - cpu[0]) / requests * 1000;
    double perRequest = switches[0] < 0 || requests <= 0 ? -1 : (switches[1] - switches[0]) / requests;
    double clientPer1000 = own[0] < 0 || requests <= 0 ? -1 : (own[1] - own[0]) / 1e9 / requests * 1000;
    return new Row(server, client, op, inflight, rate, per1000, perRequest, clientPer1000, before, LoadAverage.now());
  }

  /** This JVM's CPU time, every thread (the client's and this harness's own small share). */
  private static long ownCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  static Row row(String server, String client, String op, int inflight, double rate, double per1000,
      double switchesPerRequest, LoadAverage before) {
    return new Row(server, client, op, inflight, rate, per1000, switchesPerRequest, -1, before, LoadAverage.now());
  }

  private static ChildJvm startServer(String server, Settings s, Path dir) throws Exception {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + s.heap(), "-Xms" + s.heap()));
    String extraJvm = System.getenv("BENCH_SERVER_JVM_ARGS");
    if (extraJvm != null && !extraJvm.isBlank()) {
      jvm.addAll(List.of(extraJvm.trim().split("\\s+")));
    }
    List<String> prefix = s.serverCpu().equals("none") ? List.of() : List.of("taskset", "-c", s.serverCpu());
    int port = ChildJvm.freePort();
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port),
        "--access-key", ServerBench.ACCESS_KEY, "--secret-key", ServerBench.SECRET_KEY));
    switch (server) {
      case "memory" -> { }
      case "file" -> args.addAll(List.of("--dir", Files.createDirectories(dir.resolve("file-store")).toString()));
      case "s3proxy" -> {
        return S3proxyChild.start(dir, prefix, jvm, s.s3proxyClasspath(), port, 1L << 20);
      }
      default -> throw new IllegalArgumentException("unknown server " + server + " (memory, file, s3proxy)");
    }
    return ChildJvm.start("embedded-" + server, dir, prefix, jvm, System.getProperty("java.class.path"),
        EmbeddedServerMain.class.getName(), args, port);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static Map<String, Row> index(List<Row> rows) {
    Map<String, Row> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.put(r.server() + "|" + r.client() + "|" + r.op() + "|" + r.inflight(), r);
    }
    return m;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
