package io.s3wire.bench.link;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectStream;
import io.s3wire.PresignRequest;
import io.s3wire.S3Client;
import io.s3wire.bench.Args;
import io.s3wire.bench.RateLoop;
import io.s3wire.bench.report.LoadAverage;
import io.s3wire.bench.server.ChildJvm;
import io.s3wire.bench.server.EmbeddedServerMain;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The slow-link harness: s3wire through a {@link DelayRelay} that builds a round trip of {@code
 * --rtt-ms} (25) between the client and the embedded server (memory store, in a child JVM). It
 * measures the rate of small PUTs and GETs at several depths over an HTTP/1.1 pool and over one
 * HTTP/2 connection, and one large GET over one HTTP/2 connection against the link's rate: what one
 * HTTP/1.1 GET of the same object achieves through the same relay (s3wire's and curl's, the better).
 *
 * <p>Options: {@code --rtt-ms} (25), {@code --rate} bytes per second each way, e.g. {@code 200m}
 * (0: no cap but the relay's own speed), {@code --small} (4k), {@code --inflight} (16,64), {@code
 * --seconds} per rate figure (5), {@code --warmup} seconds (2), {@code --big} (256m), {@code
 * --repeats} rounds of large GETs, each subject's best kept (3), {@code --curl} (curl), {@code --heap} of the server
 * (1g), {@code --out}. Each table ends with {@code figure: link ...} lines. Exit status 1 when a part
 * failed to run.
 */
public final class LinkBench {
  static final String ACCESS_KEY = "AKIDS3WIRELINK";
  static final String SECRET_KEY = "s3wire-link-secret-key";
  static final String BUCKET = "link";
  static final String BIG_KEY = "big";

  private LinkBench() {}

  record Settings(Duration rtt, long rate, int small, List<Integer> inflight, int seconds, int warmup, long big,
      int repeats, String curl, String heap) {}

  /** A small-object rate. */
  record RateRow(String client, String op, int inflight, double rate, LoadAverage before, LoadAverage after) {}

  /** A large GET's best throughput over the repeats, in MiB/s. */
  record BigRow(String subject, double mibPerSecond, String note, LoadAverage before, LoadAverage after) {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "rtt-ms", "rate", "small", "inflight", "seconds", "warmup", "big", "repeats", "curl",
        "heap", "out");
    Settings s = new Settings(Duration.ofNanos((long) (Double.parseDouble(a.get("rtt-ms", "25")) * 1e6)),
        a.getSize("rate", 0), (int) a.getSize("small", 4096),
        Arrays.stream(a.get("inflight", "16,64").split(",")).map(String::trim).map(Integer::parseInt).toList(),
        a.getInt("seconds", 5), a.getInt("warmup", 2), a.getSize("big", 256L << 20), a.getInt("repeats", 3),
        a.get("curl", "curl"), a.get("heap", "1g"));
    List<RateRow> rates = new ArrayList<>();
    List<BigRow> bigs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Path dir = Files.createTempDirectory("s3wire-bench-link");
    int port = ChildJvm.freePort();
    try (ChildJvm server = ChildJvm.start("embedded-memory", dir, List.of("-Xmx" + s.heap(), "-Xms" + s.heap()),
            System.getProperty("java.class.path"), EmbeddedServerMain.class.getName(), List.of("--port",
                Integer.toString(port), "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY), port);
        DelayRelay relay = DelayRelay.start(new InetSocketAddress("127.0.0.1", port), s.rtt().dividedBy(2), s.rate(),
            64L << 20, 2)) {
      seed(server.endpoint(), s, dir, null);
      try (S3Client h1 = LinkClients.create(LinkClients.H1, relay.endpoint(), dir);
          S3Client h2 = LinkClients.create(LinkClients.H2, relay.endpoint(), dir)) {
        smallRates(List.of(h1, h2), List.of(LinkClients.H1, LinkClients.H2), s, rates);
      } catch (Exception e) {
        failures.add("small objects: " + e);
      }
      bigGets(relay.endpoint(), s, dir, bigs, failures);
    } finally {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    String report = LinkReport.markdown(s, rates, bigs, failures);
    System.out.print(report);
    Path out = a.getPath("out");
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /**
   * The bucket, 64 small objects and the large one, straight to the server (not through the relay);
   * {@code ca}, when not null, is the certificate to trust on an https endpoint.
   */
  static void seed(String endpoint, Settings s, Path dir, Path ca) throws IOException {
    try (S3Client c = LinkClients.create(LinkClients.H1, endpoint, dir, ca)) {
      c.createBucket(BUCKET);
      byte[] small = new byte[s.small()];
      Arrays.fill(small, (byte) 'x');
      for (int i = 0; i < 64; i++) {
        c.putObject(BucketKey.of(BUCKET, "seed/" + i), small);
      }
      Path big = dir.resolve("big.bin");
      try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
        f.setLength(s.big());
      }
      c.putObject(BucketKey.of(BUCKET, BIG_KEY), big, io.s3wire.ObjectMetadata.NONE);
      Files.delete(big);
    }
  }

  /**
   * The rates of {@code clients}, one figure after another for each depth and operation, so that a
   * change in the machine's load falls on both sides of a ratio.
   */
  static void smallRates(List<S3Client> clients, List<String> names, Settings s, List<RateRow> rows)
      throws Exception {
    byte[] small = new byte[s.small()];
    Arrays.fill(small, (byte) 'y');
    int deepest = s.inflight().stream().max(Integer::compare).orElse(16);
    for (int i = 0; i < clients.size(); i++) {
      // Opens the pool's connections (each costs round trips here) and warms the JIT before any figure.
      for (String op : List.of("put", "get")) {
        RateLoop.perSecond(deepest, 0, s.warmup() * 1000L, call(clients.get(i), names.get(i), op, s, small));
      }
    }
    for (int inflight : s.inflight()) {
      for (String op : List.of("put", "get")) {
        for (int i = 0; i < clients.size(); i++) {
          LoadAverage before = LoadAverage.now();
          double rate = RateLoop.perSecond(inflight, s.warmup() * 1000L, s.seconds() * 1000L,
              call(clients.get(i), names.get(i), op, s, small));
          rows.add(new RateRow(names.get(i), op, inflight, rate, before, LoadAverage.now()));
        }
      }
    }
  }

  private static RateLoop.Call call(S3Client c, String name, String op, Settings s, byte[] small) {
    if (op.equals("put")) {
      return (th, n) -> c.putObject(BucketKey.of(BUCKET, name + "/" + th + "/" + (n % 64)), small);
    }
    return (th, n) -> {
      byte[] b = c.getObjectBytes(BucketKey.of(BUCKET, "seed/" + ((th + n) % 64))).bytes();
      if (b.length != s.small()) {
        throw new IOException("received " + b.length + " bytes, expected " + s.small());
      }
    };
  }

  /**
   * One large GET per subject per round, the subjects taking turns, each subject's best round kept:
   * the best of interleaved rounds is the figure least bent by other work on a shared machine.
   */
  private static void bigGets(String endpoint, Settings s, Path dir, List<BigRow> rows, List<String> failures) {
    List<String> subjects = List.of(LinkClients.H1, LinkClients.H2, LinkClients.H2_1M, LinkClients.H2_64M,
        LinkClients.CURL_H1, LinkClients.CURL_H2);
    java.util.Map<String, S3Client> clients = new java.util.LinkedHashMap<>();
    java.util.Map<String, Long> best = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> failed = new java.util.LinkedHashMap<>();
    LoadAverage before = LoadAverage.now();
    try {
      for (String subject : subjects.stream().filter(x -> !x.startsWith("curl")).toList()) {
        S3Client c = LinkClients.create(subject, endpoint, dir);
        clients.put(subject, c);
        c.headObject(BucketKey.of(BUCKET, BIG_KEY)); // the connection is open before the clock starts
      }
      String url = clients.get(LinkClients.H1).presigner()
          .presign(PresignRequest.get(BucketKey.of(BUCKET, BIG_KEY), Duration.ofHours(1))).uri().toString();
      for (int round = 0; round < s.repeats(); round++) {
        for (String subject : subjects) {
          if (failed.containsKey(subject)) {
            continue;
          }
          try {
            long elapsed = subject.startsWith("curl")
                ? LinkClients.curlGet(s.curl(), url, s.big(), subject.equals(LinkClients.CURL_H2))
                : timedGet(clients.get(subject), s.big());
            best.merge(subject, elapsed, Math::min);
          } catch (Exception e) {
            failed.put(subject, e.toString());
          }
        }
      }
    } catch (RuntimeException e) {
      failures.add("large GET: could not set up the clients: " + e);
    } finally {
      clients.values().forEach(S3Client::close);
    }
    LoadAverage after = LoadAverage.now();
    best.forEach((subject, nanos) -> rows.add(new BigRow(subject, mibPerSecond(s.big(), nanos), "best of "
        + s.repeats() + (subject.startsWith("curl") ? ", process start and connection included" : ", connection open"),
        before, after)));
    failed.forEach((subject, e) -> failures.add("large GET, " + subject + ": " + e));
  }

  static long timedGet(S3Client c, long size) throws IOException {
    long start = System.nanoTime();
    long n = drain(c);
    long elapsed = System.nanoTime() - start;
    if (n != size) {
      throw new IOException("received " + n + " bytes, expected " + size);
    }
    return elapsed;
  }

  private static long drain(S3Client c) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 20];
    try (ObjectStream in = c.getObjectStream(GetObjectRequest.of(BucketKey.of(BUCKET, BIG_KEY)))) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        n += r;
      }
    }
    return n;
  }

  static double mibPerSecond(long bytes, long nanos) {
    return bytes / (double) (1 << 20) / (nanos / 1e9);
  }
}
