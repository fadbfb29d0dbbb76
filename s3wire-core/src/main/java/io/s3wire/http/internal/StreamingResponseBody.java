package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.ResponseBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body fed by the event loop and read by the caller's thread, with bounded read-ahead.
 *
 * <p>The event loop {@link #offer}s buffers it received (ownership passes here: this class releases
 * them), then {@link #end}s or {@link #fail}s the body. The consumer reads; each buffer fully read is
 * released and reported to the {@link Source} as consumed, which asks the network for more
 * (HTTP/1.1: {@code read()}; HTTP/2: WINDOW_UPDATE through the local flow controller). So the
 * network never runs further ahead than the source allows. {@link #close()} on an unfinished body
 * cancels the exchange through {@link Source#cancel()} and releases every queued buffer.
 */
final class StreamingResponseBody implements ResponseBody {
  /** The network side of a body. Both methods are called from consumer threads and must hop to the event loop. */
  interface Source {
    /**
     * Bytes of the body were consumed; the source takes their count with {@link #drainConsumed()} on
     * its event loop and may let more in. Called once per batch: further consumption before the
     * drain only adds to the count, so a fast reader costs one event-loop task per batch, not per
     * buffer.
     */
    void consumed();

    /** The consumer gave up before the end: reset the stream or close the connection. */
    void cancel();
  }

  private final long contentLength;
  private final Source source;
  private final Executor executor;
  private final int batchBytes;
  /** Queued bytes at which a waiting consumer is woken: 1 for a stream, {@link #batchBytes} for transferTo. */
  private long wakeAt = 1;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean ended;
  /** The source asked for what is queued to be taken now, below a batch ({@link #flush()}). */
  private boolean flushRequested;
  private Throwable failure;
  private boolean closed;
  private boolean claimed;
  private final java.util.concurrent.atomic.AtomicLong unreported = new java.util.concurrent.atomic.AtomicLong();
  /** The channel {@link #transferTo} writes on the producer's thread ({@link InlineWriteChannel}); under the lock. */
  private InlineWriteChannel inline;
  private CompletableFuture<Long> inlineDone;
  private long inlineWritten;
  /** The inline transfer's outcome, set once under the lock: settled off the event loop, outside it. */
  private boolean inlineSettled;

  StreamingResponseBody(long contentLength, Source source, Executor executor) {
    this(contentLength, source, executor, 0);
  }

  /**
   * With {@code batchBytes} above zero, {@link #transferTo} waits until that many bytes are queued
   * (or the body ends) and hands them to the channel in one gathering write: a file written in
   * 512 KiB batches costs the kernel about half of what 64 KiB writes do, and the consumer thread
   * wakes once per batch instead of once per buffer. The source must let at least that many bytes
   * in without consumption (HTTP/1.1's read-ahead, an HTTP/2 stream's window), or {@link #flush()}
   * when it cannot (an HTTP/2 connection window shared by many streams).
   */
  StreamingResponseBody(long contentLength, Source source, Executor executor, int batchBytes) {
    this.contentLength = contentLength;
    this.source = source;
    this.executor = executor;
    this.batchBytes = batchBytes;
  }

  // ---- producer side (event loop) ----

  /** Queues {@code buf}; this body now owns it. */
  void offer(ByteBuf buf) {
    Throwable failed = null;
    lock.lock();
    try {
      if (closed || ended || failure != null) {
        buf.release();
        return;
      }
      if (!buf.isReadable()) {
        buf.release();
        return;
      }
      queue.add(buf);
      queuedBytes += buf.readableBytes();
      if (inline != null) {
        failed = pumpInline();
      } else if (queuedBytes >= wakeAt || flushRequested) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    afterInline(failed);
  }

  /**
   * Lets the consumer take what is queued now, even below a batch: HTTP/2 calls it when the
   * connection's flow-control window runs low, so bytes held back for a batch never stall the
   * other streams sharing that window.
   */
  void flush() {
    Throwable failed = null;
    lock.lock();
    try {
      if (!queue.isEmpty()) {
        flushRequested = true;
        changed.signalAll();
        failed = pumpInline();
      }
    } finally {
      lock.unlock();
    }
    afterInline(failed);
  }

  void end() {
    Throwable failed;
    lock.lock();
    try {
      ended = true;
      changed.signalAll();
      failed = pumpInline();
    } finally {
      lock.unlock();
    }
    afterInline(failed);
  }

  /** Ends the body with an error; queued bytes are dropped, the reader sees {@code cause}. */
  void fail(Throwable cause) {
    lock.lock();
    try {
      if (ended || failure != null) {
        return;
      }
      failure = cause;
      releaseQueued();
      changed.signalAll();
      pumpInline();
    } finally {
      lock.unlock();
    }
  }

  long queuedBytes() {
    lock.lock();
    try {
      return queuedBytes;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the body was ended, failed or closed: nothing more is wanted from the network. */
  boolean isFinished() {
    lock.lock();
    try {
      return ended || failure != null || closed;
    } finally {
      lock.unlock();
    }
  }

  // ---- consumer side ----

  @Override
  public long contentLength() {
    return contentLength;
  }

  /**
   * The next buffer, which the caller must release and report through {@link #consumed}; {@code
   * null} at the end.
   */
  private ByteBuf take() throws IOException {
    lock.lock();
    try {
      while (true) {
        throwIfUnusable();
        ByteBuf b = queue.poll();
        if (b != null) {
          queuedBytes -= b.readableBytes();
          return b;
        }
        if (ended) {
          return null;
        }
        awaitChange();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves every queued buffer into {@code into} once at least {@link #batchBytes} are queued or the
   * body ended; {@code false} at the end. The caller releases them and reports them consumed.
   */
  private boolean takeBatch(java.util.List<ByteBuf> into) throws IOException {
    lock.lock();
    try {
      while (true) {
        throwIfUnusable();
        if (!queue.isEmpty() && (ended || queuedBytes >= batchBytes || flushRequested)) {
          into.addAll(queue);
          queue.clear();
          queuedBytes = 0;
          flushRequested = false;
          return true;
        }
        if (ended) {
          return false;
        }
        awaitChange();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closed or failed (a failure empties the queue, so nothing queued is lost by checking first). Under the lock. */
  private void throwIfUnusable() throws IOException {
    if (closed) {
      throw new IOException("the response body is closed");
    }
    if (failure != null) {
      throw asIoException(failure);
    }
  }

  /** Waits for an offer, the end, a failure or a close. Under the lock. */
  private void awaitChange() throws InterruptedIOException {
    try {
      changed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response body");
    }
  }

  private void consumed(long bytes) {
    if (bytes > 0 && unreported.getAndAdd(bytes) == 0) {
      source.consumed();
    }
  }

  /** The bytes consumed since the last drain (event loop). */
  int drainConsumed() {
    return (int) Math.min(Integer.MAX_VALUE, unreported.getAndSet(0));
  }

  private void claim(String how, long wakeAt) {
    lock.lock();
    try {
      if (claimed || closed) {
        throw new IllegalStateException("the response body was already consumed or closed; " + how + " is not allowed");
      }
      claimed = true;
      this.wakeAt = Math.max(1, wakeAt);
    } finally {
      lock.unlock();
    }
  }

  /** The stream handed out, so {@link #close()} can release the buffer it is reading. */
  private BodyStream stream;

  @Override
  public InputStream stream() {
    claim("stream()", 1);
    BodyStream s = new BodyStream();
    stream = s;
    return s;
  }

  @Override
  public byte[] bytes() throws IOException {
    claim("bytes()", 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 && contentLength < (1 << 24) ? (int) contentLength : 8192);
    try {
      ByteBuf b;
      while ((b = take()) != null) {
        int n = b.readableBytes();
        try {
          b.readBytes(out, n);
        } finally {
          b.release();
        }
        consumed(n);
      }
      return out.toByteArray();
    } finally {
      close();
    }
  }

  @Override
  public CompletableFuture<Long> transferTo(WritableByteChannel target) {
    if (target instanceof InlineWriteChannel direct) {
      return transferInline(direct);
    }
    claim("transferTo()", batchBytes);
    CompletableFuture<Long> done = new CompletableFuture<>();
    executor.execute(() -> {
      long total = 0;
      java.util.List<ByteBuf> batch = new java.util.ArrayList<>();
      try {
        while (takeBatch(batch)) {
          long n;
          try {
            n = write(batch, target);
          } finally {
            for (ByteBuf b : batch) {
              b.release();
            }
            batch.clear();
          }
          total += n;
          consumed(n);
        }
        close();
        done.complete(total);
      } catch (Throwable t) {
        close();
        done.completeExceptionally(unwrapIo(t));
      }
    });
    return done;
  }

  /** Writes every readable byte of {@code batch}: one gathering write when the channel takes them. */
  private static long write(java.util.List<ByteBuf> batch, WritableByteChannel target) throws IOException {
    java.util.List<ByteBuffer> nios = new java.util.ArrayList<>(batch.size());
    long total = 0;
    for (ByteBuf b : batch) {
      total += b.readableBytes();
      java.util.Collections.addAll(nios, b.nioBuffers());
    }
    ByteBuffer[] srcs = nios.toArray(new ByteBuffer[0]);
    if (target instanceof GatheringByteChannel gathering) {
      int first = 0;
      while (first < srcs.length) {
        gathering.write(srcs, first, srcs.length - first);
        while (first < srcs.length && !srcs[first].hasRemaining()) {
          first++;
        }
      }
    } else {
      for (ByteBuffer nio : srcs) {
        while (nio.hasRemaining()) {
          target.write(nio);
        }
      }
    }
    return total;
  }

  /**
   * Writes the body to {@code target} on whichever thread holds the bytes when a batch is ready:
   * the event loop as they arrive, or this caller for what was queued before it came. Writes are
   * made under the lock, so they stay in order; the future is completed off the event loop.
   */
  private CompletableFuture<Long> transferInline(InlineWriteChannel target) {
    claim("transferTo()", batchBytes);
    CompletableFuture<Long> done = new CompletableFuture<>();
    Throwable failed;
    lock.lock();
    try {
      inline = target;
      inlineDone = done;
      failed = pumpInline();
    } finally {
      lock.unlock();
    }
    afterInline(failed);
    return done;
  }

  /**
   * Under the lock: writes what is queued once a batch is ready (or the body ended, or a flush was
   * asked), and settles the inline transfer at its end. Returns the write failure that must close
   * the body (outside the lock), else {@code null}.
   */
  private Throwable pumpInline() {
    if (inline == null || inlineSettled) {
      return null;
    }
    if (closed || failure != null) {
      settleInline(closed && failure == null ? new IOException("the response body is closed") : asIoException(failure));
      return null;
    }
    if (!queue.isEmpty() && (ended || queuedBytes >= batchBytes || flushRequested)) {
      java.util.List<ByteBuf> batch = new java.util.ArrayList<>(queue);
      queue.clear();
      queuedBytes = 0;
      flushRequested = false;
      long n;
      try {
        n = write(batch, inline);
      } catch (Throwable t) {
        settleInline(t);
        return t;
      } finally {
        for (ByteBuf b : batch) {
          b.release();
        }
      }
      inlineWritten += n;
      consumed(n);
    }
    if (ended && queue.isEmpty()) {
      settleInline(null);
    }
    return null;
  }

  /** Under the lock: completes the inline transfer once, on the executor (never the event loop). */
  private void settleInline(Throwable error) {
    inlineSettled = true;
    CompletableFuture<Long> done = inlineDone;
    long total = inlineWritten;
    if (error == null) {
      executor.execute(() -> done.complete(total));
    } else {
      Throwable cause = unwrapIo(error);
      executor.execute(() -> done.completeExceptionally(cause));
    }
  }

  /** Outside the lock: a failed inline write closes the body, which cancels the exchange. */
  private void afterInline(Throwable failed) {
    if (failed != null) {
      close();
    }
  }

  @Override
  public void close() {
    boolean cancel;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      cancel = !ended && failure == null;
      releaseQueued();
      if (stream != null) {
        stream.releaseCurrent();
      }
      changed.signalAll();
      pumpInline();
    } finally {
      lock.unlock();
    }
    if (cancel) {
      source.cancel();
    }
  }

  private void releaseQueued() {
    ByteBuf b;
    while ((b = queue.poll()) != null) {
      b.release();
    }
    queuedBytes = 0;
  }

  private static IOException asIoException(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    return new IOException(t.getMessage(), t);
  }

  /** What {@link #transferTo} fails with: the S3Exception behind an IOException when there is one. */
  private static Throwable unwrapIo(Throwable t) {
    if (t instanceof IOException && t.getCause() instanceof S3Exception s) {
      return s;
    }
    if (t instanceof IOException io) {
      return new TransportException(TransportException.Kind.IO, "writing the response body failed: " + io.getMessage(), RetrySafety.PROCESSED, io);
    }
    return t;
  }

  /** Blocking reads over the queued buffers. */
  private final class BodyStream extends InputStream {
    private ByteBuf current;
    private int currentSize;
    private boolean eof;

    private boolean fill() throws IOException {
      while (current == null || !current.isReadable()) {
        if (current != null) {
          current.release();
          current = null;
          consumed(currentSize);
        }
        if (eof) {
          return false;
        }
        current = take();
        if (current == null) {
          eof = true;
          return false;
        }
        currentSize = current.readableBytes();
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? current.readByte() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.readableBytes());
      current.readBytes(b, off, n);
      if (!current.isReadable()) {
        // Give the buffer back (and its flow-control credit) as soon as it is read, not on the next read.
        releaseCurrent();
        consumed(currentSize);
      }
      return n;
    }

    private void releaseCurrent() {
      ByteBuf c = current;
      current = null;
      if (c != null) {
        c.release();
      }
    }

    @Override
    public int available() {
      return current == null ? 0 : current.readableBytes();
    }

    @Override
    public void close() {
      releaseCurrent();
      StreamingResponseBody.this.close();
    }
  }
}
