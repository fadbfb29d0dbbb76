package io.s3wire.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memory store whose reads of keys under {@code stall/} give their first {@link #SERVED} bytes,
 * then stop making progress: under {@code stall/block} a read blocks until its thread is
 * interrupted; under {@code stall/zero} every read returns 0 bytes (a channel breaking the
 * blocking-read contract). Other keys read normally.
 */
final class StallingStore extends ForwardingTestStore {
  /** Bytes served before the stall: exactly one of the server's 64 KiB response chunks. */
  static final int SERVED = 64 * 1024;

  /** Counted down when a read starts to block. */
  final CountDownLatch blocked = new CountDownLatch(1);
  /** Counted down when a blocked read let go of its thread, interrupted. */
  final CountDownLatch released = new CountDownLatch(1);
  /** Reads that returned 0 bytes. */
  final AtomicInteger zeroReads = new AtomicInteger();

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException {
    ObjectContent real = d.getObject(bucket, key, offset, length);
    if (!key.startsWith("stall/")) {
      return real;
    }
    boolean block = key.startsWith("stall/block");
    ReadableByteChannel stalling = new ReadableByteChannel() {
      private long served;

      @Override
      public int read(ByteBuffer dst) throws IOException {
        if (served < SERVED) {
          ByteBuffer window = dst.slice(dst.position(), (int) Math.min(dst.remaining(), SERVED - served));
          int n = real.channel().read(window);
          dst.position(dst.position() + Math.max(n, 0));
          served += Math.max(n, 0);
          return n;
        }
        if (!block) {
          zeroReads.incrementAndGet();
          return 0;
        }
        blocked.countDown();
        try {
          new CountDownLatch(1).await();
          throw new AssertionError("a latch nobody counts down opened");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          released.countDown();
          throw new InterruptedIOException("the stalled read of " + key + " was interrupted");
        }
      }

      @Override
      public boolean isOpen() {
        return real.channel().isOpen();
      }

      @Override
      public void close() throws IOException {
        real.close();
      }
    };
    return ObjectContent.of(real.info(), length, stalling);
  }
}
