package io.s3wire.bench.link;

import io.s3wire.S3Client;
import io.s3wire.bench.Args;
import io.s3wire.bench.report.LoadAverage;
import io.s3wire.bench.server.ChildJvm;
import io.s3wire.bench.transfer.TransferServerMain;
import io.s3wire.BucketKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/3 harness: s3wire's client over HTTP/1.1, HTTP/2 and HTTP/3, all over TLS, to the
 * embedded server (memory store, TLS through BoringSSL, HTTP/3 on the same port number in UDP; a
 * child JVM, pinned with {@code --server-cpu}), first straight on loopback, then through a {@code
 * --rtt-ms} link: the TCP {@link DelayRelay} for HTTP/1.1 and HTTP/2, the {@link DatagramDelayRelay}
 * with the same delay and rate for HTTP/3. Each part measures the small-object rates at several
 * depths and one large GET per client (best of the rounds, the clients taking turns).
 *
 * <p>Options: {@code --parts} (loopback,link), {@code --rtt-ms} (25), {@code --rate} bytes per
 * second each way (0: none), {@code --small} (4k), {@code --inflight} (16,64), {@code --seconds}
 * (5), {@code --warmup} (2), {@code --big} (256m), {@code --repeats} (3), {@code --heap} of the
 * server (1g), {@code --server-cpu} (0; "none" runs unpinned), {@code --out}. Each table ends with
 * {@code figure: h3 ...} lines. Exit status 1 when a part failed to run.
 */
public final class H3Bench {
  static final List<String> CLIENTS = List.of(LinkClients.H1, LinkClients.H2, LinkClients.H3);

  private H3Bench() {}

  /** The figures of one part: where it ran, its rates and large GETs, UDP datagrams its relay dropped. */
  record Part(String name, List<LinkBench.RateRow> rates, List<LinkBench.BigRow> bigs, long dropped) {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "parts", "rtt-ms", "rate", "small", "inflight", "seconds", "warmup", "big", "repeats",
        "heap", "server-cpu", "out");
    LinkBench.Settings s = new LinkBench.Settings(
        Duration.ofNanos((long) (Double.parseDouble(a.get("rtt-ms", "25")) * 1e6)), a.getSize("rate", 0),
        (int) a.getSize("small", 4096),
        Arrays.stream(a.get("inflight", "16,64").split(",")).map(String::trim).map(Integer::parseInt).toList(),
        a.getInt("seconds", 5), a.getInt("warmup", 2), a.getSize("big", 256L << 20), a.getInt("repeats", 3),
        "curl", a.get("heap", "1g"));
    List<String> parts = Arrays.stream(a.get("parts", "loopback,link").split(",")).map(String::trim).toList();
    String cpu = a.get("server-cpu", "0");
    List<Part> done = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Path dir = Files.createTempDirectory("s3wire-bench-h3");
    int port = ChildJvm.freePort();
    Path ca = dir.resolve("server.pem");
    try (ChildJvm server = ChildJvm.start("embedded-h3", dir,
        cpu.equals("none") ? List.of() : List.of("taskset", "-c", cpu),
        List.of("-Xmx" + s.heap(), "-Xms" + s.heap()), System.getProperty("java.class.path"),
        TransferServerMain.class.getName(), List.of("--port", Integer.toString(port), "--access-key",
            LinkBench.ACCESS_KEY, "--secret-key", LinkBench.SECRET_KEY, "--tls", "true", "--http3", "true",
            "--cert-pem", ca.toString()), port)) {
      awaitCertificate(ca);
      String direct = "https://127.0.0.1:" + port;
      LinkBench.seed(direct, s, dir, ca);
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
      for (String part : parts) {
        switch (part) {
          case "loopback" -> done.add(measure(part, Map.of(LinkClients.H1, direct, LinkClients.H2, direct,
              LinkClients.H3, direct), s, dir, ca, failures));
          case "link" -> {
            try (DelayRelay tcp = DelayRelay.start(target, s.rtt().dividedBy(2), s.rate(), 64L << 20, 2);
                DatagramDelayRelay udp = DatagramDelayRelay.start(target, s.rtt().dividedBy(2), s.rate(), 64L << 20)) {
              String viaTcp = "https://127.0.0.1:" + tcp.port();
              Part p = measure(part, Map.of(LinkClients.H1, viaTcp, LinkClients.H2, viaTcp,
                  LinkClients.H3, "https://127.0.0.1:" + udp.port()), s, dir, ca, failures);
              done.add(new Part(p.name(), p.rates(), p.bigs(), udp.dropped()));
            }
          }
          default -> failures.add("unknown part " + part + " (loopback, link)");
        }
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    String report = H3Report.markdown(s, done, failures);
    System.out.print(report);
    Path out = a.getPath("out");
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /**
   * The server writes its certificate just after it listens, whole (it renames a finished file into
   * place): waits (up to 30 s) for the file to appear, woken by the directory's creation events.
   */
  private static void awaitCertificate(Path ca) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (WatchService watcher = ca.getFileSystem().newWatchService()) {
      ca.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(ca)) {
        long left = deadline - System.nanoTime();
        WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
        if (key == null) {
          throw new IOException("the server wrote no certificate to " + ca + " in 30 s");
        }
        key.pollEvents();
        key.reset();
      }
    }
  }

  private static Part measure(String part, Map<String, String> endpoints, LinkBench.Settings s, Path dir, Path ca,
      List<String> failures) {
    List<LinkBench.RateRow> rates = new ArrayList<>();
    List<LinkBench.BigRow> bigs = new ArrayList<>();
    Map<String, S3Client> clients = new LinkedHashMap<>();
    try {
      for (String name : CLIENTS) {
        clients.put(name, LinkClients.create(name, endpoints.get(name), dir, ca));
      }
      LinkBench.smallRates(List.copyOf(clients.values()), CLIENTS, s, rates);
      bigGets(clients, s, bigs, failures, part);
    } catch (Exception e) {
      failures.add(part + ": " + e);
    } finally {
      clients.values().forEach(S3Client::close);
    }
    return new Part(part, rates, bigs, 0);
  }

  /** One large GET per client per round, the clients taking turns, each one's best round kept. */
  private static void bigGets(Map<String, S3Client> clients, LinkBench.Settings s, List<LinkBench.BigRow> rows,
      List<String> failures, String part) {
    Map<String, Long> best = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    LoadAverage before = LoadAverage.now();
    for (int round = 0; round < s.repeats(); round++) {
      for (Map.Entry<String, S3Client> c : clients.entrySet()) {
        if (failed.containsKey(c.getKey())) {
          continue;
        }
        try {
          c.getValue().headObject(BucketKey.of(LinkBench.BUCKET, LinkBench.BIG_KEY));
          best.merge(c.getKey(), LinkBench.timedGet(c.getValue(), s.big()), Math::min);
        } catch (Exception e) {
          failed.put(c.getKey(), e.toString());
        }
      }
    }
    LoadAverage after = LoadAverage.now();
    best.forEach((subject, nanos) -> rows.add(new LinkBench.BigRow(subject, LinkBench.mibPerSecond(s.big(), nanos),
        "best of " + s.repeats() + ", connection open", before, after)));
    failed.forEach((subject, e) -> failures.add(part + ", large GET, " + subject + ": " + e));
  }
}
