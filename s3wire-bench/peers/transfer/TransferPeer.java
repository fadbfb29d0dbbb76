import io.minio.DownloadObjectArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * One peer client, one transfer, in a JVM of its own (single-file source launch on the peers'
 * classpath, see pom.xml): {@code TransferPeer <client> <put|get> <endpoint> <bucket> <key> <file>
 * <access-key> <secret-key> <part-size> <concurrency>}. Prints one line
 * {@code RESULT seconds=.. bytes=.. hwm_kib=.. heap_peak_mib=.. cpu_ms=.. note=..}: the timed part is the
 * transfer alone (client built and warmed by nothing but its construction, as a user would).
 * TLS trust for the JDK-based clients comes from -Djavax.net.ssl.trustStore (the server's
 * certificate); the CRT has its own TLS stack and is told to trust all certificates.
 */
public final class TransferPeer {
  /** One transfer, as the client under test does it. */
  interface Transfer {
    void run() throws Exception;
  }

  public static void main(String[] a) throws Exception {
    // "<peer>-defaults": the SDK as a user runs it, flexible checksums on (CRC32 computed on
    // upload, validated on download when the server returns one); plain "<peer>": WHEN_REQUIRED.
    boolean defaults = a[0].endsWith("-defaults");
    String client = defaults ? a[0].substring(0, a[0].length() - "-defaults".length()) : a[0];
    if (defaults && !client.startsWith("sdk-")) {
      throw new IllegalArgumentException("-defaults applies to the AWS SDK peers only: " + a[0]);
    }
    String op = a[1];
    URI endpoint = URI.create(a[2]);
    String bucket = a[3], key = a[4];
    Path file = Path.of(a[5]);
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(a[6], a[7]));
    long partSize = Long.parseLong(a[8]);
    int concurrency = Integer.parseInt(a[9]);
    boolean put = op.equals("put");
    if (!put) {
      Files.deleteIfExists(file);
    }
    // Untimed transfers first in the same JVM (argument 11, default 0): the warm figure.
    int warmups = a.length > 10 ? Integer.parseInt(a[10]) : 0;
    String note;
    AutoCloseable resources;
    Transfer once;
    switch (client) {
      case "sdk-apache" -> {
        var b = S3Client.builder().httpClient(ApacheHttpClient.builder().build())
            .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).forcePathStyle(true);
        if (!defaults) {
          b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
              .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        S3Client s3 = b.build();
        resources = s3;
        once = () -> {
          if (put) {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromFile(file));
          } else {
            s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build(), ResponseTransformer.toFile(file));
          }
        };
        note = "single PutObject/GetObject, Apache client defaults";
      }
      case "sdk-netty" -> {
        S3AsyncClient s3 = nettyClient(endpoint, creds, concurrency, false, partSize, defaults);
        resources = s3;
        once = () -> {
          if (put) {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), AsyncRequestBody.fromFile(file)).join();
          } else {
            s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build(), AsyncResponseTransformer.toFile(file)).join();
          }
        };
        note = "single PutObject/GetObject, Netty client";
      }
      case "sdk-tm" -> {
        S3AsyncClient s3;
        try {
          var b = S3AsyncClient.crtBuilder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds)
              .forcePathStyle(true).minimumPartSizeInBytes(partSize).maxConcurrency(concurrency)
              .targetThroughputInGbps(20.0)
              .httpConfiguration(h -> h.trustAllCertificatesEnabled(endpoint.getScheme().equals("https")));
          if (!defaults) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
          }
          s3 = b.build();
          note = "S3TransferManager over the CRT client (part " + (partSize >> 20) + " MiB, "
              + concurrency + " in flight, target 20 Gbps)";
        } catch (Throwable crtUnavailable) {
          s3 = nettyClient(endpoint, creds, concurrency, true, partSize, defaults);
          note = "S3TransferManager over the Java multipart client + Netty (CRT unavailable: " + crtUnavailable + ")";
        }
        S3AsyncClient c = s3;
        S3TransferManager tm = S3TransferManager.builder().s3Client(c).build();
        resources = () -> {
          tm.close();
          c.close();
        };
        once = () -> {
          if (put) {
            tm.uploadFile(u -> u.putObjectRequest(r -> r.bucket(bucket).key(key)).source(file)).completionFuture().join();
          } else {
            tm.downloadFile(d -> d.getObjectRequest(r -> r.bucket(bucket).key(key)).destination(file)).completionFuture().join();
          }
        };
      }
      case "minio" -> {
        MinioClient m = MinioClient.builder().endpoint(endpoint.toString()).region("us-east-1").credentials(a[6], a[7]).build();
        resources = () -> { };
        once = () -> {
          if (put) {
            m.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString(), partSize).build());
          } else {
            m.downloadObject(DownloadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString()).overwrite(true).build());
          }
        };
        note = "uploadObject part " + (partSize >> 20) + " MiB (sequential parts) / downloadObject";
      }
      default -> throw new IllegalArgumentException("unknown client " + client);
    }
    for (int i = 0; i < warmups; i++) {
      once.run();
      if (!put) {
        Files.deleteIfExists(file);
      }
    }
    // CPU of the whole process (every thread: JIT, GC, native CRT threads) during the transfer.
    long server0 = serverCpuMillis();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    once.run();
    long t1 = System.nanoTime();
    long cpu1 = processCpuNanos();
    long server1 = serverCpuMillis();
    resources.close();
    if (client.startsWith("sdk-")) {
      note += defaults ? ", SDK checksum defaults (flexible checksums on)" : ", checksums WHEN_REQUIRED";
    }
    if (warmups > 0) {
      note += ", after " + warmups + " untimed in the same JVM";
    }
    long bytes = Files.size(file);
    long heapPeak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPeak += p.getPeakUsage().getUsed();
      }
    }
    long hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    System.out.printf(Locale.ROOT, "RESULT seconds=%.3f bytes=%d hwm_kib=%d heap_peak_mib=%d cpu_ms=%d%s note=%s%n",
        (t1 - t0) / 1e9, bytes, hwm, heapPeak >> 20, (cpu1 - cpu0) / 1_000_000, serverField(server0, server1), note);
    System.exit(0);
  }

  private static S3AsyncClient nettyClient(URI endpoint, StaticCredentialsProvider creds, int concurrency,
      boolean multipart, long partSize, boolean defaults) {
    var b = S3AsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(Math.max(concurrency, 16)))
        .endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds).forcePathStyle(true)
        .multipartEnabled(multipart)
        .multipartConfiguration(c -> c.minimumPartSizeInBytes(partSize).thresholdInBytes(partSize));
    if (!defaults) {
      b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return b.build();
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
