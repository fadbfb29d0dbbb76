package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.S3Server;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer's result completes where the client's futures do, so a dependent stage never runs on a
 * Netty event loop ({@code s3wire-io-*}) or on the manager's workers ({@code s3wire-transfer-*}). Each
 * test attaches its stage before the transfer can end (a gated executor, an unfinished input stream),
 * so the stage runs on the completing thread rather than on the test's.
 */
@Timeout(60)
class TransferCompletionTest {
  static final int MIB = 1024 * 1024;

  @TempDir Path temp;
  S3Server server;
  S3AsyncClient client;
  ExecutorService pool;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private S3AsyncClient connect(Executor completion) throws Exception {
    server = S3Server.builder().start();
    var b = S3AsyncClient.builder().awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint()).region("us-east-1").credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic());
    client = completion == null ? b.buildAsync() : b.completionExecutor(completion).buildAsync();
    client.createBucket("done").get(30, TimeUnit.SECONDS);
    return client;
  }

  /**
   * An MD5-checked download in two ranges of an object written with one PUT: its last step (the
   * file's digest against the ETag) runs on the manager's workers, so without the hop its dependents
   * would run there.
   */
  @Test
  void aDownloadCompletesOnTheConfiguredExecutor() throws Exception {
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newCachedThreadPool(r -> new Thread(r, "app-completion-" + n.incrementAndGet()));
    Gate gate = new Gate(pool);
    connect(gate);
    BucketKey obj = BucketKey.of("done", "two-ranges");
    byte[] data = new byte[6 * MIB];
    new Random(7).nextBytes(data);
    TransferConfig config = TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(MIB)
        .withChecksum(TransferChecksum.MD5);
    // One PUT: its ETag is the MD5 the download checks the whole file against.
    client.putObject(obj, data).get(30, TimeUnit.SECONDS);
    try (TransferManager tm = TransferManager.create(client, config)) {
      gate.close();
      Transfer<io.s3wire.ObjectInfo> t = tm.downloadFile(obj, temp.resolve("copy"), null);
      CompletableFuture<String> thread = t.result().thenApply(i -> Thread.currentThread().getName());
      gate.open();
      assertThat(thread.get(30, TimeUnit.SECONDS)).startsWith("app-completion-");
      assertThat(java.nio.file.Files.readAllBytes(temp.resolve("copy"))).isEqualTo(data);
    }
  }

  /** With no executor set, the client's own pool: named {@code s3wire-completion-N}. */
  @Test
  void anUploadCompletesOnTheClientsOwnPool() throws Exception {
    connect(null);
    try (TransferManager tm = TransferManager.create(client);
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out, 64 * 1024)) {
      Transfer<io.s3wire.PutObjectResult> t = tm.uploadStream(BucketKey.of("done", "streamed"), in, null);
      // The stream is not at its end, so the upload cannot have ended yet.
      CompletableFuture<String> thread = t.result().thenApply(r -> Thread.currentThread().getName());
      out.write(new byte[] {1, 2, 3});
      out.close();
      assertThat(thread.get(30, TimeUnit.SECONDS)).startsWith("s3wire-completion-");
      assertThat(client.getObjectBytes(BucketKey.of("done", "streamed")).get(30, TimeUnit.SECONDS).bytes())
          .containsExactly(1, 2, 3);
    }
  }

  /** An executor that hands what it is given to {@code pool}, or while closed holds it until opened again. */
  static final class Gate implements Executor {
    private final Executor pool;
    private final List<Runnable> held = new ArrayList<>();
    private boolean open = true;

    Gate(Executor pool) {
      this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable r) {
      if (open) {
        pool.execute(r);
      } else {
        held.add(r);
      }
    }

    synchronized void open() {
      open = true;
      held.forEach(pool::execute);
      held.clear();
    }

    synchronized void close() {
      open = false;
    }
  }
}
