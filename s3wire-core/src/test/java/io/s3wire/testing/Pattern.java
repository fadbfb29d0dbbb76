package io.s3wire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.s3wire.http.RequestBody;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.CRC32;

/**
 * A deterministic byte stream of any length, generated on the fly (a 64 KiB block repeated), so
 * tests can move a gigabyte without holding it and check it arrived intact by CRC-32.
 */
public final class Pattern {
  static final int BLOCK = 64 * 1024;
  private static final byte[] BYTES = new byte[BLOCK];

  static {
    for (int i = 0; i < BLOCK; i++) {
      BYTES[i] = (byte) (i * 7 + (i >>> 8));
    }
  }

  /** Shared read-only block for servers to slice (never released). */
  static final ByteBuf BLOCK_BUF = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(BYTES).asReadOnly());

  private Pattern() {}

  /** CRC-32 of the first {@code length} bytes of the pattern. */
  public static long crc(long length) {
    CRC32 crc = new CRC32();
    long left = length;
    while (left > 0) {
      int n = (int) Math.min(BLOCK, left);
      crc.update(BYTES, 0, n);
      left -= n;
    }
    return crc.getValue();
  }

  /** A replayable request body of {@code length} pattern bytes; {@code announceLength} false sends it chunked. */
  public static RequestBody body(long length, boolean announceLength) {
    return new RequestBody() {
      @Override
      public long contentLength() {
        return announceLength ? length : -1;
      }

      @Override
      public boolean isReplayable() {
        return true;
      }

      @Override
      public ReadableByteChannel open() {
        return new ReadableByteChannel() {
          private long pos;
          private boolean open = true;

          @Override
          public int read(ByteBuffer dst) {
            if (pos >= length) {
              return -1;
            }
            int off = (int) (pos % BLOCK);
            int n = (int) Math.min(Math.min(dst.remaining(), BLOCK - off), length - pos);
            dst.put(BYTES, off, n);
            pos += n;
            return n;
          }

          @Override
          public boolean isOpen() {
            return open;
          }

          @Override
          public void close() {
            open = false;
          }
        };
      }
    };
  }
}
