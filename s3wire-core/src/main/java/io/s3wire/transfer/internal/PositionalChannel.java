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
  private long position;
  private long reported;

  PositionalChannel(FileChannel file, long start, int partNumber, TransferState state) {
    this.file = file;
    this.start = start;
    this.partNumber = partNumber;
    this.state = state;
    this.position = start;
  }

  /** Rewinds for another attempt. */
  synchronized PositionalChannel restart() {
    state.bytes(partNumber, -reported);
    reported = 0;
    position = start;
    return this;
  }

  synchronized long written() {
    return position - start;
  }

  @Override
  public synchronized int write(ByteBuffer src) throws IOException {
    state.checkCancelled();
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
