package io.s3wire.cli.commands;

import io.s3wire.S3Client;
import io.s3wire.UploadInfo;
import io.s3wire.error.S3Exception;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs transfers on up to {@code parallel} threads and collects what failed.
 *
 * <p>While it runs, a shutdown hook (Ctrl-C, SIGTERM) interrupts every transfer, which cancels its
 * call, waits for them to stop (a download's temporary file is removed, never renamed into place),
 * and aborts any multipart upload still open for an object being uploaded, so nothing partial is
 * left behind; with {@code --resume}, uploads of files keep theirs and their state file instead.
 */
final class TransferRun {
  private static final long STOP_SECONDS = 20;

  private TransferRun() {}

  /**
   * Runs every transfer; {@code done} is called (on a worker thread, serialised) after each success.
   * Object-to-object copies over {@code copyThreshold} (at most 5 GiB) go as multipart copies.
   *
   * @return the failures, in no particular order
   */
  static List<Summary.Failed> run(S3Client client, List<Plans.Transfer> transfers, int parallel, CopyOptions options,
      TransferSettings settings, long copyThreshold, Progress progress, Consumer<Plans.Transfer> done) {
    // The copier's own threshold is the copy threshold, so what it is given goes as UploadPartCopy
    // parts; uploads keep the manager's default threshold.
    TransferConfig config = settings.config();
    try (TransferManager manager = TransferManager.create(client.async(), config);
        TransferManager copier = TransferManager.create(client.async(),
            config.withMultipartThreshold(Math.min(copyThreshold, Transfers.SINGLE_LIMIT)))) {
      Transfers.Engines engines = new Transfers.Engines(manager, copier, copier.config().multipartThreshold(),
          settings.resume());
      return run(client, engines, transfers, parallel, options, progress, done);
    }
  }

  private static List<Summary.Failed> run(S3Client client, Transfers.Engines engines, List<Plans.Transfer> transfers,
      int parallel, CopyOptions options, Progress progress, Consumer<Plans.Transfer> done) {
    Set<Transfer<?>> active = ConcurrentHashMap.newKeySet();
    List<Summary.Failed> failures = Collections.synchronizedList(new ArrayList<>());
    Set<Plans.Transfer> inFlight = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, transfers.size())), r -> {
      Thread t = new Thread(r, "s3wire-transfer");
      t.setDaemon(true);
      return t;
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        stop(client, pool, inFlight, active, engines.resume());
      } finally {
        stopped.countDown();
      }
    }, "s3wire-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      List<Future<?>> futures = new ArrayList<>(transfers.size());
      for (Plans.Transfer t : transfers) {
        futures.add(pool.submit(() -> {
          inFlight.add(t);
          try {
            Transfers.copy(client, engines, active, t, options, progress);
            synchronized (done) {
              done.accept(t);
            }
          } catch (S3Exception e) {
            failures.add(new Summary.Failed(t.source() + " -> " + t.target(), StorageCommand.oneLine(e), e));
          } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            failures.add(new Summary.Failed(t.source() + " -> " + t.target(), String.valueOf(e.getMessage())));
          } finally {
            inFlight.remove(t);
          }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(new Summary.Failed("transfer", String.valueOf(e.getCause())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pool.shutdownNow();
          failures.add(new Summary.Failed("transfer", "interrupted"));
          break;
        }
      }
    } finally {
      pool.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it needs the client open to abort uploads, so the caller (who closes
        // the client next) waits for it.
        try {
          stopped.await(2 * STOP_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return failures;
  }

  /**
   * The shutdown hook's work: cancel every running transfer and wait until each has cleaned up (its
   * multipart upload aborted, its temporary file removed), stop the workers, and abort any multipart
   * upload still open for an object that was being uploaded. With {@code resume}, uploads of files
   * are resumable: their multipart uploads are kept (their state files name them) and not aborted.
   */
  static void stop(S3Client client, ExecutorService pool, Set<Plans.Transfer> inFlight, Set<Transfer<?>> active,
      boolean resume) {
    List<Plans.Transfer> interrupted = new ArrayList<>(inFlight);
    List<Transfer<?>> running = new ArrayList<>(active);
    running.forEach(Transfer::cancel);
    for (Transfer<?> t : running) {
      try {
        t.result().handle((v, e) -> null).get(STOP_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // Reported below: the upload is aborted by listing what is still open.
      }
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Plans.Transfer t : interrupted) {
      if (resume && t.source() instanceof Location.Local && t.target() instanceof Location.Remote r) {
        System.err.println("s3wire: stopped uploading " + t.source() + " to " + r
            + "; run the same command with --resume to finish it");
      } else if (t.target() instanceof Location.Remote r && !(t.source() instanceof Location.Remote)) {
        try {
          for (UploadInfo u : client.listMultipartUploads(r.bucket(), r.key())) {
            if (u.upload().object().key().equals(r.key())) {
              client.abortMultipartUpload(u.upload());
            }
          }
        } catch (S3Exception e) {
          System.err.println("s3wire: could not abort the multipart upload of " + r + ": " + StorageCommand.oneLine(e));
        }
      }
    }
  }
}
