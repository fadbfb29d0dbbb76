package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A request body as a blocking stream, fed by the event loop and read by a worker thread.
 *
 * <p>Back-pressure: the channel does not read on its own (auto-read is off); this stream asks for
 * one more read only when its queue is empty, so at most one read's worth of bytes waits here and
 * the client is held back by TCP (HTTP/1.1) or by the stream's flow-control window (HTTP/2, whose
 * WINDOW_UPDATE Netty sends only when frames are delivered). Buffers offered here are owned by the
 * stream and released when read or on {@link #close()}.
 *
 * <p>Thread-safety: {@link #offer}, {@link #end}, {@link #fail}, {@link #readComplete} come from the
 * event loop; reads from one worker thread.
 */
public final class RequestBodyStream extends InputStream {
  /** Watches the bytes as they are read, e.g. to cut a connection after N of them or to limit bandwidth. */
  public interface Tap {
    void onBytes(long totalSoFar) throws IOException;
  }

  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  private final Runnable demand;
  private final long timeoutNanos;
  private final long maxBytes;
  private boolean ended;
  private boolean closed;
  private boolean readRequested;
  private IOException failure;
  private long received;
  private long consumed;
  private volatile Tap tap;

  /**
   * @param demand asks the channel for one more read; called from the worker, must be thread-safe
   * @param timeoutNanos how long a read may wait for bytes before RequestTimeout
   * @param maxBytes bodies larger than this end with EntityTooLarge
   */
  public RequestBodyStream(Runnable demand, long timeoutNanos, long maxBytes) {
    this.demand = demand;
    this.timeoutNanos = timeoutNanos;
    this.maxBytes = maxBytes;
  }

  public void tap(Tap tap) {
    this.tap = tap;
  }

  /** Adds bytes; takes ownership of {@code buf}. */
  public synchronized void offer(ByteBuf buf) {
    if (closed || ended || failure != null) {
      buf.release();
      return;
    }
    received += buf.readableBytes();
    if (buf.isReadable()) {
      queue.add(buf);
    } else {
      buf.release();
    }
    notifyAll();
  }

  /** The body ended normally. */
  public synchronized void end() {
    ended = true;
    notifyAll();
  }

  /** The body can no longer arrive (connection closed, stream reset). */
  public synchronized void fail(IOException cause) {
    if (!ended && failure == null) {
      failure = cause;
    }
    notifyAll();
  }

  /** A channel read finished; if it brought nothing the reader asks again. */
  public synchronized void readComplete() {
    readRequested = false;
    notifyAll();
  }

  /** Whether the body's last byte has arrived. */
  public synchronized boolean isComplete() {
    return ended;
  }

  public synchronized long received() {
    return received;
  }

  @Override
  public int read() throws IOException {
    return SingleByteRead.of(this);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    synchronized (this) {
      ByteBuf head = awaitBytes();
      if (head == null) {
        return -1;
      }
      n = Math.min(len, head.readableBytes());
      head.readBytes(b, off, n);
      if (!head.isReadable()) {
        queue.poll().release();
      }
      consumed += n;
      if (consumed > maxBytes) {
        throw new S3ErrorException(S3ErrorCode.ENTITY_TOO_LARGE);
      }
    }
    Tap t = tap;
    if (t != null) {
      t.onBytes(consumed);
    }
    return n;
  }

  private ByteBuf awaitBytes() throws IOException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (queue.isEmpty()) {
      if (closed) {
        throw new IOException("request body closed");
      }
      if (failure != null) {
        throw failure;
      }
      if (ended) {
        return null;
      }
      if (!readRequested) {
        readRequested = true;
        demand.run();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new S3ErrorException(S3ErrorCode.REQUEST_TIMEOUT);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the request body");
      }
    }
    return queue.peek();
  }

  /** Reads and discards the rest of the body. */
  public void drain() throws IOException {
    byte[] buf = new byte[16 * 1024];
    while (read(buf, 0, buf.length) >= 0) {
      // discard
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    ByteBuf b;
    while ((b = queue.poll()) != null) {
      b.release();
    }
    notifyAll();
  }
}
