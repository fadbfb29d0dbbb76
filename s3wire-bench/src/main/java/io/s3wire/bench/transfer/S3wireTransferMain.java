package io.s3wire.bench.transfer;

import io.s3wire.BucketKey;
import io.s3wire.PayloadSigning;
import io.s3wire.S3AsyncClient;
import io.s3wire.S3Client;
import io.s3wire.bench.Args;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.transfer.TransferChecksum;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * s3wire's side of the transfer benchmark, one transfer per JVM (as each peer): {@code --op
 * put|get|mkbucket} through {@link TransferManager} over {@link S3AsyncClient}, path-style, TLS by
 * BoringSSL trusting {@code --cert-pem}, HTTP/1.1 (parts go over parallel connections). Prints
 * {@code RESULT seconds=.. bytes=.. hwm_kib=.. heap_peak_mib=.. cpu_ms=.. note=..}, the format the peers print.
 */
public final class S3wireTransferMain {
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private S3wireTransferMain() {}

  public static void main(String[] argv) throws Exception {
    // As the s3wire command line does (see its Main): Netty 4.2's JFR allocator events off unless
    // asked for. The SDK's peers run on Netty 4.1, which has none.
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    Args a = Args.parse(argv, "op", "endpoint", "bucket", "key", "file", "access-key", "secret-key", "cert-pem",
        "part-size", "concurrency", "http", "payload-signing", "checksum", "warmups");
    String op = a.get("op", "put");
    long partSize = a.getSize("part-size", 16L << 20);
    int concurrency = a.getInt("concurrency", 8);
    HttpVersionPolicy http = HttpVersionPolicy.valueOf(a.get("http", "HTTP_1_1"));
    PayloadSigning signing = PayloadSigning.valueOf(a.get("payload-signing", "UNSIGNED"));
    TransferChecksum checksum = TransferChecksum.valueOf(a.get("checksum", "AUTO"));
    TransportConfig.Builder transport = TransportConfig.builder().versionPolicy(http).tlsProvider(TlsProvider.OPENSSL)
        .maxConnectionsPerOrigin(Math.max(concurrency, 8));
    String pem = a.get("cert-pem", "");
    if (!pem.isEmpty()) {
      transport.trustedCertificates(Path.of(pem));
    }
    Path noAwsHome = Files.createTempDirectory("s3wire-bench-noaws");
    noAwsHome.toFile().deleteOnExit(); // empty; one per run would pile up in TMPDIR
    S3Client client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), noAwsHome))
        .endpoint(a.get("endpoint", "http://127.0.0.1:9000"))
        .region("us-east-1")
        .credentials(a.get("access-key", "benchkey"), a.get("secret-key", "benchsecret"))
        // The embedded server accepts flexible checksums, as AWS, MinIO and R2 do, and aws-chunked
        // bodies with checksum trailers, as AWS and MinIO do (TLS uploads then read each part once).
        .provider(ProviderProfiles.generic().withOverrides(Map.of("acceptsFlexibleChecksums", "true",
            "acceptsFullObjectCrc32c", "true", "acceptsAwsChunked", "true", "acceptsAwsChunkedTrailers", "true")))
        .payloadSigning(signing)
        .transportConfig(transport.build())
        .build();
    String bucket = a.get("bucket", "bench");
    if (op.equals("mkbucket")) {
      client.createBucket(bucket);
      client.close();
      System.exit(0);
    }
    BucketKey target = BucketKey.of(bucket, a.get("key", "big"));
    Path file = Path.of(a.get("file", "big.bin"));
    TransferConfig config = TransferConfig.defaults().withPartSize(partSize).withMaxConcurrency(concurrency)
        .withContentMd5(false).withChecksum(checksum);
    long t0;
    long t1;
    // CPU of the whole process (every thread: JIT and GC included) during the timed transfer.
    long cpu0;
    long cpu1;
    long server0;
    long server1;
    // Untimed runs first (0 by default: the measure includes the JIT's warm-up, as for every peer).
    int warmups = a.getInt("warmups", 0);
    try (TransferManager tm = TransferManager.create(client.async(), config)) {
      for (int i = 0; i < warmups; i++) {
        long w = System.nanoTime();
        if (op.equals("put")) {
          tm.uploadFile(target, file, UploadOptions.DEFAULTS).join();
        } else {
          Files.deleteIfExists(file);
          tm.downloadFile(target, file, TransferListener.NONE).join();
        }
        System.err.printf(Locale.ROOT, "warm-up %d: %.3f s%n", i + 1, (System.nanoTime() - w) / 1e9);
      }
      if (!op.equals("put")) {
        Files.deleteIfExists(file);
      }
      server0 = serverCpuMillis();
      cpu0 = processCpuNanos();
      t0 = System.nanoTime();
      if (op.equals("put")) {
        tm.uploadFile(target, file, UploadOptions.DEFAULTS).join();
      } else {
        tm.downloadFile(target, file, TransferListener.NONE).join();
      }
      t1 = System.nanoTime();
      cpu1 = processCpuNanos();
      server1 = serverCpuMillis();
    }
    client.close();
    long heapPeak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPeak += p.getPeakUsage().getUsed();
      }
    }
    long hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    System.out.printf(Locale.ROOT, "RESULT seconds=%.3f bytes=%d hwm_kib=%d heap_peak_mib=%d cpu_ms=%d%s note=%s%n", (t1 - t0) / 1e9,
        Files.size(file), hwm, heapPeak >> 20, (cpu1 - cpu0) / 1_000_000, serverField(server0, server1), "TransferManager part " + (partSize >> 20) + " MiB, " + concurrency
            + " in flight, " + http + ", BoringSSL, Netty JFR events " + ("false".equals(System.getProperty(NETTY_JFR)) ? "off" : "on") + ", checksum " + checksum
            + (checksum == TransferChecksum.MD5 ? " (computed while sending)" : " (CRC32C where accepted" + (a.get("endpoint", "").startsWith("https") && op.equals("put") ? ", parts' in aws-chunked trailers" : "") + ")") + ", payload " + signing
            + (warmups > 0 ? ", after " + warmups + " untimed in the same JVM" : ""));
    System.exit(0);
  }

  /**
   * CPU time of the whole process (every thread) from /proc/self/stat, in nanoseconds. Read there
   * rather than through the platform management beans, whose first use loads and links their
   * machinery at the start of the timed transfer.
   */
  static long processCpuNanos() throws java.io.IOException {
    return cpuNanos("self");
  }

  /** A process's CPU time (user + system, every thread) from /proc/PID/stat. */
  static long cpuNanos(String pid) throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc", pid, "stat"));
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime the 13th.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
  }

  /** USER_HZ: 100 on every Linux architecture the bench runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  /**
   * The server's CPU time in milliseconds, when the harness names its process in BENCH_SERVER_PID;
   * -1 otherwise. Read around the timed transfer alone, so untimed warm-ups in the same JVM are not
   * counted.
   */
  static long serverCpuMillis() {
    String pid = System.getenv("BENCH_SERVER_PID");
    if (pid == null || pid.isBlank()) {
      return -1;
    }
    try {
      return cpuNanos(pid.trim()) / 1_000_000;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** " server_cpu_ms=N" for the RESULT line, or nothing when the server's CPU was not read. */
  static String serverField(long before, long after) {
    return before < 0 || after < 0 ? "" : " server_cpu_ms=" + (after - before);
  }
}
