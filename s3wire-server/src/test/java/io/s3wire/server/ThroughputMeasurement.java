package io.s3wire.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Figures for the closing note, printed, not asserted: 256 MiB PUT/GET and 4 KiB objects
 * with 16 threads, AWS SDK Apache client, memory and file stores. Run with
 * {@code -Pslow -Dtest=ThroughputMeasurement -Dtest.leakLevel=disabled}.
 */
@Tag("slow")
@Timeout(600)
class ThroughputMeasurement {
  static final int BIG = 256 << 20;

  @Test
  void measure() throws Exception {
    Path dir = Files.createTempDirectory("s3wire-perf");
    for (String kind : List.of("memory", "file", "memory+tls")) {
      S3Server.Builder b = S3Server.builder();
      if (kind.equals("file")) {
        b.store(ObjectStore.file(dir));
      }
      if (kind.endsWith("tls")) {
        b.tls(true);
      }
      try (S3Server server = b.start(); S3Client s3 = Peers.apache(server)) {
        s3.createBucket(r -> r.bucket("perf"));
        byte[] big = new byte[BIG];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(big);
        Path src = Files.createTempFile(dir.getParent(), "big", ".bin");
        Files.write(src, big);
        big = null;
        long t0 = System.nanoTime();
        s3.putObject(r -> r.bucket("perf").key("big"), RequestBody.fromFile(src));
        double put = BIG / 1048576.0 / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        long n;
        try (var in = s3.getObject(r -> r.bucket("perf").key("big"), ResponseTransformer.toInputStream())) {
          n = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double get = n / 1048576.0 / ((System.nanoTime() - t1) / 1e9);
        Files.delete(src);
        byte[] small = new byte[4096];
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int perThread = 300;
        long t2 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int tt = t;
          fs.add(pool.submit(() -> {
            for (int i = 0; i < perThread; i++) {
              int ii = i;
              s3.putObject(r -> r.bucket("perf").key("s/" + tt + "/" + ii), RequestBody.fromBytes(small));
            }
          }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
        double putRate = 16 * perThread / ((System.nanoTime() - t2) / 1e9);
        fs.clear();
        long t3 = System.nanoTime();
        for (int t = 0; t < 16; t++) {
          int tt = t;
          fs.add(pool.submit(() -> {
            for (int i = 0; i < perThread; i++) {
              int ii = i;
              s3.getObjectAsBytes(r -> r.bucket("perf").key("s/" + tt + "/" + ii));
            }
          }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
        double getRate = 16 * perThread / ((System.nanoTime() - t3) / 1e9);
        pool.shutdown();
        System.out.printf(java.util.Locale.ROOT, "MEASURE %-10s SDK-apache: PUT 256MiB %.0f MiB/s, GET 256MiB %.0f MiB/s, 4KiB x16: PUT %.0f/s GET %.0f/s%n",
            kind, put, get, putRate, getRate);
      }
    }
  }
}
