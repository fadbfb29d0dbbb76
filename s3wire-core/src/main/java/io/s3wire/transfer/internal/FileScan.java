package io.s3wire.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/**
 * Reads a region of a file positionally, a chunk at a time, through one direct buffer per worker
 * thread, for hashing and checksumming. Blocking: worker threads only, never an event loop.
 */
final class FileScan {
  private static final int BUFFER = 1024 * 1024;
  private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

  private FileScan() {}

  /** Hands each chunk of {@code length} bytes from {@code offset} to {@code chunk}, in order. */
  static void scan(FileChannel ch, long offset, long length, Consumer<ByteBuffer> chunk) throws IOException {
    ByteBuffer buf = BUFFERS.get();
    long pos = offset;
    long end = offset + length;
    while (pos < end) {
      buf.clear();
      buf.limit((int) Math.min(BUFFER, end - pos));
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("the file ended at byte " + pos + ", before " + end + "; did it change during the transfer?");
      }
      buf.flip();
      chunk.accept(buf);
      pos += n;
    }
  }

  /** The digest by {@code digest} (fresh) of {@code length} bytes of {@code ch} from {@code offset}. */
  static byte[] digest(FileChannel ch, long offset, long length, java.security.MessageDigest digest) throws IOException {
    scan(ch, offset, length, digest::update);
    return digest.digest();
  }
}
