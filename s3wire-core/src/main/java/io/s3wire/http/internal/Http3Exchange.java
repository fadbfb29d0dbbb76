package io.s3wire.http.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelOutputShutdownException;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3Exception;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpProtocol;
import io.s3wire.wire.WireEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * One call as one HTTP/3 request stream: HEADERS, the body as the stream's QUIC flow control lets
 * it (channel writability), then FIN; the response delivered with reads on demand, so QUIC's
 * stream window holds the server back while the caller is slow. Confined to the connection's event
 * loop, except {@link #consumed}, {@link #cancel} and {@link #abort}, which hop onto it.
 */
final class Http3Exchange implements Call.Exchange, StreamingResponseBody.Source, BodyPump.Sink {
  private final Http3Connection conn;
  private final Call call;
  private final ExchangeTimers timers;
  /** Bytes queued for the caller above which no more is read from the stream. */
  private final int readAhead;
  private QuicStreamChannel stream;
  private long streamId = -1;
  private BodyPump pump;
  private boolean headersReceived;
  private boolean responseEnded;
  private boolean finished;
  private boolean slotReleased;
  private boolean pumping;
  /** The server sent STOP_SENDING: the request body stopped, the response still counts. */
  private boolean stopSendingReceived;
  private boolean uploadBlocked;
  private StreamingResponseBody body;
  /** The request's fields, redacted, until its HEADERS frame is traced. */
  private List<WireEvent.Header> unsentHeaders;
  /** QPACK sizes of HEADERS frames read but not yet decoded, oldest first. */
  private final ArrayDeque<Long> receivedHeadersLengths = new ArrayDeque<>();
  private boolean readScheduled;
  private final Runnable readAfterBatch = () -> {
    readScheduled = false;
    readMoreIfRoom();
  };

  Http3Exchange(Http3Connection conn, Call call) {
    this.conn = conn;
    this.call = call;
    var config = conn.context().config();
    this.readAhead = 2 * Http2Exchange.batchBytes(config);
    this.timers = new ExchangeTimers(conn.quic().eventLoop(), config.idleReadTimeout().toMillis(),
        config.responseHeadersTimeout().toMillis(), this::waitingOnPeer, this::failAndReset);
  }

  long streamId() {
    return streamId;
  }

  boolean headersReceived() {
    return headersReceived;
  }

  Http3RequestStreamInboundHandler handler() {
    return new Inbound();
  }

  private int sid() {
    return (int) Math.min(Integer.MAX_VALUE, streamId);
  }

  private void emit(WireEvent e) {
    conn.router().emitRequestStream(sid(), e);
  }

  /** The stream exists: send the request. */
  void opened(QuicStreamChannel s) {
    stream = s;
    streamId = s.streamId();
    if (finished) {
      s.close();
      releaseSlot();
      return;
    }
    s.config().setAutoRead(false);
    conn.register(streamId, this);
    conn.router().registerStream(sid(), call.listener, call.redaction);
    String id = conn.info().id();
    emit(new WireEvent.QuicFrame(System.nanoTime(), id, WireEvent.Direction.SENT, streamId, "STREAM_OPENED", 0, null, true, null));
    Http3Headers headers = toHttp3(RequestNormalizer.toHttp2(call.request));
    boolean bodiless = RequestNormalizer.isBodiless(call.request);
    // Traced when the encoded frame passes Http3FrameSizes, with its QPACK size.
    unsentHeaders = WireFrameLogger.redacted(call.redaction, headers, headers.size());
    s.pipeline().addFirst(new Http3FrameSizes(this::headersFrame));
    timers.startIdle();
    var written = s.writeAndFlush(new DefaultHttp3HeadersFrame(headers));
    written.addListener(f -> headersFrame(true, -1));
    if (bodiless) {
      written.addListener(this::finWritten);
    } else {
      written.addListener((ChannelFutureListener) this::written);
      pump = new BodyPump(call.request.body(), BodyPump.CHUNK, s.alloc(), s.eventLoop(), conn.context().bodyExecutor(), this);
      pump.start();
      pumpBody(); // a body in memory is ready now
    }
    s.read();
  }

  /** HTTP/2 and HTTP/3 carry the same fields (RFC 9114 section 4.3): one normaliser, a copy per version. */
  private static Http3Headers toHttp3(Http2Headers h2) {
    Http3Headers h3 = new DefaultHttp3Headers();
    for (Map.Entry<CharSequence, CharSequence> e : h2) {
      h3.add(e.getKey(), e.getValue());
    }
    return h3;
  }

  private void written(io.netty.channel.ChannelFuture f) {
    if (f.isSuccess()) {
      timers.touch();
    } else if (!finished && !stoppedByPeer(f.cause())) {
      failAndReset(writeFailure(f.cause()));
    }
  }

  /**
   * Whether {@code cause} is the server's STOP_SENDING: it answers (or will) without the rest of the
   * body, and a client must not discard that response (RFC 9114 section 4.1). The body stops, the
   * response is awaited as usual (its timers still run), and the trace shows the frame once.
   */
  private boolean stoppedByPeer(Throwable cause) {
    if (!(cause instanceof ChannelOutputShutdownException)) {
      return false;
    }
    if (!stopSendingReceived) {
      stopSendingReceived = true;
      emit(new WireEvent.QuicFrame(System.nanoTime(), conn.info().id(), WireEvent.Direction.RECEIVED, streamId,
          "STOP_SENDING", 0, null, true, null));
      if (pump != null) {
        pump.close();
        pump = null;
      }
      uploadBlocked = false;
    }
    return true;
  }

  private S3Exception writeFailure(Throwable cause) {
    if (cause instanceof QuicStreamResetException || cause instanceof QuicException) {
      return new TransportException(TransportException.Kind.IO, "HTTP/3: sending the request on stream " + streamId
          + " failed: " + Failures.oneLine(cause), RetrySafety.UNKNOWN, cause);
    }
    return Failures.io("HTTP/3: sending the request on stream " + streamId + " failed", cause, RetrySafety.UNKNOWN);
  }

  /** Ends our side with FIN once {@code f}'s write is done: the request is sent. */
  private void finWritten(io.netty.util.concurrent.Future<?> f) {
    if (!f.isSuccess()) {
      if (!finished && !stoppedByPeer(f.cause())) {
        failAndReset(writeFailure(f.cause()));
      }
      return;
    }
    timers.touch();
    stream.shutdownOutput();
    emit(new WireEvent.QuicFrame(System.nanoTime(), conn.info().id(), WireEvent.Direction.SENT, streamId, "FIN", 0, null, true, null));
    if (!finished) {
      timers.requestSent();
    }
  }

  @Override
  public void chunkReady() {
    pumpBody();
  }

  private void pumpBody() {
    if (pump == null || finished || pumping || stream == null) {
      return;
    }
    pumping = true;
    try {
      BodyPump.Chunk c;
      while (stream.isWritable() && (c = pump.next()) != null) {
        emit(new WireEvent.Http3Frame(System.nanoTime(), conn.info().id(), WireEvent.Direction.SENT, streamId, "DATA",
            c.buf().readableBytes(), null));
        var f = stream.writeAndFlush(new DefaultHttp3DataFrame(c.buf()));
        if (c.last()) {
          pump = null;
          f.addListener(this::finWritten);
          break;
        }
        f.addListener((ChannelFutureListener) this::written);
      }
      uploadBlocked = pump != null && !stream.isWritable();
    } finally {
      pumping = false;
    }
  }

  @Override
  public void bodyFailed(Throwable cause) {
    failAndReset(cause instanceof S3Exception s ? s
        : new TransportException(TransportException.Kind.IO, "reading the request body failed: " + Failures.oneLine(cause),
            RetrySafety.UNKNOWN, cause));
  }

  private boolean waitingOnPeer() {
    return !headersReceived || uploadBlocked || (!responseEnded && body.queuedBytes() == 0);
  }

  /**
   * A HEADERS frame's length, from {@link Http3FrameSizes}: a sent one is traced now (or with -1 once
   * its write ended without the frame passing); a received one when the codec hands it over decoded.
   */
  private void headersFrame(boolean sent, long length) {
    if (!sent) {
      receivedHeadersLengths.add(length);
    } else if (unsentHeaders != null) {
      emit(new WireEvent.Http3Frame(System.nanoTime(), conn.info().id(), WireEvent.Direction.SENT, streamId, "HEADERS", length,
          unsentHeaders));
      unsentHeaders = null;
    }
  }

  private void headers(Http3Headers h) {
    timers.touch();
    Long length = receivedHeadersLengths.poll();
    emit(new WireEvent.Http3Frame(System.nanoTime(), conn.info().id(), WireEvent.Direction.RECEIVED, streamId, "HEADERS",
        length == null ? -1 : length, WireFrameLogger.redacted(call.redaction, h, h.size())));
    if (headersReceived) {
      return; // Trailers: nothing in them is part of the response we deliver.
    }
    int status;
    try {
      status = Integer.parseInt(String.valueOf(h.status()));
    } catch (RuntimeException e) {
      failAndReset(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
          "HTTP/3 response on stream " + streamId + " has no valid :status", RetrySafety.UNKNOWN, e));
      return;
    }
    if (status >= 100 && status < 200) {
      return;
    }
    headersReceived = true;
    timers.headersReceived();
    ResponseHead head = ResponseHead.of(h);
    body = new StreamingResponseBody(head.contentLength(), this, conn.context().bodyExecutor(), Http2Exchange.batchBytes(conn.context().config()));
    call.succeed(status, head.headers(), HttpProtocol.HTTP_3, body, conn.info());
  }

  private void data(Http3DataFrame d) {
    if (body == null) {
      d.release();
      failAndReset(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
          "HTTP/3 DATA before response headers on stream " + streamId, RetrySafety.UNKNOWN, null));
      return;
    }
    timers.touch();
    emit(new WireEvent.Http3Frame(System.nanoTime(), conn.info().id(), WireEvent.Direction.RECEIVED, streamId, "DATA",
        d.content().readableBytes(), null));
    body.offer(d.content());
  }

  /**
   * Reads on while the caller keeps up: the stream's QUIC window is what holds the server back. The
   * bound for a caller that stops reading: {@link #readAhead} plus one receive buffer (at most 64 KiB)
   * queued here; beyond that the data waits in the QUIC stack, up to the stream window we advertise.
   */
  private void readMoreIfRoom() {
    if (!finished && !responseEnded && stream != null && (body == null || body.queuedBytes() < readAhead)) {
      stream.read();
    }
  }

  private void inputClosed() {
    emit(new WireEvent.QuicFrame(System.nanoTime(), conn.info().id(), WireEvent.Direction.RECEIVED, streamId, "FIN", 0, null, true, null));
    if (finished) {
      return;
    }
    if (body == null) {
      failAndReset(Http3Failures.closed(null, false, 0, sid(), -1, false));
      return;
    }
    responseEnded = true;
    body.end();
    if (stop()) {
      // The server answered before taking the whole body (RFC 9114 section 4.1): stop sending.
      stream.shutdownOutput(Http3ErrorCode.H3_NO_ERROR.code());
    }
    done();
  }

  @Override
  public void consumed() {
    conn.quic().eventLoop().execute(() -> {
      body.drainConsumed();
      readMoreIfRoom();
    });
  }

  @Override
  public void cancel() {
    conn.quic().eventLoop().execute(() -> {
      if (!finished) {
        failAndReset(new TransportException(TransportException.Kind.CANCELLED, "response body closed before its end",
            RetrySafety.UNKNOWN, null));
      }
    });
  }

  @Override
  public void abort(S3Exception reason) {
    conn.quic().eventLoop().execute(() -> failAndReset(reason));
  }

  /** Ends the exchange on our side: STOP_SENDING and RESET_STREAM with H3_REQUEST_CANCELLED, then fails with {@code e}. */
  void failAndReset(S3Exception e) {
    if (finished) {
      return;
    }
    fail(e);
    if (stream != null && stream.isActive()) {
      long code = Http3ErrorCode.H3_REQUEST_CANCELLED.code();
      for (String type : List.of("STOP_SENDING", "RESET_STREAM")) {
        emit(new WireEvent.QuicFrame(System.nanoTime(), conn.info().id(), WireEvent.Direction.SENT, streamId, type, code,
            Http3ErrorCode.H3_REQUEST_CANCELLED.name(), true, null));
      }
      stream.shutdown((int) code).addListener(f -> stream.close());
    }
  }

  /** Ends the exchange with {@code e}, without touching the stream. */
  void fail(S3Exception e) {
    if (finished) {
      return;
    }
    stop();
    call.failResponse(e, conn.info(), body);
    done();
  }

  /** Marks the exchange over: no timers, no more request body. Returns whether the body was still being sent. */
  private boolean stop() {
    finished = true;
    call.finished();
    timers.stop();
    boolean uploading = pump != null;
    if (uploading) {
      pump.close();
      pump = null;
    }
    return uploading;
  }

  private void done() {
    if (streamId >= 0) {
      conn.exchangeEnded(streamId);
    }
    releaseSlot();
  }

  private void releaseSlot() {
    if (!slotReleased) {
      slotReleased = true;
      conn.streamEnded();
    }
  }

  /** The stream's pipeline end: decoded frames in, QUIC stream events. */
  private final class Inbound extends Http3RequestStreamInboundHandler {
    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
      if (finished) {
        return;
      }
      headers(frame.headers());
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
      if (finished) {
        frame.release();
        return;
      }
      data(frame);
    }

    @Override
    protected void channelInputClosed(ChannelHandlerContext ctx) {
      inputClosed();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      // Not read() at once: the QUIC codec hands over each packet's stream data as it decrypts it,
      // and an immediate read() costs a pipeline pass and a connection send per ~1.2 KB packet.
      // Read after the datagram batch instead: one buffer takes what the batch brought.
      if (!readScheduled) {
        readScheduled = true;
        ctx.channel().eventLoop().execute(readAfterBatch);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      pumpBody();
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    protected void handleQuicException(ChannelHandlerContext ctx, QuicException e) {
      if (e instanceof QuicStreamResetException r) {
        emit(new WireEvent.QuicFrame(System.nanoTime(), conn.info().id(), WireEvent.Direction.RECEIVED, streamId, "RESET_STREAM",
            r.applicationProtocolCode(), io.s3wire.error.Http3ErrorCode.nameOf(r.applicationProtocolCode()), true, null));
        fail(Http3Failures.reset(r.applicationProtocolCode(), sid(), headersReceived));
        ctx.close();
        return;
      }
      failAndReset(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION, "HTTP/3 (QUIC) error on stream " + streamId
          + ": " + Failures.oneLine(e), headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN, e));
    }

    @Override
    protected void handleHttp3Exception(ChannelHandlerContext ctx, Http3Exception e) {
      // The twin of Http2Exchange.failByUs: the server broke the protocol on this stream; Netty resets it.
      fail(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION, "the server broke HTTP/3 on stream " + streamId + ": "
          + Failures.oneLine(e) + "; " + e.errorCode() + " sent", headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN, e));
      super.handleHttp3Exception(ctx, e);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof QuicException || cause instanceof Http3Exception) {
        super.exceptionCaught(ctx, cause);
        return;
      }
      failAndReset(Failures.io("HTTP/3 stream " + streamId + " failed", cause, headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!finished) {
        fail(conn.closedFailure(streamId, headersReceived));
      }
      conn.router().unregisterStream(sid());
      ctx.fireChannelInactive();
    }
  }
}
