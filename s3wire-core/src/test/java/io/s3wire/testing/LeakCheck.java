package io.s3wire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test after which Netty's leak detector reports a leaked buffer.
 *
 * <p>The detector (PARANOID in this build) reports a leak when a buffer it tracks is
 * garbage-collected unreleased. Reports are taken from the detector itself, not from a log: Netty
 * logs through SLF4J (the client routes it there) and a quiet binding would drop them. {@link
 * LeakReports} installs the counting detectors when the test launcher starts, before any buffer
 * class exists; this class refuses to run if they are not the ones in use. After each test it forces
 * collection, allocates to make the detector look, and fails on any report.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
  private static final List<String> LEAKS = LeakReports.LEAKS;

  static {
    LeakReports.requireInstalled();
  }

  /**
   * Runs a GC and waits until the JVM's reference handler has enqueued what it cleared (a sentinel
   * shows up): System.gc() returns before that, and the detector only sees enqueued references.
   */
  private static void collect() {
    java.lang.ref.ReferenceQueue<Object> queue = new java.lang.ref.ReferenceQueue<>();
    java.lang.ref.WeakReference<Object> sentinel = new java.lang.ref.WeakReference<>(new Object(), queue);
    System.gc();
    try {
      queue.remove(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sentinel.clear();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LEAKS.clear();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check();
  }

  /** The same check once after all tests of a class, for classes with many small cases. */
  public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
      org.junit.jupiter.api.extension.AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      LEAKS.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      check();
    }
  }

  /** How many leak reports Netty logged since the last test began (before any forced collection). */
  public static int reportedSoFar() {
    return LEAKS.size();
  }

  static void check() {
    for (int i = 0; i < 3 && LEAKS.isEmpty(); i++) {
      collect();
      for (ByteBufAllocator a : new ByteBufAllocator[] {PooledByteBufAllocator.DEFAULT, ByteBufAllocator.DEFAULT}) {
        ByteBuf b = a.directBuffer(16);
        b.release();
        b = a.heapBuffer(16);
        b.release();
      }
      Unpooled.directBuffer(1).release();
    }
    if (!LEAKS.isEmpty()) {
      throw new AssertionError("Netty reported " + LEAKS.size() + " leaked buffer(s):\n" + LEAKS.get(0));
    }
  }
}
