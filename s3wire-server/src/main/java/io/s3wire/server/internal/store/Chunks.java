package io.s3wire.server.internal.store;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;

/**
 * An object's bytes held in memory as chunks of any length, with the offset where each chunk
 * starts. Chunks are not all the same length: a multipart object is its parts' chunks one after
 * the other, and each part's last chunk is short. So a range finds its first chunk by a binary
 * search over the start offsets, never by dividing by a chunk size. Immutable and thread-safe.
 */
final class Chunks {
  static final Chunks EMPTY = new Chunks(new byte[0][], new long[0], 0);

  private final byte[][] chunks;
  /** {@code starts[i]} is the offset of {@code chunks[i]}'s first byte; strictly increasing. */
  private final long[] starts;
  private final long size;

  private Chunks(byte[][] chunks, long[] starts, long size) {
    this.chunks = chunks;
    this.starts = starts;
    this.size = size;
  }

  /** The chunks in order; the arrays are not copied, so callers must not change them. Empty ones are left out. */
  static Chunks of(List<byte[]> list) {
    byte[][] kept = list.stream().filter(c -> c.length > 0).toArray(byte[][]::new);
    long[] starts = new long[kept.length];
    long offset = 0;
    for (int i = 0; i < kept.length; i++) {
      starts[i] = offset;
      offset += kept[i].length;
    }
    return new Chunks(kept, starts, offset);
  }

  /** The bytes of {@code parts}, one after the other (sharing their arrays). */
  static Chunks concat(List<Chunks> parts) {
    return of(parts.stream().flatMap(p -> Arrays.stream(p.chunks)).toList());
  }

  long size() {
    return size;
  }

  /** The index of the chunk holding byte {@code position}, which must be below {@link #size()}. */
  int indexOf(long position) {
    int i = Arrays.binarySearch(starts, position);
    // Not a chunk's first byte: the chunk before the insertion point holds it.
    return i >= 0 ? i : -i - 2;
  }

  /**
   * A channel over {@code length} bytes from {@code offset}; each read with room in its buffer gives
   * at least one byte until the range ends, then -1.
   *
   * @throws IllegalArgumentException when the range is not within the bytes
   */
  ReadableByteChannel channel(long offset, long length) {
    if (offset < 0 || length < 0 || offset > size - length) {
      throw new IllegalArgumentException("range of " + length + " bytes from " + offset + " is outside "
          + size + " bytes");
    }
    return new Reader(offset, length);
  }

  private final class Reader implements ReadableByteChannel {
    private int index;
    private int within;
    private long remaining;
    private boolean open = true;

    Reader(long offset, long length) {
      this.remaining = length;
      if (length > 0) {
        index = indexOf(offset);
        within = (int) (offset - starts[index]);
      }
    }

    @Override
    public int read(ByteBuffer dst) throws ClosedChannelException {
      if (!open) {
        throw new ClosedChannelException();
      }
      if (remaining == 0) {
        return -1;
      }
      byte[] chunk = chunks[index];
      int n = (int) Math.min(Math.min(dst.remaining(), chunk.length - within), remaining);
      dst.put(chunk, within, n);
      within += n;
      remaining -= n;
      if (within == chunk.length) {
        index++;
        within = 0;
      }
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
  }
}
