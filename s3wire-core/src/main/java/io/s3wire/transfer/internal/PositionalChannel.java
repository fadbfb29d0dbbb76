package io.s3wire.transfer.internal;

import io.s3wire.http.internal.InlineWriteChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Writes one range of a download at its place in the file, reports progress, and fails the write
 * when the transfer is cancelled so the GET is abandoned at once. Written on the transport's event
 * loop as the bytes arrive ({@link InlineWriteChannel}: a file in the page cache, straight from the
 * network's direct buffers, the range's checksum taken over the same buffers). A new attempt starts
 * from the range's beginning and takes back the bytes the last reported.
 *
 * <p>Each range has a file channel of its own: a gathering write ({@code writev}) goes at the
 * channel's position, which parallel ranges must not share.
 */
final class PositionalChannel implements InlineWriteChannel {
  private final FileChannel file;
  private final long start;
  private final int partNumber;
  private final TransferState state;
  private final java.security.MessageDigest digest;
  private long position;
  private long reported;

  PositionalChannel(FileChannel file, long start, int partNumber, TransferState state) {
    this(file, start, partNumber, state, null);
  }

  /** With a {@code checksum} algorithm, the checksum of the bytes written is kept ({@link #checksum()}). */
  PositionalChannel(FileChannel file, long start, int partNumber, TransferState state,
      io.s3wire.checksum.ChecksumAlgorithm checksum) {
    this.file = file;
    this.start = start;
    this.partNumber = partNumber;
    this.state = state;
    this.position = start;
    this.digest = checksum == null ? null : checksum.newDigest();
  }

  /** Rewinds for another attempt. */
  synchronized PositionalChannel restart() {
    state.bytes(partNumber, -reported);
    reported = 0;
    position = start;
    if (digest != null) {
      digest.reset();
    }
    return this;
  }

  /** The checksum of what this attempt wrote (constructed with an algorithm); call once, at its end. */
  synchronized byte[] checksum() {
    return digest.digest();
  }

  synchronized long written() {
    return position - start;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    return (int) write(new ByteBuffer[] {src}, 0, 1);
  }

  @Override
  public long write(ByteBuffer[] srcs) throws IOException {
    return write(srcs, 0, srcs.length);
  }

  @Override
  public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    state.checkCancelled();
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      total += srcs[i].remaining();
      if (digest != null) {
        digest.update(srcs[i].duplicate());
      }
    }
    file.position(position);
    long left = total;
    int first = offset;
    while (left > 0) {
      left -= file.write(srcs, first, offset + length - first);
      while (first < offset + length && !srcs[first].hasRemaining()) {
        first++;
      }
    }
    position += total;
    reported += total;
    state.bytes(partNumber, total);
    return total;
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  /** Closes this range's file channel; the download's own channel stays open. */
  @Override
  public void close() throws IOException {
    file.close();
  }
}
