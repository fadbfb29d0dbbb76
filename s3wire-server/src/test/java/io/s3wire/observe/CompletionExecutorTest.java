package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.S3Client;
import io.s3wire.server.FaultRule;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The futures of S3AsyncClient complete on the completion executor, never on a Netty I/O thread. */
@Timeout(30)
class CompletionExecutorTest extends ObserveFixture {

  @Test
  void dependentStagesRunOnTheClientsCompletionThreadsByDefault() throws Exception {
    // The server holds the answer so the stages below are attached before the call completes.
    server.addFaultRule(FaultRule.when().method("HEAD").delay(Duration.ofMillis(300)));
    CompletableFuture<String> applied = client.headBucket(bucket).thenApply(v -> Thread.currentThread().getName());
    CompletableFuture<String> composed = client.headBucket(bucket)
        .thenCompose(v -> client.listBuckets())
        .thenApply(v -> Thread.currentThread().getName());
    assertThat(applied.get(10, TimeUnit.SECONDS)).startsWith("s3wire-completion-");
    assertThat(composed.get(10, TimeUnit.SECONDS)).startsWith("s3wire-completion-");
  }

  @Test
  void aGivenExecutorCompletesEveryFutureAndIsTheDefaultOfAsyncStages() throws Exception {
    GatedExecutor gate = new GatedExecutor();
    try (S3AsyncClient gated = builder().completionExecutor(gate).buildAsync()) {
      CompletableFuture<String> stage = gated.putObject(BucketKey.of(bucket, "k"), new byte[] {1, 2, 3})
          .thenApply(r -> Thread.currentThread().getName());
      CompletableFuture<String> async = gated.listBuckets().thenApplyAsync(r -> Thread.currentThread().getName());
      // Nothing completes before the executor runs the completions: they all wait in the gate.
      Thread runner = new Thread(() -> gate.runUntil(() -> stage.isDone() && async.isDone()), "gate-runner");
      runner.setDaemon(true);
      runner.start();
      assertThat(stage.get(10, TimeUnit.SECONDS)).isEqualTo("gate-runner");
      assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo("gate-runner");
      runner.join(10_000);
      assertThat(gate.ran.get()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void theBlockingClientDoesNotHopButItsAsyncViewDoes() throws Exception {
    CountingExecutor counting = new CountingExecutor();
    try (S3Client sync = builder().completionExecutor(counting).build()) {
      sync.putObject(BucketKey.of(bucket, "s"), new byte[] {4});
      sync.getObjectBytes(BucketKey.of(bucket, "s"));
      sync.listObjects(io.s3wire.ListObjectsRequest.of(bucket)).pages().count();
      assertThat(counting.count.get()).as("completions handed to the executor by blocking calls").isZero();
      String thread = sync.async().headBucket(bucket).thenApplyAsync(v -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
      assertThat(counting.count.get()).isGreaterThanOrEqualTo(1);
      assertThat(thread).isNotEmpty();
    }
  }

  /** Holds every task until a runner thread takes them. */
  private static final class GatedExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();
    final AtomicInteger ran = new AtomicInteger();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
      notifyAll();
    }

    void runUntil(java.util.function.BooleanSupplier done) {
      while (!done.getAsBoolean()) {
        Runnable next;
        synchronized (this) {
          while (tasks.isEmpty()) {
            try {
              wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          next = tasks.poll();
        }
        ran.incrementAndGet();
        next.run();
      }
    }
  }

  /** Runs tasks on the calling thread and counts them. */
  private static final class CountingExecutor implements Executor {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
      count.incrementAndGet();
      task.run();
    }
  }
}
