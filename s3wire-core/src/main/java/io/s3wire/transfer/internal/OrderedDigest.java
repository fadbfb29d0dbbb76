package io.s3wire.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The digest (MD5, SHA1, SHA256...) of a file being filled by parallel ranges, computed while they
 * arrive: as soon as the ranges from the start form an unbroken run, that run is hashed from the
 * file (page cache) on a worker, one range after another, so hashing overlaps the download instead
 * of following it.
 */
final class OrderedDigest {
  private final FileChannel file;
  private final long[] offsets;
  private final long[] lengths;
  private final boolean[] done;
  private final Executor workers;
  private final MessageDigest md;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private int next;
  private boolean running;

  OrderedDigest(MessageDigest md, FileChannel file, long[] offsets, long[] lengths, Executor workers) {
    this.md = md;
    this.file = file;
    this.offsets = offsets;
    this.lengths = lengths;
    this.done = new boolean[offsets.length];
    this.workers = workers;
    if (offsets.length == 0) {
      result.complete(md.digest());
    }
  }

  /** The digest of the whole file, once every range was {@link #completed}. */
  CompletableFuture<byte[]> result() {
    return result;
  }

  synchronized void completed(int index) {
    done[index] = true;
    if (!running && next < done.length && done[next]) {
      running = true;
      workers.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      int i;
      synchronized (this) {
        if (next >= done.length || !done[next]) {
          running = false;
          return;
        }
        i = next;
      }
      try {
        hashInto(i);
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      synchronized (this) {
        next++;
        if (next == done.length) {
          running = false;
          result.complete(md.digest());
          return;
        }
      }
    }
  }

  private void hashInto(int i) throws IOException {
    FileScan.scan(file, offsets[i], lengths[i], md::update);
  }
}
