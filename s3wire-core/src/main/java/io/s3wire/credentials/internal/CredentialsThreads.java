package io.s3wire.credentials.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads credential loaders run on (files, processes, blocking waits on HTTP) and the place
 * their warnings go: JDK platform logging until the library logs through SLF4J.
 */
public final class CredentialsThreads {
  private static final System.Logger LOG = System.getLogger("io.s3wire.credentials");
  private static final ExecutorService SHARED = newPool();
  // Unbounded: a loader waiting on a process's pipes must never wait for a loader thread.
  private static final ExecutorService PIPES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "s3wire-credentials-pipe");
    t.setDaemon(true);
    return t;
  });

  private CredentialsThreads() {}

  /** A few daemon threads, idle ones ending after a minute, so they never keep a JVM alive. */
  public static ExecutorService shared() {
    return SHARED;
  }

  /** Daemon threads that drain a child process's output while a loader waits for it. */
  public static ExecutorService pipes() {
    return PIPES;
  }

  /** Logs a warning (the caller keeps secrets out of it). */
  public static void warn(String message) {
    LOG.log(System.Logger.Level.WARNING, message);
  }

  private static ExecutorService newPool() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor p = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "s3wire-credentials-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    p.allowCoreThreadTimeOut(true);
    return p;
  }
}
