package io.s3wire.bench.server;

import io.s3wire.bench.report.LoadAverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * rclone as a small-object client: {@code rclone copy} of a directory of small files up to the
 * server (PUTs) and back down (GETs), {@code --transfers} set to the depth, destination checks off
 * so that each file costs one request (plus one listing page per 1000 files on the way down). The
 * rate is files over the wall time of the counted copy, rclone's start included; a first copy of the
 * same files warms the server.
 */
final class RcloneSmall {
  private static final int FILES = 2000;
  private static final long TIMEOUT_SECONDS = 300;

  private RcloneSmall() {}

  static void run(ChildJvm child, String server, SmallBench.Settings s, Path dir, List<SmallBench.Row> rows)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("rclone-src"));
    byte[] small = new byte[s.small()];
    Arrays.fill(small, (byte) 'x');
    for (int i = 0; i < FILES; i++) {
      Files.write(src.resolve("f" + i), small);
    }
    String bucket = "small-rclone";
    rclone(child, List.of("mkdir", "bench:" + bucket));
    for (int inflight : s.inflight()) {
      String transfers = Integer.toString(inflight);
      List<String> flags = List.of("--transfers", transfers, "--checkers", transfers, "--no-check-dest",
          "--s3-no-check-bucket", "--s3-no-head");
      rclone(child, concat(List.of("copy", src.toString(), "bench:" + bucket + "/warm" + inflight), flags));
      LoadAverage before = LoadAverage.now();
      double cpu0 = child.cpuSeconds();
      long switches0 = child.voluntarySwitches();
      long t0 = System.nanoTime();
      rclone(child, concat(List.of("copy", src.toString(), "bench:" + bucket + "/put" + inflight), flags));
      rows.add(row(server, "put", inflight, t0, cpu0, switches0, child, before));

      Path down = dir.resolve("rclone-down" + inflight);
      List<String> getFlags = List.of("--transfers", transfers, "--checkers", transfers, "--no-check-dest");
      rclone(child, concat(List.of("copy", "bench:" + bucket + "/warm" + inflight, down + "-warm"), getFlags));
      before = LoadAverage.now();
      cpu0 = child.cpuSeconds();
      switches0 = child.voluntarySwitches();
      t0 = System.nanoTime();
      rclone(child, concat(List.of("copy", "bench:" + bucket + "/put" + inflight, down.toString()), getFlags));
      rows.add(row(server, "get", inflight, t0, cpu0, switches0, child, before));
    }
  }

  private static SmallBench.Row row(String server, String op, int inflight, long t0, double cpu0, long switches0,
      ChildJvm child, LoadAverage before) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu1 = child.cpuSeconds();
    long switches1 = child.voluntarySwitches();
    double per1000 = cpu0 < 0 ? -1 : (cpu1 - cpu0) / FILES * 1000;
    double perRequest = switches0 < 0 ? -1 : (switches1 - switches0) / (double) FILES;
    return SmallBench.row(server, SmallBench.RCLONE, op, inflight, FILES / seconds, per1000, perRequest, before);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void rclone(ChildJvm child, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("rclone", "--config", "/dev/null", "--retries", "1",
        "--low-level-retries", "1"));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    // The machine's AWS settings (a CA bundle, a profile) are not the benchmark's: rclone reads them.
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"));
    env.put("RCLONE_CONFIG_BENCH_TYPE", "s3");
    env.put("RCLONE_CONFIG_BENCH_PROVIDER", "Other");
    env.put("RCLONE_CONFIG_BENCH_ACCESS_KEY_ID", ServerBench.ACCESS_KEY);
    env.put("RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY", ServerBench.SECRET_KEY);
    env.put("RCLONE_CONFIG_BENCH_ENDPOINT", child.endpoint());
    env.put("RCLONE_CONFIG_BENCH_REGION", "us-east-1");
    env.put("RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE", "true");
    Process p = pb.start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("rclone " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
      throw new IOException("rclone " + args.get(0) + " exited with " + p.exitValue() + ": "
          + text.substring(Math.max(0, text.length() - 400)).replace('\n', ' '));
    }
  }
}
