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
 * {@code --warmup} seconds (2), {@code --client-warmup} seconds (30: untimed PUTs and GETs by each
 * JVM client on each server before any figure), {@code --servers} (memory,file,s3proxy), {@code --clients}
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

  record Settings(int small, List<Integer> inflight, int seconds, int warmup, int clientWarmup, String serverCpu,
      String heap, Path s3proxyClasspath) {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "small", "inflight", "seconds", "warmup", "servers", "clients", "server-cpu",
        "s3proxy-classpath", "heap", "out", "client-warmup");
    Settings s = new Settings((int) a.getSize("small", 4096),
        Arrays.stream(a.get("inflight", "16,64").split(",")).map(String::trim).map(Integer::parseInt).toList(),
        a.getInt("seconds", 5), a.getInt("warmup", 2), a.getInt("client-warmup", 30), a.get("server-cpu", "0"), a.get("heap", "1g"),
        a.getPath("s3proxy-classpath"));
    List<String> servers = List.of(a.get("servers", "memory,file,s3proxy").split(","));
    List<String> clients = List.of(a.get("clients", String.join(",", S3WIRE_H1, S3WIRE_H2X1, S3WIRE_H2X4, SDK,
        RCLONE)).split(","));
    Path dir = Files.createTempDirectory("s3wire-bench-small");
    List<Row> rows = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, ChildJvm> children = new LinkedHashMap<>();
    try {
      // Every server runs for the whole harness (each pinned, idle while another is measured), so
      // that each measure can be taken in both orders: see runClient.
      for (String server : servers) {
        try {
          children.put(server, startServer(server, s, dir));
        } catch (Exception e) {
          failures.add(server + ": did not start: " + e.getMessage());
        }
      }
      for (String clientName : clients) {
        try {
          if (clientName.equals(RCLONE)) {
            for (Map.Entry<String, ChildJvm> e : children.entrySet()) {
              RcloneSmall.run(e.getValue(), e.getKey(), s, dir, rows);
            }
          } else {
            runClient(clientName, children, s, dir, rows);
          }
        } catch (Exception e) {
          failures.add(clientName + ": " + e);
        }
      }
    } finally {
      for (ChildJvm child : children.values()) {
        child.close();
      }
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

  /** One client on one server, with its bucket of seeded objects. */
  private record Pair(String server, ChildJvm child, BenchClient client, String bucket) {}

  /**
   * Measures one client against every server. Each pair first runs {@code --client-warmup} seconds
   * of untimed PUTs and GETs (the client's JIT and the server's alike). Then every figure is taken
   * twice, the servers in order and again in reverse (A B, then B A), and the two averaged: on
   * one run the server measured second came out up to 1.6x faster for the AWS SDK whichever it was,
   * as the client (and its heap) still settled.
   */
  private static void runClient(String clientName, Map<String, ChildJvm> children, Settings s, Path dir,
      List<Row> rows) throws Exception {
    List<Pair> pairs = new ArrayList<>();
    try {
      for (Map.Entry<String, ChildJvm> e : children.entrySet()) {
        if (e.getKey().equals("s3proxy") && clientName.startsWith("s3wire-h2")) {
          continue; // s3proxy (Jetty, as configured) speaks no h2c
        }
        BenchClient c = client(clientName, e.getValue().endpoint(), dir).get();
        pairs.add(new Pair(e.getKey(), e.getValue(), c, "small-" + clientName.replaceAll("[^a-z0-9]", "")));
      }
      byte[] small = new byte[s.small()];
      Arrays.fill(small, (byte) 'x');
      int deepest = s.inflight().stream().max(Integer::compare).orElse(16);
      long warmup = Math.max(s.clientWarmup(), s.warmup()) * 1000L / 2;
      for (Pair p : pairs) {
        p.client().createBucket(p.bucket());
        for (int i = 0; i < 64; i++) {
          p.client().putBytes(p.bucket(), "seed/" + i, small);
        }
        RateLoop.perSecond(deepest, 0, warmup, put(p, small));
        RateLoop.perSecond(deepest, 0, warmup, get(p, s.small()));
      }
      List<Pair> reversed = new ArrayList<>(pairs);
      java.util.Collections.reverse(reversed);
      for (int inflight : s.inflight()) {
        for (String op : List.of("put", "get")) {
          Map<String, Row> first = new LinkedHashMap<>();
          for (Pair p : pairs) {
            first.put(p.server(), measure(p, clientName, op, inflight, s, small));
          }
          for (Pair p : reversed) {
            rows.add(mean(first.get(p.server()), measure(p, clientName, op, inflight, s, small)));
          }
        }
      }
    } finally {
      for (Pair p : pairs) {
        p.client().close();
      }
    }
  }

  private static RateLoop.Call put(Pair p, byte[] small) {
    return (th, n) -> p.client().putBytes(p.bucket(), "t" + th + "/" + (n % 64), small);
  }

  private static RateLoop.Call get(Pair p, int size) {
    return (th, n) -> {
      byte[] b = p.client().getBytes(p.bucket(), "seed/" + ((th + n) % 64));
      if (b.length != size) {
        throw new IOException("received " + b.length + " bytes, expected " + size);
      }
    };
  }

  private static Row measure(Pair p, String client, String op, int inflight, Settings s, byte[] small)
      throws Exception {
    return measure(p.child(), p.server(), client, op, inflight, s, op.equals("put") ? put(p, small) : get(p, s.small()));
  }

  /** The mean of two measures of the same figure; the load before the first and after the second. */
  private static Row mean(Row a, Row b) {
    return new Row(a.server(), a.client(), a.op(), a.inflight(), (a.rate() + b.rate()) / 2,
        meanOf(a.serverCpuPer1000(), b.serverCpuPer1000()), meanOf(a.switchesPerRequest(), b.switchesPerRequest()),
        meanOf(a.clientCpuPer1000(), b.clientCpuPer1000()), a.before(), b.after());
  }

  private static double meanOf(double a, double b) {
    return a < 0 || b < 0 ? -1 : (a + b) / 2;
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
