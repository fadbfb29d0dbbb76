package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads a request body off the event loop, one chunk ahead of the writer.
 *
 * <p>{@link RequestBody#open()} and its reads may block (files, caller streams), so they run on the
 * transport's body executor; each filled chunk is handed to the event loop. At most two chunks exist
 * at a time (one ready, one being read), so a body is never buffered whole: the writer pulls with
 * {@link #next()} only when the connection can take more (channel writability, HTTP/2 flow
 * control). All methods but the constructor run on the event loop.
 */
final class BodyPump {
  /** HTTP/2's chunk: large enough to keep per-chunk hand-offs cheap, small against any flow-control window. */
  static final int CHUNK = 128 * 1024;

  /**
   * HTTP/1.1's chunk, which no window limits. Every chunk is a trip down the channel pipeline (the
   * codec, TLS); at 128 KiB a cold 1 GiB TLS upload made enough trips for C2 to spend 2 s compiling
   * that path. At 512 KiB it ran 15% faster on 1.4 CPU-s less. TLS records stay 16 KiB either way.
   */
  static final int LARGE_CHUNK = 512 * 1024;

  /** One chunk; the receiver owns {@code buf}. */
  record Chunk(ByteBuf buf, boolean last) {}

  /** The writer side, called on the event loop. */
  interface Sink {
    /** A chunk is ready: pull it with {@link #next()} when the connection can take it. */
    void chunkReady();

    void bodyFailed(Throwable cause);
  }

  private final RequestBody body;
  private final long length;
  private final ByteBufAllocator alloc;
  private final EventLoop loop;
  private final Executor executor;
  private final Sink sink;
  private final int chunkSize;
  private ReadableByteChannel channel;
  private Chunk ready;
  private boolean reading;
  private boolean eof;
  private boolean closed;
  private long readTotal;

  BodyPump(RequestBody body, int chunkSize, ByteBufAllocator alloc, EventLoop loop, Executor executor, Sink sink) {
    this.body = body;
    this.chunkSize = chunkSize;
    this.length = body.contentLength();
    this.alloc = alloc;
    this.loop = loop;
    this.executor = executor;
    this.sink = sink;
  }

  /**
   * Starts reading the first chunk. A body already in memory that fits in one chunk is that chunk
   * at once, on the event loop: the writer can send it with the request's head, and no thread
   * hand-off (two context switches for a small PUT) happens.
   */
  void start() {
    // Asked only of a body that fits: a wrapper may do work per call (Md5Body hashes the bytes).
    ByteBuffer mem = length >= 0 && length <= chunkSize ? body.inMemory() : null;
    if (mem != null && mem.remaining() == length) {
      int n = mem.remaining();
      ByteBuf buf = alloc.directBuffer(Math.max(n, 1));
      buf.writeBytes(mem);
      readTotal = n;
      eof = true;
      ready = new Chunk(buf, true);
      return;
    }
    readNext();
  }

  /** The ready chunk, or {@code null} when none is ready yet; pulling starts the next read. */
  Chunk next() {
    Chunk c = ready;
    ready = null;
    if (c != null && !c.last()) {
      readNext();
    }
    return c;
  }

  /** Stops reading and releases what is held; closes the body's channel. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ready != null) {
      ready.buf().release();
      ready = null;
    }
    if (!reading) {
      closeChannel();
    }
  }

  private void readNext() {
    if (reading || eof || closed) {
      return;
    }
    reading = true;
    try {
      executor.execute(this::readChunk);
    } catch (RejectedExecutionException e) {
      reading = false;
      sink.bodyFailed(e);
    }
  }

  /** On the body executor. */
  private void readChunk() {
    ByteBuf buf = null;
    try {
      if (channel == null) {
        channel = body.open();
      }
      int want = length < 0 ? chunkSize : (int) Math.min(chunkSize, length - readTotal);
      buf = alloc.directBuffer(Math.max(want, 1));
      boolean end = false;
      while (buf.writerIndex() < want) {
        ByteBuffer nio = buf.nioBuffer(buf.writerIndex(), want - buf.writerIndex());
        int n = channel.read(nio);
        if (n < 0) {
          end = true;
          break;
        }
        if (n == 0) {
          // Asking again would spin this thread for as long as the channel keeps giving nothing.
          throw new ClientException("request body", "its channel gave 0 bytes with room to read, after "
              + (readTotal + buf.writerIndex()) + " bytes; a RequestBody's channel must block until it has a byte or its end");
        }
        buf.writerIndex(buf.writerIndex() + n);
      }
      long total = readTotal + buf.readableBytes();
      if (length >= 0) {
        if (end && total < length) {
          throw new ClientException("request body", "the body ended after " + total + " bytes but announced " + length);
        }
        end = total == length;
      }
      ByteBuf filled = buf;
      boolean last = end;
      buf = null;
      if (!handOff(() -> delivered(filled, last, total))) {
        filled.release();
      }
    } catch (Throwable t) {
      if (buf != null) {
        buf.release();
      }
      handOff(() -> {
        reading = false;
        if (!closed) {
          closed = true;
          closeChannel();
          sink.bodyFailed(t);
        } else {
          closeChannel();
        }
      });
    }
  }

  /**
   * Runs {@code task} on the event loop; {@code false} when the loop is shut down (the transport
   * closed while this chunk was read), in which case the body's channel is closed here.
   */
  private boolean handOff(Runnable task) {
    try {
      loop.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      closeChannel();
      return false;
    }
  }

  private void delivered(ByteBuf buf, boolean last, long total) {
    reading = false;
    if (closed) {
      buf.release();
      closeChannel();
      return;
    }
    readTotal = total;
    if (last) {
      eof = true;
      closeChannel();
    }
    ready = new Chunk(buf, last);
    sink.chunkReady();
  }

  private void closeChannel() {
    ReadableByteChannel c = channel;
    channel = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // The body was read or abandoned; a failing close changes nothing on the wire.
      }
    }
  }
}
