package io.s3wire.transfer.internal;

import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferProgress;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One transfer's shared state: progress counters, the listener, and the cancellation flag that
 * every part checks before it starts and on every chunk it moves.
 *
 * <p>Thread-safe: parts update it from transport body threads and worker threads.
 */
public final class TransferState {
  private final TransferListener listener;
  private final long startNanos = System.nanoTime();
  private final AtomicLong transferred = new AtomicLong();
  private final AtomicInteger completedParts = new AtomicInteger();
  private final CopyOnWriteArrayList<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
  private volatile long totalBytes;
  private volatile int totalParts;
  private volatile boolean cancelled;

  public TransferState(TransferListener listener, long totalBytes, int totalParts) {
    this.listener = listener;
    this.totalBytes = totalBytes;
    this.totalParts = totalParts;
  }

  public void totals(long bytes, int parts) {
    this.totalBytes = bytes;
    this.totalParts = parts;
  }

  /** {@code n} bytes of part {@code part} moved; negative to take back an abandoned attempt's bytes. */
  public void bytes(int part, long n) {
    transferred.addAndGet(n);
    if (n > 0) {
      listener.onPartBytes(part, n, progress());
    }
  }

  /** A part finished without moving bytes here (found complete on resume, or copied by the server). */
  public void skipped(long n) {
    transferred.addAndGet(n);
  }

  public void partCompleted(int part, long size) {
    completedParts.incrementAndGet();
    listener.onPartCompleted(part, size, progress());
  }

  public TransferProgress progress() {
    long done = transferred.get();
    long total = totalBytes;
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = done / seconds;
    Duration eta = total < 0 || rate <= 0 ? null : Duration.ofMillis((long) (Math.max(0, total - done) / rate * 1000));
    return new TransferProgress(done, total, completedParts.get(), totalParts, rate, eta);
  }

  /** Marks the transfer cancelled and runs the hooks (each part's abort), once. */
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    for (Runnable r : cancelHooks) {
      r.run();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs {@code hook} on cancellation (at once when already cancelled), unless removed before. */
  public void onCancel(Runnable hook) {
    cancelHooks.add(hook);
    if (cancelled) {
      hook.run();
    }
  }

  public void removeOnCancel(Runnable hook) {
    cancelHooks.remove(hook);
  }

  /** Throws the cancellation failure when the transfer was cancelled. */
  public void checkCancelled() {
    if (cancelled) {
      throw cancelledException();
    }
  }

  public static TransportException cancelledException() {
    return new TransportException(TransportException.Kind.CANCELLED, "the transfer was cancelled", RetrySafety.UNKNOWN, null);
  }
}
