package io.s3wire.bench.transport;

import io.s3wire.bench.Args;
import io.s3wire.bench.report.Measure;
import io.s3wire.bench.report.Report;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The transport harness: small GETs per second over one HTTP/2 connection vs the HTTP/1.1 pool, and
 * the throughput of a large GET and PUT with each TLS provider and HTTP version vs {@code curl}, all
 * against one {@link BenchServer} in this process.
 *
 * <p>Options: {@code --big} (1g), {@code --warmup} bytes per configuration before timing (128m),
 * {@code --repeats} of each timed transfer, best kept (1), {@code --small-size} (1024), {@code
 * --small-seconds} (5), {@code --concurrency} (16), {@code --curl} (curl), {@code --out}. The large
 * file is sparse, made in a temporary directory and deleted at the end. Exit status 1 when any part
 * fails to run.
 */
public final class TransportBench {
  private TransportBench() {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "big", "warmup", "repeats", "small-size", "small-seconds", "concurrency", "curl", "out");
    Settings s = new Settings(a.getSize("big", 1L << 30), a.getSize("warmup", 128L << 20), a.getInt("repeats", 1),
        (int) a.getSize("small-size", 1024), a.getInt("small-seconds", 5), a.getInt("concurrency", 16),
        a.get("curl", "curl"));
    Path dir = Files.createTempDirectory("s3wire-bench-transport");
    List<Measure> measures;
    try {
      measures = run(s, dir);
    } finally {
      deleteTree(dir);
    }
    boolean ok = Report.publish(measures, System.out, a.getPath("out"));
    System.exit(ok ? 0 : 1);
  }

  record Settings(long big, long warmup, int repeats, int smallSize, int smallSeconds, int concurrency, String curl) {}

  private static List<Measure> run(Settings s, Path dir) throws Exception {
    CertificateFiles cert = CertificateFiles.generate(dir);
    try (BenchServer server = BenchServer.start(cert, s.smallSize())) {
      URI base = URI.create("https://127.0.0.1:" + server.port());
      String where = "Server: the bench's minimal Netty responder (no storage, no hashing; TLS "
          + server.description() + ", one event-loop thread, ALPN h2 and http/1.1, HTTP/2 windows 16 MiB), "
          + "127.0.0.1, verified against a generated CA (s3wire: trustedCertificates; curl: --cacert).";
      Measure small = smallGets(s, server, base, cert, where);
      Path file = dir.resolve("transfer.bin");
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
        f.setLength(s.big()); // sparse: no disk writes, reads are zeros from the page cache
      }
      BigTransfers big = new BigTransfers(s, server, base, cert, file, where);
      List<Measure> transfers = big.run();
      Files.deleteIfExists(file);
      return Stream.concat(Stream.of(small), transfers.stream()).toList();
    }
  }

  private static Measure smallGets(Settings s, BenchServer server, URI base, CertificateFiles cert, String where) {
    Measure m = new Measure("Small GETs per second: one HTTP/2 connection vs the HTTP/1.1 pool",
        String.format(Locale.ROOT, "%d threads each keep one GET of a %d-byte body in flight (%d concurrent), "
            + "reading each body fully; 2 s warm-up, then completions counted over %d s; two alternating "
            + "rounds per protocol, mean reported, ± half the spread. s3wire transport, JDK TLS provider "
            + "(the default); HTTP/2: policy HTTP_2, 1 connection per origin; HTTP/1.1: policy HTTP_1_1, pool of up "
            + "to 64 connections per origin. ", s.concurrency(), s.smallSize(), s.concurrency(), s.smallSeconds())
            + where).started();
    String h2 = "s3wire HTTP/2 (1 connection)";
    String h1 = "s3wire HTTP/1.1 pool";
    double[][] rates = new double[2][2];
    try {
      for (int round = 0; round < 2; round++) {
        for (int v = 0; v < 2; v++) {
          HttpVersionPolicy policy = v == 0 ? HttpVersionPolicy.HTTP_2 : HttpVersionPolicy.HTTP_1_1;
          try (HttpTransport t = HttpTransport.create(OurClient.config(TlsProvider.JDK, policy, cert.certificate()))) {
            rates[v][round] = OurClient.smallGetRate(t, base, s.smallSize(), s.concurrency(), 2000,
                s.smallSeconds() * 1000L);
          }
        }
      }
      String hs = server.lastHandshake();
      m.add(h2, (rates[0][0] + rates[0][1]) / 2, Math.abs(rates[0][0] - rates[0][1]) / 2, "req/s", "rounds "
          + fmt(rates[0][0]) + ", " + fmt(rates[0][1]));
      m.add(h1, (rates[1][0] + rates[1][1]) / 2, Math.abs(rates[1][0] - rates[1][1]) / 2, "req/s", "rounds "
          + fmt(rates[1][0]) + ", " + fmt(rates[1][1]) + "; TLS " + hs);
      m.ratio(h2, h1);
    } catch (Exception e) {
      m.failed("small GETs", e);
    }
    return m.finished();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
