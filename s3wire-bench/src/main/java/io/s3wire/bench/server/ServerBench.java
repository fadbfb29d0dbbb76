package io.s3wire.bench.server;

import io.s3wire.bench.RateLoop;
import io.s3wire.bench.Args;
import io.s3wire.bench.report.Measure;
import io.s3wire.bench.report.Report;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The server harness: s3wire's embedded S3 server vs s3proxy 2.6.0, each in a child JVM with the same
 * heap, plain HTTP/1.1 on loopback, in-memory stores; driven by the same clients (s3wire's, then the
 * AWS SDK v2's with its Apache client). Measures a large PUT and GET (to a file) and the rate of
 * small PUTs and GETs with many in flight.
 *
 * <p>Options: {@code --object} (256m), {@code --small} (4k), {@code --concurrency} (16), {@code
 * --seconds} per rate (5), {@code --s3proxy-classpath} a file holding s3proxy's class path (as
 * {@code bench/run.sh} resolves it; without it the s3proxy figures are reported missing), {@code
 * --heap} for each server (2g), {@code --out}. Exit status 1 when any part fails to run.
 */
public final class ServerBench {
  static final String ACCESS_KEY = "AKIDS3WIREBENCH";
  static final String SECRET_KEY = "s3wire-bench-secret-key";
  static final String EMBEDDED = "s3wire embedded server";
  static final String S3PROXY = "s3proxy 2.6.0";

  private ServerBench() {}

  record Settings(long object, int small, int concurrency, int seconds, String heap, Path s3proxyClasspath) {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "object", "small", "concurrency", "seconds", "s3proxy-classpath", "heap", "out");
    Settings s = new Settings(a.getSize("object", 256L << 20), (int) a.getSize("small", 4096),
        a.getInt("concurrency", 16), a.getInt("seconds", 5), a.get("heap", "2g"), a.getPath("s3proxy-classpath"));
    Path dir = Files.createTempDirectory("s3wire-bench-server");
    List<Measure> measures;
    try {
      measures = run(s, dir);
    } finally {
      deleteTree(dir);
    }
    boolean ok = Report.publish(measures, System.out, a.getPath("out"));
    System.exit(ok ? 0 : 1);
  }

  private static List<Measure> run(Settings s, Path dir) throws Exception {
    String size = s.object() % (1L << 20) == 0 ? (s.object() >> 20) + " MiB" : s.object() + " bytes";
    String common = "Servers in child JVMs (-Xmx" + s.heap() + "), plain HTTP/1.1 on 127.0.0.1, in-memory stores "
        + "(embedded: memory store; s3proxy: jclouds transient, v4-max-non-chunked-request-size raised from 32 MiB "
        + "to the object size so it accepts s3wire's signed-payload PUT), SigV4. Clients in the harness JVM: s3wire "
        + "S3Client (generic profile, path style, defaults) and AWS SDK v2 2.57.8 S3Client with ApacheHttpClient "
        + "(64 connections, path style, checksums WHEN_REQUIRED). Each client warms up on each server first. ";
    Measure put = new Measure(size + " PUT throughput: embedded server vs s3proxy",
        common + "One PUT of a " + size + " sparse file (s3wire putObject(Path); SDK RequestBody.fromFile), timed alone.");
    Measure get = new Measure(size + " GET throughput: embedded server vs s3proxy",
        common + "One GET of that object to a file (s3wire getObjectToFile; SDK ResponseTransformer.toFile), "
            + "length checked.");
    Measure smallPut = new Measure(s.small() + "-byte PUTs per second, " + s.concurrency()
        + " concurrent: embedded server vs s3proxy", common + String.format(Locale.ROOT,
        "%d threads share one client, each PUTting in a loop (64 keys per thread); 2 s warm-up, %d s counted.",
        s.concurrency(), s.seconds()));
    Measure smallGet = new Measure(s.small() + "-byte GETs per second, " + s.concurrency()
        + " concurrent: embedded server vs s3proxy", common + String.format(Locale.ROOT,
        "%d threads share one client, each GETting one of 16 objects in a loop, body length checked; 2 s warm-up, "
            + "%d s counted.", s.concurrency(), s.seconds()));
    List<Measure> all = List.of(put, get, smallPut, smallGet);
    all.forEach(Measure::started);

    Path file = dir.resolve("object.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(s.object());
    }
    Path warmFile = dir.resolve("warm.bin");
    try (RandomAccessFile w = new RandomAccessFile(warmFile.toFile(), "rw")) {
      w.setLength(Math.min(s.object(), 16L << 20));
    }
    String benchClasspath = System.getProperty("java.class.path");
    for (String server : List.of(EMBEDDED, S3PROXY)) {
      ChildJvm child;
      try {
        child = startServer(server, s, dir, benchClasspath);
      } catch (Exception e) {
        all.forEach(m -> m.failed(server, e));
        continue;
      }
      try (child) {
        for (String clientName : List.of("s3wire", "AWS SDK v2 (Apache)")) {
          String subject = server + ", " + clientName + " client";
          try (BenchClient c = clientName.equals("s3wire")
              ? new S3wireBenchClient(child.endpoint(), ACCESS_KEY, SECRET_KEY, dir.resolve("no-aws-home"))
              : new SdkBenchClient(child.endpoint(), ACCESS_KEY, SECRET_KEY)) {
            combination(c, s, dir, file, warmFile, subject, put, get, smallPut, smallGet);
          } catch (Exception e) {
            String log = tail(child);
            all.forEach(m -> m.failed(subject, new IOException(e + (log.isEmpty() ? "" : " | server log: " + log), e)));
          }
        }
      }
    }
    for (String clientName : List.of("s3wire", "AWS SDK v2 (Apache)")) {
      for (Measure m : all) {
        m.ratio(EMBEDDED + ", " + clientName + " client", S3PROXY + ", " + clientName + " client");
      }
    }
    for (String server : List.of(EMBEDDED, S3PROXY)) {
      for (Measure m : all) {
        m.ratio(server + ", s3wire client", server + ", AWS SDK v2 (Apache) client");
      }
    }
    all.forEach(Measure::finished);
    return all;
  }

  private static void combination(BenchClient c, Settings s, Path dir, Path file, Path warmFile, String subject,
      Measure put, Measure get, Measure smallPut, Measure smallGet) throws Exception {
    String bucket = "bench-" + (c.name().startsWith("s3wire") ? "s3wire" : "sdk");
    c.createBucket(bucket);
    Path target = dir.resolve("download.bin");
    byte[] small = new byte[s.small()];
    Arrays.fill(small, (byte) 'x');
    // Warm-up: JIT, connections, buffers.
    c.putFile(bucket, "warm", warmFile);
    expectLength(c.getToFile(bucket, "warm", target), Files.size(warmFile));
    Files.deleteIfExists(target);
    for (int i = 0; i < 16; i++) {
      c.putBytes(bucket, "small/seed/" + i, small);
    }

    long t0 = System.nanoTime();
    c.putFile(bucket, "object", file);
    put.add(subject, mibPerSecond(s.object(), System.nanoTime() - t0), 0, "MiB/s", "");

    long t1 = System.nanoTime();
    long got = c.getToFile(bucket, "object", target);
    long t2 = System.nanoTime();
    expectLength(got, s.object());
    Files.deleteIfExists(target);
    get.add(subject, mibPerSecond(s.object(), t2 - t1), 0, "MiB/s", "");

    double putRate = RateLoop.perSecond(s.concurrency(), 2000, s.seconds() * 1000L,
        (th, n) -> c.putBytes(bucket, "small/t" + th + "/" + (n % 64), small));
    smallPut.add(subject, putRate, 0, "PUT/s", "");
    double getRate = RateLoop.perSecond(s.concurrency(), 2000, s.seconds() * 1000L, (th, n) -> {
      byte[] b = c.getBytes(bucket, "small/seed/" + ((th + n) % 16));
      expectLength(b.length, s.small());
    });
    smallGet.add(subject, getRate, 0, "GET/s", "");
  }

  private static ChildJvm startServer(String server, Settings s, Path dir, String benchClasspath) throws Exception {
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + s.heap(), "-Xms" + s.heap()));
    int port = ChildJvm.freePort();
    if (server.equals(EMBEDDED)) {
      return ChildJvm.start(server, dir, jvm, benchClasspath, EmbeddedServerMain.class.getName(),
          List.of("--port", Integer.toString(port), "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY), port);
    }
    return S3proxyChild.start(dir, List.of(), jvm, s.s3proxyClasspath(), port, s.object());
  }

  private static String tail(ChildJvm child) {
    try {
      return child.tail().replace('\n', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private static void expectLength(long got, long expected) throws IOException {
    if (got != expected) {
      throw new IOException("received " + got + " bytes, expected " + expected);
    }
  }

  static double mibPerSecond(long bytes, long nanos) {
    return bytes / (double) (1 << 20) / (nanos / 1e9);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
