package io.s3wire.server.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An object's bytes as a function of a seed: byte {@code i} comes from a SplitMix64 hash of {@code
 * (seed, i / 8)}, so any range can be produced or checked without keeping the object anywhere.
 */
record Content(long seed, long size) {
  private static final int CHUNK = 64 * 1024;

  byte at(long i) {
    return (byte) (block(i >>> 3) >>> ((i & 7) * 8));
  }

  private long block(long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Fills {@code dst} with bytes {@code [offset, offset + dst.length)}. */
  void fill(byte[] dst, long offset) {
    int i = 0;
    while (i < dst.length && ((offset + i) & 7) != 0) {
      dst[i] = at(offset + i);
      i++;
    }
    ByteBuffer b = ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN);
    for (; i + 8 <= dst.length; i += 8) {
      b.putLong(i, block((offset + i) >>> 3));
    }
    for (; i < dst.length; i++) {
      dst[i] = at(offset + i);
    }
  }

  byte[] bytes() {
    byte[] b = new byte[Math.toIntExact(size)];
    fill(b, 0);
    return b;
  }

  void writeTo(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[CHUNK];
      for (long off = 0; off < size; off += CHUNK) {
        int n = (int) Math.min(CHUNK, size - off);
        byte[] part = n == CHUNK ? buf : new byte[n];
        fill(part, off);
        ByteBuffer bb = ByteBuffer.wrap(part);
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
      }
    }
  }

  /**
   * Whether {@code in} holds exactly bytes {@code [first, first + length)} of this content and then
   * ends. Reads in chunks; never buffers the object.
   */
  boolean matches(InputStream in, long first, long length) throws IOException {
    byte[] got = new byte[CHUNK];
    byte[] want = new byte[CHUNK];
    long done = 0;
    while (done < length) {
      int n = in.readNBytes(got, 0, (int) Math.min(CHUNK, length - done));
      if (n <= 0) {
        return false;
      }
      byte[] w = n == CHUNK ? want : new byte[n];
      fill(w, first + done);
      if (!java.util.Arrays.equals(got, 0, n, w, 0, n)) {
        return false;
      }
      done += n;
    }
    return in.read() < 0;
  }
}
