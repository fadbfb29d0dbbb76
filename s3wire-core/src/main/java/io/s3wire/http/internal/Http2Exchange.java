package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpProtocol;

/**
 * One call as one HTTP/2 stream: sends HEADERS (with END_STREAM when bodiless) and the body as the
 * stream's send window allows, delivers the response body and returns its window as the caller
 * reads. Confined to the connection's event loop, except {@link #consumed}, {@link #cancel} and
 * {@link #abort}, which hop onto it.
 */
final class Http2Exchange implements Call.Exchange, StreamingResponseBody.Source, BodyPump.Sink {
  private final Http2Connection conn;
  private final Call call;
  private final ExchangeTimers timers;
  private int streamId;
  private BodyPump pump;
  private boolean headersReceived;
  private boolean responseEnded;
  private boolean finished;
  private boolean slotReleased;
  private boolean uploadBlocked;
  private boolean pumping;
  private StreamingResponseBody body;

  Http2Exchange(Http2Connection conn, Call call) {
    this.conn = conn;
    this.call = call;
    var config = conn.context().config();
    this.timers = new ExchangeTimers(conn.channel().eventLoop(), config.idleReadTimeout().toMillis(),
        config.responseHeadersTimeout().toMillis(), this::waitingOnPeer, this::reset);
  }

  int streamId() {
    return streamId;
  }

  boolean headersReceived() {
    return headersReceived;
  }

  void send() {
    ChannelHandlerContext ctx = conn.ctx();
    streamId = conn.nextStreamId();
    if (streamId < 0) {
      conn.pool().draining(conn);
      releaseSlot();
      conn.pool().requeue(call);
      return;
    }
    conn.router().registerStream(streamId, call.listener, call.redaction);
    conn.register(streamId, this);
    Http2Headers headers = RequestNormalizer.toHttp2(call.request);
    boolean bodiless = RequestNormalizer.isBodiless(call.request);
    timers.startIdle();
    conn.handler().encoder().writeHeaders(ctx, streamId, headers, 0, bodiless, ctx.newPromise()).addListener(bodiless ? (ChannelFutureListener) this::sent : (ChannelFutureListener) this::written);
    if (!bodiless && !finished) {
      pump = new BodyPump(call.request.body(), BodyPump.CHUNK, ctx.alloc(), conn.channel().eventLoop(), conn.context().bodyExecutor(), this);
      pump.start();
      // A body in memory is ready now: its DATA goes with the HEADERS, in the one flush below.
      pumpBody();
    }
    flush();
  }

  private void flush() {
    try {
      conn.handler().flush(conn.ctx());
    } catch (RuntimeException e) {
      fail(new TransportException(TransportException.Kind.IO, "flushing failed: " + Failures.oneLine(e), RetrySafety.UNKNOWN, e));
    }
  }

  private void written(io.netty.channel.ChannelFuture f) {
    if (f.isSuccess()) {
      timers.touch();
      return;
    }
    conn.headersNotSent(streamId);
    if (!finished) {
      reset(new TransportException(TransportException.Kind.IO, "sending the request on stream " + streamId + " failed: "
          + Failures.oneLine(f.cause()), RetrySafety.UNKNOWN, f.cause()));
    }
  }

  private void sent(io.netty.channel.ChannelFuture f) {
    written(f);
    if (f.isSuccess() && !finished) {
      timers.requestSent();
    }
  }

  private Http2Stream stream() {
    return conn.handler().connection().stream(streamId);
  }

  @Override
  public void chunkReady() {
    pumpBody();
  }

  void writabilityChanged() {
    pumpBody();
  }

  private void pumpBody() {
    // A write may fire a writability change synchronously: never interleave with ourselves.
    if (pump == null || finished || pumping) {
      return;
    }
    pumping = true;
    try {
      writeChunks();
    } finally {
      pumping = false;
    }
  }

  private void writeChunks() {
    Http2Stream stream = stream();
    if (stream == null) {
      return;
    }
    var flow = conn.handler().encoder().flowController();
    boolean wrote = false;
    BodyPump.Chunk c;
    while (flow.isWritable(stream) && (c = pump.next()) != null) {
      wrote = true;
      ChannelHandlerContext ctx = conn.ctx();
      conn.handler().encoder().writeData(ctx, streamId, c.buf(), 0, c.last(), ctx.newPromise())
          .addListener(c.last() ? (ChannelFutureListener) this::sent : (ChannelFutureListener) this::written);
      if (c.last()) {
        pump = null;
        break;
      }
    }
    uploadBlocked = pump != null && !flow.isWritable(stream);
    if (wrote) {
      flush();
    }
  }

  @Override
  public void bodyFailed(Throwable cause) {
    S3Exception e = cause instanceof S3Exception s ? s
        : new TransportException(TransportException.Kind.IO, "reading the request body failed: " + Failures.oneLine(cause),
            RetrySafety.UNKNOWN, cause);
    reset(e);
  }

  private boolean waitingOnPeer() {
    return !headersReceived || uploadBlocked || (!responseEnded && body.queuedBytes() == 0);
  }

  /**
   * The peer granted send window. That is progress only while the request body is still being sent:
   * a peer that trickles WINDOW_UPDATEs and never a byte of the response must not hold off the idle
   * timeout of a download.
   */
  void sendWindowOpened() {
    if (pump != null) {
      timers.touch();
    }
  }

  void headers(Http2Headers h, boolean endStream) {
    if (finished) {
      return;
    }
    timers.touch();
    if (headersReceived) {
      // Trailers: nothing in them is part of the response we deliver.
      if (endStream) {
        end();
      }
      return;
    }
    CharSequence statusText = h.status();
    int status;
    try {
      status = Integer.parseInt(statusText.toString());
    } catch (RuntimeException e) {
      reset(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
          "response on stream " + streamId + " has no valid :status", RetrySafety.UNKNOWN, e));
      return;
    }
    if (status >= 100 && status < 200) {
      return;
    }
    headersReceived = true;
    timers.headersReceived();
    ResponseHead head = ResponseHead.of(h);
    body = new StreamingResponseBody(head.contentLength(), this, conn.context().bodyExecutor(), batchBytes(conn.context().config()));
    call.succeed(status, head.headers(), HttpProtocol.HTTP_2, body, conn.info());
    if (endStream) {
      end();
    }
  }

  /**
   * Batches of at most a quarter of the stream's window, which the peer can always fill without a
   * WINDOW_UPDATE (the local flow controller returns credit at half the window); the connection
   * flushes them when its shared window runs low ({@link Http2Connection}).
   */
  static int batchBytes(io.s3wire.http.TransportConfig config) {
    return Math.min(512 * 1024, config.http2InitialStreamWindow() / 4);
  }

  /** Lets the consumer take what is queued now, below a batch. */
  void flushBody() {
    if (body != null) {
      body.flush();
    }
  }

  void data(ByteBuf data, boolean endStream) {
    if (finished || body == null) {
      data.release();
      if (!finished) {
        reset(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
            "DATA before response headers on stream " + streamId, RetrySafety.UNKNOWN, null));
      }
      return;
    }
    timers.touch();
    body.offer(data);
    if (endStream) {
      end();
    }
  }

  private void end() {
    responseEnded = true;
    if (body != null) {
      body.end();
    }
    finished = true;
    call.finished();
    timers.stop();
    if (pump != null) {
      // The server answered before taking the whole body (RFC 9113 8.1): stop sending and close our side.
      pump.close();
      pump = null;
      Http2Stream stream = stream();
      if (stream != null && stream.state() != Http2Stream.State.CLOSED) {
        conn.handler().resetStream(conn.ctx(), streamId, Http2Error.CANCEL.code(), conn.ctx().newPromise());
        flush();
      }
    }
  }

  @Override
  public void consumed() {
    conn.channel().eventLoop().execute(() -> {
      int bytes = body.drainConsumed();
      Http2Stream stream = stream();
      if (bytes == 0 || stream == null || stream.state() == Http2Stream.State.CLOSED) {
        return;
      }
      try {
        if (conn.handler().decoder().flowController().consumeBytes(stream, bytes)) {
          flush();
        }
      } catch (Http2Exception e) {
        conn.close("flow-control accounting failed: " + e.getMessage());
      }
    });
  }

  @Override
  public void cancel() {
    conn.channel().eventLoop().execute(() -> {
      if (!finished) {
        reset(new TransportException(TransportException.Kind.CANCELLED, "response body closed before its end",
            RetrySafety.UNKNOWN, null));
      }
    });
  }

  @Override
  public void abort(S3Exception reason) {
    conn.channel().eventLoop().execute(() -> reset(reason));
  }

  /** Ends the exchange on our side: RST_STREAM(CANCEL) if the stream is open, then fails with {@code e}. */
  private void reset(S3Exception e) {
    if (finished) {
      return;
    }
    Http2Stream stream = streamId > 0 ? stream() : null;
    fail(e);
    if (stream != null && stream.state() != Http2Stream.State.CLOSED) {
      conn.handler().resetStream(conn.ctx(), streamId, Http2Error.CANCEL.code(), conn.ctx().newPromise());
      flush();
    }
  }

  /** Netty is about to reset the stream for a protocol error in what the server sent. */
  void failByUs(Http2Exception.StreamException e) {
    fail(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
        "the server broke HTTP/2 on stream " + streamId + ": " + Failures.oneLine(e) + "; RST_STREAM(" + e.error() + ") sent",
        headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN, e));
  }

  /** Ends the exchange with {@code e}, without touching the stream. */
  void fail(S3Exception e) {
    if (finished) {
      return;
    }
    finished = true;
    call.finished();
    timers.stop();
    if (pump != null) {
      pump.close();
      pump = null;
    }
    call.failResponse(e, conn.info(), body);
    Http2Stream stream = streamId > 0 ? stream() : null;
    if (stream == null || stream.state() == Http2Stream.State.CLOSED) {
      // No stream left for Netty to close: streamClosed() will not come.
      conn.exchangeEnded(this);
      releaseSlot();
    }
  }

  /** Netty closed the stream (both sides ended, reset, GOAWAY or connection closed). */
  void streamClosed() {
    if (!finished) {
      fail(conn.closedFailure(streamId, headersReceived));
    }
    conn.exchangeEnded(this);
    conn.router().unregisterStream(streamId);
    releaseSlot();
  }

  private void releaseSlot() {
    if (!slotReleased) {
      slotReleased = true;
      conn.pool().streamEnded(conn);
    }
  }

}
