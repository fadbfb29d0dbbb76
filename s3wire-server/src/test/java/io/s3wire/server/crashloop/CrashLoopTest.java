package io.s3wire.server.crashloop;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.S3Client;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.BucketVersioning;
import io.s3wire.server.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash loops: a file-store server in a child JVM is killed with SIGKILL at a random moment while
 * workers write concurrently (PUTs of 0 B to 1 MiB, multipart completions, open and aborted
 * uploads, copies, deletes, versioned writes), then restarted on the same directory, again and
 * again. After each restart every acknowledged write must read back byte for byte, the write in
 * flight at the kill must show its old or its new state and nothing else, listings must agree, no
 * leftover file may stay behind, and the store must open (within a generous bound).
 *
 * <p>{@code -Ds3wire.crashloop.iterations=N} (default 100) sets the number of kills;
 * {@code -Ds3wire.crashloop.seed=S} replays a run's choices (operations, sizes, kill points; the
 * threads' interleaving still varies). The figures are printed and written to
 * {@code target/crashloop-report.txt}.
 */
@Tag("crashloop")
class CrashLoopTest {
  private static final int WORKERS = 3;
  private static final long OPEN_BOUND_SECONDS = 120;

  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void everyAcknowledgedWriteSurvivesRepeatedSigkills(@TempDir Path dir) throws Exception {
    int iterations = Integer.getInteger("s3wire.crashloop.iterations", 100);
    long seed = Long.getLong("s3wire.crashloop.seed", System.nanoTime());
    System.out.println("crash loop: " + iterations + " iterations, seed " + seed
        + " (replay with -Ds3wire.crashloop.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    Path store = Files.createDirectories(dir.resolve("store"));
    try (ObjectStore s = ObjectStore.file(store)) {
      s.createBucket(Worker.PLAIN);
      s.createBucket(Worker.VERSIONED);
      s.setVersioning(Worker.VERSIONED, BucketVersioning.ENABLED);
    }
    LoopFigures figures = new LoopFigures();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(new Worker(i, random.nextLong(), figures));
    }
    long started = System.nanoTime();
    ChildServer child = startChild(store, figures);
    try {
      for (int i = 0; i < iterations; i++) {
        HttpVersionPolicy policy = i % 2 == 0 ? HttpVersionPolicy.HTTP_1_1 : HttpVersionPolicy.HTTP_2;
        int target = random.nextInt(1, 40);
        long extraNanos = random.nextLong(0, TimeUnit.MILLISECONDS.toNanos(25));
        try (S3Client client = client(child, policy)) {
          writeUntilKilled(child, client, workers, target, extraNanos, i);
        }
        child = startChild(store, figures);
        try (S3Client client = client(child, policy)) {
          Verifier verifier = new Verifier(client, figures);
          workers.forEach(verifier::verify);
        }
        for (String leftover : StoreFiles.leftovers(store)) {
          figures.finding("iteration " + i + ": after open, " + leftover);
        }
        if (figures.findings.size() + figures.unexpected.size() > 20) {
          break;
        }
      }
    } finally {
      child.kill();
    }
    String report = report(iterations, seed, figures, (System.nanoTime() - started) / 1_000_000_000);
    System.out.println(report);
    Files.writeString(Path.of("target", "crashloop-report.txt"), report);
    assertThat(figures.unexpected).as("failures before a kill").isEmpty();
    assertThat(figures.findings).as("acknowledged writes lost, torn or mixed states, leftover files").isEmpty();
    assertThat(figures.acknowledgedTotal()).as("operations acknowledged").isGreaterThanOrEqualTo(iterations);
  }

  private static ChildServer startChild(Path store, LoopFigures figures) throws Exception {
    long start = System.nanoTime();
    ChildServer child = ChildServer.start(store);
    child.awaitPort(OPEN_BOUND_SECONDS);
    figures.startMillis.add((System.nanoTime() - start) / 1_000_000);
    figures.openMicros.add(child.openMicros());
    return child;
  }

  private static S3Client client(ChildServer child, HttpVersionPolicy policy) throws Exception {
    return S3Client.builder().endpoint("http://127.0.0.1:" + child.awaitPort(1)).region("us-east-1")
        .credentials("AKIDCRASHLOOP", "crashloop-secret").retryPolicy(RetryPolicy.none())
        .transportConfig(TransportConfig.builder().versionPolicy(policy).build()).build();
  }

  /**
   * Runs the workers until {@code target} operations were acknowledged in this round, waits
   * {@code extraNanos} more, then kills the child and waits (bounded) until every worker stopped.
   */
  private static void writeUntilKilled(ChildServer child, S3Client client, List<Worker> workers, int target,
      long extraNanos, int iteration) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicLong acknowledged = new AtomicLong();
    CountDownLatch reached = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Worker w : workers) {
      Thread t = new Thread(() -> w.run(client, killed::get, () -> {
        if (acknowledged.incrementAndGet() >= target) {
          reached.countDown();
        }
      }), "crashloop-worker-" + w.id);
      t.start();
      threads.add(t);
    }
    boolean inTime = reached.await(120, TimeUnit.SECONDS);
    LockSupport.parkNanos(extraNanos);
    killed.set(true);
    child.kill();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      assertThat(t.isAlive()).as("worker " + t.getName() + " still running 60 s after the kill").isFalse();
    }
    assertThat(inTime).as("iteration " + iteration + ": " + target + " operations acknowledged within 120 s")
        .isTrue();
  }

  private static String report(int iterations, long seed, LoopFigures f, long seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append("== crash loop: ").append(iterations).append(" SIGKILLs, ").append(WORKERS).append(" workers, seed ")
        .append(seed).append(", ").append(seconds).append(" s\n");
    sb.append("child JVM: ").append(String.join(" ", ChildServer.LEAN_JVM)).append('\n');
    sb.append("operations acknowledged: ").append(f.acknowledgedTotal()).append(' ')
        .append(f.acknowledgedByOperation()).append('\n');
    sb.append("operations in flight at a kill: ").append(f.inFlightAtKill.get()).append(" (writes whose new state")
        .append(" was seen after the restart: ").append(f.inFlightSeenNew.get()).append(", old state: ")
        .append(f.inFlightSeenOld.get()).append(")\n");
    sb.append("verified after restarts: ").append(f.objectsVerified.get()).append(" object reads, ")
        .append(f.versionsVerified.get()).append(" version reads, ").append(f.uploadsVerified.get())
        .append(" open uploads\n");
    sb.append(String.format("store open time (ObjectStore.file in the child): median %.1f ms, max %.1f ms over %d opens%n",
        LoopFigures.median(f.openMicros) / 1000.0, LoopFigures.max(f.openMicros) / 1000.0, f.openMicros.size()));
    sb.append("child start to serving: median ").append(LoopFigures.median(f.startMillis)).append(" ms, max ")
        .append(LoopFigures.max(f.startMillis)).append(" ms\n");
    sb.append("failures before a kill: ").append(f.unexpected.size()).append(' ')
        .append(LoopFigures.firstFew(f.unexpected)).append('\n');
    sb.append("findings: ").append(f.findings.size()).append(' ').append(LoopFigures.firstFew(f.findings))
        .append('\n');
    return sb.toString();
  }
}
