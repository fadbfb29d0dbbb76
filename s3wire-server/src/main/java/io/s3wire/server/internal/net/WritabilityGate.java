package io.s3wire.server.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Lets a worker thread wait until a channel can take more bytes (socket buffer drained on
 * HTTP/1.1; stream and connection flow-control windows open on HTTP/2), with a timeout so a client
 * that stops reading (zero window) cannot hold a response forever.
 */
final class WritabilityGate extends ChannelInboundHandlerAdapter {
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    synchronized (this) {
      notifyAll();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    synchronized (this) {
      notifyAll();
    }
    ctx.fireChannelInactive();
  }

  /** Waits until {@code ch} is writable; throws when it closes or {@code timeoutNanos} pass. */
  void await(Channel ch, long timeoutNanos) throws IOException {
    long deadline = System.nanoTime() + timeoutNanos;
    synchronized (this) {
      while (!ch.isWritable()) {
        if (!ch.isActive()) {
          throw new IOException("connection closed while sending the response");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new WriteTimeoutException();
        }
        try {
          // Writability changes are signalled, but a short cap guards against a missed signal.
          TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while sending the response");
        }
      }
    }
    if (!ch.isActive()) {
      throw new IOException("connection closed while sending the response");
    }
  }

  /** The client did not take response bytes within the write timeout. */
  static final class WriteTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    WriteTimeoutException() {
      super("the client did not read the response within the write timeout", null);
    }
  }
}
