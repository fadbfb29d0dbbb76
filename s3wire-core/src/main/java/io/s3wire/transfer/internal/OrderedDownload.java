package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.Conditions;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.Range;
import io.s3wire.S3AsyncClient;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.internal.Futures;
import io.s3wire.transfer.TransferConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An object read in order as a stream, fetched as ranged GETs (under {@code If-Match} of the
 * object's ETag) of which at most {@code maxConcurrency} are in flight or waiting to be read. Each
 * range lands in its own buffer, so memory is bounded by {@code maxConcurrency * rangeSize}. The
 * reader blocks only when the next range has not arrived. Closing the stream cancels what is in
 * flight. The request's version, SSE-C key and extras go on the HEAD and every range. Not
 * thread-safe, like any {@link InputStream}.
 */
final class OrderedDownload extends InputStream {
  private final S3AsyncClient client;
  private final TransferConfig config;
  private final GetObjectRequest request;
  private final BucketKey object;
  private final TransferState state;
  private final Conditions sameObject;
  private final long size;
  private final long rangeSize;
  private final ArrayDeque<CompletableFuture<ByteBuffer>> ahead = new ArrayDeque<>();
  private long nextOffset;
  private int nextPart = 1;
  private ByteBuffer current;
  private boolean closed;

  private OrderedDownload(S3AsyncClient client, TransferConfig config, GetObjectRequest request, TransferState state,
      ObjectInfo info) {
    this.client = client;
    this.config = config;
    this.request = request;
    this.object = request.object();
    this.state = state;
    this.size = info.contentLength();
    this.sameObject = info.eTag() == null ? Conditions.NONE : Conditions.ifMatch(info.eTag());
    this.rangeSize = Math.min(Integer.MAX_VALUE - 8, config.partSizeFor(Math.max(size, 1)));
    state.totals(size, (int) ((size + rangeSize - 1) / rangeSize));
    fill();
  }

  static CompletableFuture<InputStream> open(S3AsyncClient client, TransferConfig config, GetObjectRequest request,
      TransferState state) {
    return client.headObject(Transfers.head(request))
        .thenApply(info -> new OrderedDownload(client, config, request, state, info));
  }

  private void fill() {
    while (ahead.size() < config.maxConcurrency() && nextOffset < size) {
      long off = nextOffset;
      long len = Math.min(rangeSize, size - off);
      int part = nextPart++;
      nextOffset += len;
      ahead.add(fetch(part, off, len));
    }
  }

  private CompletableFuture<ByteBuffer> fetch(int part, long off, long len) {
    ByteBuffer buf = ByteBuffer.allocate((int) len);
    GetObjectRequest get = request.withRange(Range.of(off, off + len - 1)).withConditions(sameObject);
    String name = "range " + part + " (bytes " + off + "-" + (off + len - 1) + ") of " + object;
    return PartRetry.run(() -> {
      state.bytes(part, -buf.position());
      buf.clear();
      return client.getObject(get, new Sink(buf, part)).thenApply(i -> {
        if (buf.hasRemaining()) {
          throw new TransportException(TransportException.Kind.IO, name + ": " + buf.position() + " bytes arrived, "
              + len + " expected", RetrySafety.PROCESSED, null);
        }
        return buf.flip();
      });
    }, config.partRetry(), state, name).thenApply(b -> {
      state.partCompleted(part, len);
      return b;
    });
  }

  /** Copies a range into its buffer; more bytes than asked for are an error, never an overflow. */
  private final class Sink implements WritableByteChannel {
    private final ByteBuffer buf;
    private final int part;

    Sink(ByteBuffer buf, int part) {
      this.buf = buf;
      this.part = part;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      state.checkCancelled();
      int n = src.remaining();
      if (n > buf.remaining()) {
        throw new IOException("range " + part + " of " + object + " sent more bytes than asked for");
      }
      buf.put(src);
      state.bytes(part, n);
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  private boolean advance() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (closed) {
        throw new IOException("stream closed");
      }
      CompletableFuture<ByteBuffer> f = ahead.poll();
      if (f == null) {
        return false;
      }
      try {
        current = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IOException("interrupted while waiting for " + object, e);
      } catch (ExecutionException e) {
        close();
        throw new IOException(Futures.unwrap(e).getMessage(), Futures.unwrap(e));
      }
      fill();
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return advance() ? current.get() & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!advance()) {
      return -1;
    }
    int n = Math.min(len, current.remaining());
    current.get(b, off, n);
    return n;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    current = null;
    if (!ahead.isEmpty()) {
      state.cancel();
      ahead.clear();
    }
  }
}
