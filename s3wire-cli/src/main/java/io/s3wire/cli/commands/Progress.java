package io.s3wire.cli.commands;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr (bytes, rate, ETA; objects for recursive copies), redrawn a few
 * times a second. Drawn only on a terminal and never with --quiet or --json ({@link #NONE}).
 * Thread-safe: transfers add bytes from any thread.
 */
class Progress implements AutoCloseable {
  /** Counts nothing, draws nothing. */
  static final Progress NONE = new Progress(null, 0, 0) {
    @Override
    void addBytes(long n) {}

    @Override
    void objectDone() {}

    @Override
    public void close() {}
  };

  private final PrintWriter err;
  private final long totalBytes;
  private final long totalObjects;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong objects = new AtomicLong();
  private final long start = System.nanoTime();
  private final ScheduledExecutorService ticker;

  private Progress(PrintWriter err, long totalBytes, long totalObjects) {
    this.err = err;
    this.totalBytes = totalBytes;
    this.totalObjects = totalObjects;
    this.ticker = err == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "s3wire-progress");
      t.setDaemon(true);
      return t;
    });
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    }
  }

  /** A bar when {@code show}, else {@link #NONE}. */
  static Progress start(boolean show, PrintWriter err, long totalBytes, long totalObjects) {
    return show ? new Progress(err, totalBytes, totalObjects) : NONE;
  }

  void addBytes(long n) {
    bytes.addAndGet(n);
  }

  void objectDone() {
    objects.incrementAndGet();
  }

  /** The bar's text, e.g. {@code 12.0 MiB / 40.0 MiB  3.1 MiB/s  ETA 9s  (3/10 objects)}. */
  static String line(long done, long total, long objectsDone, long objectsTotal, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder();
    sb.append(Format.human(done)).append(" / ").append(Format.human(total));
    sb.append("  ").append(Format.human((long) rate)).append("/s");
    if (rate > 0 && total > done) {
      sb.append("  ETA ").append(Format.duration((long) Math.ceil((total - done) / rate)));
    }
    if (objectsTotal > 1) {
      sb.append(String.format(Locale.ROOT, "  (%d/%d objects)", objectsDone, objectsTotal));
    }
    return sb.toString();
  }

  private void draw() {
    double seconds = (System.nanoTime() - start) / 1e9;
    synchronized (err) {
      err.print("\r" + line(bytes.get(), totalBytes, objects.get(), totalObjects, seconds) + "\033[K");
      err.flush();
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    synchronized (err) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
