package io.s3wire.http.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;

/**
 * A channel that a response body may write from the transport's event loop, as the bytes arrive,
 * instead of handing them to a body thread: its writes go to a local file and never wait on a peer.
 *
 * <p>{@link StreamingResponseBody#transferTo} writes such a channel on the thread that read the
 * bytes, straight from Netty's direct buffers (no queue hand-off, no wake-up of another thread, no
 * copy). Back-pressure is kept: while the event loop writes it reads nothing, so a slow disk slows
 * the sender through TCP (HTTP/1.1) or the flow-control window (HTTP/2), and at most one batch is
 * held. A write that throws fails the transfer and cancels the exchange.
 *
 * <p>Only channels the library opens itself on regular files implement this; a caller's channel
 * (which may block on anything) is always written off the event loop.
 */
public interface InlineWriteChannel extends GatheringByteChannel {
  /**
   * A file channel written from its current position, for a whole-object download.
   *
   * @param file a channel on a regular file, opened for writing; closing the result closes it
   * @return the channel, writable from the event loop
   */
  static InlineWriteChannel of(FileChannel file) {
    return new InlineWriteChannel() {
      @Override
      public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return file.write(srcs, offset, length);
      }

      @Override
      public long write(ByteBuffer[] srcs) throws IOException {
        return file.write(srcs);
      }

      @Override
      public int write(ByteBuffer src) throws IOException {
        return file.write(src);
      }

      @Override
      public boolean isOpen() {
        return file.isOpen();
      }

      @Override
      public void close() throws IOException {
        file.close();
      }
    };
  }
}
