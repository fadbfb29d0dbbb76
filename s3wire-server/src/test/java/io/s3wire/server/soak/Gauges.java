package io.s3wire.server.soak;

import io.netty.util.internal.PlatformDependent;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/** Heap after a full collection, direct memory (JDK buffers and Netty's own count) and open file descriptors. */
record Gauges(long heapUsed, long jdkDirect, long nettyDirect, long openFiles, int threads) {
  /** Direct memory in all: the JDK's buffers and Netty's own (which the JDK does not count). */
  long directUsed() {
    return jdkDirect + Math.max(0, nettyDirect);
  }

  static Gauges measure() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      ReferenceQueue<Object> q = new ReferenceQueue<>();
      WeakReference<Object> sentinel = new WeakReference<>(new Object(), q);
      System.gc();
      q.remove(2000);
      sentinel.clear();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        direct = pool.getMemoryUsed();
      }
    }
    long fds = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
        ? u.getOpenFileDescriptorCount() : -1;
    return new Gauges(heap, direct, PlatformDependent.usedDirectMemory(), fds,
        ManagementFactory.getThreadMXBean().getThreadCount());
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
    return String.format("heap %.1f MiB, direct %.1f MiB (JDK buffers %.1f, Netty %.1f), open files %d, threads %d",
        heapUsed / 1048576.0, directUsed() / 1048576.0, jdkDirect / 1048576.0, nettyDirect / 1048576.0, openFiles,
        threads);
  }
}
