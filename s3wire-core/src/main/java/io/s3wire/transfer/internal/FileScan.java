package io.s3wire.transfer.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * Reads a region of a file positionally, a chunk at a time, through a direct buffer borrowed from
 * Netty's pool for the one scan, for hashing and checksumming. Borrowed rather than kept per thread:
 * a buffer per thread of the transfer pools held direct memory in step with how many threads a load
 * peak had left alive. Blocking: worker threads only, never an event loop.
 */
final class FileScan {
  private static final int BUFFER = 1024 * 1024;

  private FileScan() {}

  /** Hands each chunk of {@code length} bytes from {@code offset} to {@code chunk}, in order. */
  static void scan(FileChannel ch, long offset, long length, Consumer<ByteBuffer> chunk) throws IOException {
    ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer((int) Math.min(BUFFER, Math.max(1, length)));
    try {
      ByteBuffer buf = pooled.nioBuffer(0, pooled.capacity());
      long pos = offset;
      long end = offset + length;
      while (pos < end) {
        buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
        int n = ch.read(buf, pos);
        if (n < 0) {
          throw new IOException("the file ended at byte " + pos + ", before " + end + "; did it change during the transfer?");
        }
        buf.flip();
        chunk.accept(buf);
        pos += n;
      }
    } finally {
      pooled.release();
    }
  }

  /** The digest by {@code digest} (fresh) of {@code length} bytes of {@code ch} from {@code offset}. */
  static byte[] digest(FileChannel ch, long offset, long length, java.security.MessageDigest digest) throws IOException {
    scan(ch, offset, length, digest::update);
    return digest.digest();
  }
}
