package io.s3wire.server.soak;

import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Heap after a full collection, direct memory (JDK buffers and Netty's own count), open file descriptors,
 * threads, and the buffers the client's pooled allocator has handed out and not had back (those in its
 * threads' caches count as handed out until the thread ends).
 */
record Gauges(long heapUsed, long jdkDirect, long nettyDirect, long openFiles, int threads, long pooledBuffers) {
  private static final boolean NETTY_BYPASSES_JDK_COUNT = PlatformDependent.useDirectBufferNoCleaner();

  /**
   * Direct memory in all. Netty counts what its allocators hold; the JDK's pool counts it too unless
   * Netty allocates without a cleaner (then only Netty counts it), so the two add up only then.
   */
  long directUsed() {
    return NETTY_BYPASSES_JDK_COUNT ? jdkDirect + Math.max(0, nettyDirect) : jdkDirect;
  }

  /** Direct memory that is not Netty's: the JDK's own buffers (temporary I/O buffers, ours). */
  long directNotNetty() {
    return NETTY_BYPASSES_JDK_COUNT ? jdkDirect : jdkDirect - Math.max(0, nettyDirect);
  }

  static Gauges measure() throws InterruptedException {
    // Direct buffers are freed by the cleaner thread after the collection that found them
    // unreachable, not by the collection itself: collect until the JDK's count stops falling.
    long direct = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      collect();
      long now = directPoolUsed();
      if (i >= 2 && now >= direct) {
        direct = now;
        break;
      }
      direct = now;
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long fds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
        ? u.getOpenFileDescriptorCount() : -1;
    long pooledBuffers = PooledByteBufAllocator.DEFAULT.metric().directArenas().stream()
        .mapToLong(PoolArenaMetric::numActiveAllocations).sum();
    return new Gauges(heap, direct, PlatformDependent.usedDirectMemory(), fds,
        ManagementFactory.getThreadMXBean().getThreadCount(), pooledBuffers);
  }

  private static void collect() throws InterruptedException {
    ReferenceQueue<Object> q = new ReferenceQueue<>();
    WeakReference<Object> sentinel = new WeakReference<>(new Object(), q);
    System.gc();
    q.remove(2000);
    sentinel.clear();
  }

  private static long directPoolUsed() {
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        return pool.getMemoryUsed();
      }
    }
    return 0;
  }

  /**
   * Waits (up to {@code limit} in all) for the live threads whose names start with {@code prefix}
   * to end, and names those that did not.
   */
  static java.util.List<String> awaitThreadsEnded(String prefix, java.time.Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    java.util.List<String> left = new java.util.ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        t.join(Math.max(1, millis));
        if (t.isAlive()) {
          left.add(t.getName());
        }
      }
    }
    return left;
  }

  /** Live threads by name with the numbers taken out (e.g. {@code s3wire-io-#-#}), most first. */
  static java.util.Map<String, Long> threadsByName() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      out.merge(t.getName().replaceAll("[0-9]+", "#"), 1L, Long::sum);
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format("heap %.1f MiB, direct %.1f MiB (Netty's %.1f, the rest %.1f), open files %d, threads %d,"
        + " pooled buffers out %d", heapUsed / 1048576.0, directUsed() / 1048576.0, nettyDirect / 1048576.0,
        directNotNetty() / 1048576.0, openFiles, threads, pooledBuffers);
  }
}
