package io.s3wire.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps {@code concurrency} blocking calls in flight (one per thread) for a warm-up window, then
 * counts completions in a measured window. The first failure stops the loop and is thrown: a
 * broken call is never counted as a fast one.
 */
public final class RateLoop {
  /** One call; {@code thread} and {@code n} let it pick a key. */
  public interface Call {
    void run(int thread, long n) throws Exception;
  }

  private RateLoop() {}

  public static double perSecond(int concurrency, long warmupMillis, long measureMillis, Call call) throws Exception {
    return perSecond(concurrency, warmupMillis, measureMillis, call, () -> { }, () -> { });
  }

  /**
   * As {@link #perSecond(int, long, long, Call)}, running {@code onStart} just before the measured
   * window opens and {@code onEnd} just after it closes (to sample a server's CPU time, say).
   */
  public static double perSecond(int concurrency, long warmupMillis, long measureMillis, Call call, Runnable onStart,
      Runnable onEnd) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean counting = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      int id = i;
      Thread th = new Thread(() -> {
        long n = 0;
        while (!stop.get() && failure.get() == null) {
          try {
            call.run(id, n++);
            if (counting.get()) {
              done.incrementAndGet();
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }
      }, "rate-" + i);
      th.setDaemon(true);
      threads.add(th);
      th.start();
    }
    // The harness times fixed windows; nothing here waits for a condition.
    Thread.sleep(warmupMillis);
    onStart.run();
    long start = System.nanoTime();
    counting.set(true);
    Thread.sleep(measureMillis);
    counting.set(false);
    long elapsed = System.nanoTime() - start;
    onEnd.run();
    long count = done.get();
    stop.set(true);
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(120));
    }
    if (failure.get() != null) {
      Throwable f = failure.get();
      throw new IOException("a call failed: " + f, f);
    }
    return count / (elapsed / 1e9);
  }
}
