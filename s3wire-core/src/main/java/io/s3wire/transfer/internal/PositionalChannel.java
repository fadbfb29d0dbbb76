package io.s3wire.transfer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Writes one range of a download at its place in the file ({@link FileChannel#write(ByteBuffer,
 * long)}, safe for parallel ranges), reports progress, and fails the write when the transfer is
 * cancelled so the GET is abandoned at once. Runs on the transport's body thread, never its event
 * loop. A new attempt starts from the range's beginning and takes back the bytes the last reported.
 */
final class PositionalChannel implements WritableByteChannel {
  private final FileChannel file;
  private final long start;
  private final int partNumber;
  private final TransferState state;
  private final java.util.zip.CRC32C crc;
  private long position;
  private long reported;

  PositionalChannel(FileChannel file, long start, int partNumber, TransferState state) {
    this(file, start, partNumber, state, false);
  }

  /** With {@code checksummed}, the CRC32C of the bytes written is kept ({@link #crc32c()}). */
  PositionalChannel(FileChannel file, long start, int partNumber, TransferState state, boolean checksummed) {
    this.file = file;
    this.start = start;
    this.partNumber = partNumber;
    this.state = state;
    this.position = start;
    this.crc = checksummed ? new java.util.zip.CRC32C() : null;
  }

  /** Rewinds for another attempt. */
  synchronized PositionalChannel restart() {
    state.bytes(partNumber, -reported);
    reported = 0;
    position = start;
    if (crc != null) {
      crc.reset();
    }
    return this;
  }

  /** The CRC32C of what this attempt wrote (constructed checksummed). */
  synchronized int crc32c() {
    return (int) crc.getValue();
  }

  synchronized long written() {
    return position - start;
  }

  @Override
  public synchronized int write(ByteBuffer src) throws IOException {
    state.checkCancelled();
    if (crc != null) {
      crc.update(src.duplicate());
    }
    int total = 0;
    while (src.hasRemaining()) {
      int n = file.write(src, position);
      position += n;
      total += n;
    }
    reported += total;
    state.bytes(partNumber, total);
    return total;
  }

  @Override
  public boolean isOpen() {
    return file.isOpen();
  }

  @Override
  public void close() {
    // The file is shared by every range; the download closes it.
  }
}
