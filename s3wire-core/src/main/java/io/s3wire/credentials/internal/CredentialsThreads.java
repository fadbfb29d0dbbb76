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

  private CredentialsThreads() {}

  /** A few daemon threads, idle ones ending after a minute, so they never keep a JVM alive. */
  public static ExecutorService shared() {
    return SHARED;
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
