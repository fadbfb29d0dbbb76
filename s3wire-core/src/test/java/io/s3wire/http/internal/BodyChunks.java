package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the body tests feed a {@link StreamingResponseBody}: numbered 64 KiB direct buffers of known bytes, and a source. */
final class BodyChunks {
  static final int CHUNK = 64 * 1024;

  private BodyChunks() {}

  /** Chunk {@code index} of the body, remembered in {@code offered} so a test can check it was released. */
  static ByteBuf chunk(int index, List<ByteBuf> offered) {
    byte[] bytes = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      bytes[i] = value(index * CHUNK + i);
    }
    ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(CHUNK).writeBytes(bytes);
    offered.add(b);
    return b;
  }

  /** The first {@code chunks} chunks' bytes, in order. */
  static byte[] expected(int chunks) {
    byte[] all = new byte[chunks * CHUNK];
    for (int i = 0; i < all.length; i++) {
      all[i] = value(i);
    }
    return all;
  }

  private static byte value(int position) {
    return (byte) (position * 31 + (position >>> 16));
  }

  /** A source with no network behind it: counts what the body tells it. */
  static final class CountingSource implements StreamingResponseBody.Source {
    final AtomicInteger consumed = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();

    @Override
    public void consumed() {
      consumed.incrementAndGet();
    }

    @Override
    public void cancel() {
      cancelled.incrementAndGet();
    }
  }
}
