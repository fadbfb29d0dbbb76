package io.s3wire.transfer.internal;

import io.s3wire.http.RequestBody;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** A replayable body over {@code length} bytes of an array from {@code offset}; the array is not copied. */
final class SliceBody implements RequestBody {
  private final byte[] array;
  private final int offset;
  private final int length;

  SliceBody(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public boolean isReplayable() {
    return true;
  }

  @Override
  public ReadableByteChannel open() {
    ByteBuffer src = ByteBuffer.wrap(array, offset, length).slice();
    return new ReadableByteChannel() {
      private boolean open = true;

      @Override
      public int read(ByteBuffer dst) {
        if (!src.hasRemaining()) {
          return -1;
        }
        int n = Math.min(dst.remaining(), src.remaining());
        ByteBuffer chunk = src.slice();
        chunk.limit(n);
        dst.put(chunk);
        src.position(src.position() + n);
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
}
