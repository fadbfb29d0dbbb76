package io.s3wire.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the futures of the public asynchronous API complete: every future an {@code S3AsyncClient}
 * method returns passes {@link #publish} once, so no dependent stage of a caller ever runs on a
 * Netty event loop (where a blocking callback would stall every connection of the loop).
 *
 * <p>The default is a pool this client owns: daemon threads named {@code s3wire-completion-N}, made
 * on demand and ended after a minute idle. Not {@code ForkJoinPool.commonPool()}: on a machine with
 * two cores its parallelism is one, it is shared with every parallel stream of the JVM, and callers
 * do block in callbacks (a blocking call of the same client inside a {@code thenCompose} is common);
 * an unbounded pool of idle-ending threads cannot be starved that way and costs nothing while unused.
 *
 * <p>A completion the executor refuses (it was shut down) runs on the completing thread rather than
 * being lost.
 */
public final class CompletionHop implements AutoCloseable {
  /** Completes on the thread that completed the call: for the blocking client, whose caller waits anyway. */
  public static final CompletionHop DIRECT = new CompletionHop(null, false);

  private final Executor executor;
  private final boolean owned;

  private CompletionHop(Executor executor, boolean owned) {
    this.executor = executor;
    this.owned = owned;
  }

  /** Completes on {@code executor}, which the caller owns and shuts down. */
  public static CompletionHop using(Executor executor) {
    return new CompletionHop(executor, false);
  }

  /** Completes on a pool of its own, shut down by {@link #close()}. */
  public static CompletionHop ownPool() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "s3wire-completion-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // Unbounded: a callback that waits for another call of the client must find a thread to complete it.
    return new CompletionHop(Executors.newCachedThreadPool(threads), true);
  }

  /**
   * A future that completes as {@code source} does, on this hop's executor; cancelling it, or any
   * future derived from it, cancels {@code source} (which aborts the call on the wire).
   */
  public <T> CompletableFuture<T> publish(CompletableFuture<T> source) {
    if (executor == null) {
      return source;
    }
    LinkedFuture<T> out = LinkedFuture.incomplete(() -> source.cancel(false), executor);
    source.whenComplete((value, failure) -> {
      Runnable complete = () -> LinkedFuture.complete(out, value, failure);
      try {
        executor.execute(complete);
      } catch (RejectedExecutionException e) {
        complete.run();
      }
    });
    return out;
  }

  @Override
  public void close() {
    if (owned) {
      // Not shutdownNow: completions already queued still run.
      ((ExecutorService) executor).shutdown();
    }
  }
}
