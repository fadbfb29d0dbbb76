package io.s3wire.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;

/**
 * A caller's {@link InputStream} as a channel that calls the stream's {@code read} once per {@link
 * #read}. The JDK's {@code Channels.newChannel(InputStream)} loops inside one read until the stream
 * gives a byte, so a stream that breaks its contract and keeps returning 0 spins that thread for
 * ever; here a 0 comes back to the caller, and the body pump ends the upload with a typed failure.
 * Not thread-safe: one reader at a time (the body executor).
 */
public final class InputStreamChannel implements ReadableByteChannel {
  private static final int TRANSFER = 64 * 1024;
  private final InputStream in;
  private byte[] transfer;
  private boolean open = true;

  /**
   * Wraps {@code in}; closing the channel closes it.
   *
   * @param in the stream
   */
  public InputStreamChannel(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    int want = Math.min(dst.remaining(), TRANSFER);
    if (transfer == null || transfer.length < want) {
      transfer = new byte[Math.max(want, Math.min(TRANSFER, 8192))];
    }
    int n = in.read(transfer, 0, want);
    if (n > 0) {
      dst.put(transfer, 0, n);
    }
    return n;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }
}
