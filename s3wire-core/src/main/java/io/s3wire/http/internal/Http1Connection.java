package io.s3wire.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.internal.pcap.PcapTap;
import io.s3wire.wire.WireEvent;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection: one exchange at a time, kept alive in its {@link OriginPool} between
 * exchanges.
 *
 * <p>During an exchange auto-read is off and the handler reads only while the response body's
 * read-ahead is below {@link #READ_AHEAD}, so a slow caller pushes back on the server through TCP.
 * While idle in the pool auto-read is on, so a close by the server is noticed at once. A connection
 * is reused only when the request was sent whole and the response read to its end with keep-alive;
 * every other outcome closes it. All state is confined to the channel's event loop.
 */
final class Http1Connection extends ChannelInboundHandlerAdapter implements PooledConnection {
  /** How far the network may run ahead of the caller reading a body. */
  static final int READ_AHEAD = 1024 * 1024;

  private final Channel channel;
  private final ConnectionInfo info;
  private final EventRouter router;
  private final TransportContext context;
  private final OriginPool pool;
  private volatile boolean usable = true;
  private volatile String closeReason;
  private Exchange current;
  /** Counted in its pool's total; guarded by the pool's lock. */
  boolean pooled;
  private ScheduledFuture<?> idleEviction;

  Http1Connection(Channel channel, ConnectionInfo info, EventRouter router, TransportContext context, OriginPool pool) {
    this.channel = channel;
    this.info = info;
    this.router = router;
    this.context = context;
    this.pool = pool;
    HttpDecoderConfig decoder = new HttpDecoderConfig()
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(context.config().maxResponseHeaderBytes())
        .setMaxChunkSize(64 * 1024);
    // Bytes count as progress as they arrive, before the codec holds them for a whole head: a head
    // that comes slowly is not "nothing from the server" (the response-headers timeout bounds it).
    channel.pipeline().addLast("progress", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange e = current;
        if (e != null) {
          e.bytesArrived();
        }
        ctx.fireChannelRead(msg);
      }
    });
    channel.pipeline().addLast("http1", new HttpClientCodec(decoder, false, false));
    channel.pipeline().addLast("exchange", this);
    channel.closeFuture().addListener(f -> closed());
  }

  @Override
  public ConnectionInfo info() {
    return info;
  }

  @Override
  public boolean isUsable() {
    return usable && channel.isActive();
  }

  @Override
  public void close(String reason) {
    usable = false;
    if (closeReason == null) {
      closeReason = reason;
    }
    channel.close();
  }

  String closeReason() {
    return closeReason;
  }

  /** Back in the pool: watch for a close by the server and evict after the pool's idle timeout. */
  void idle(long evictAfterMillis) {
    channel.eventLoop().execute(() -> {
      channel.config().setAutoRead(true);
      idleEviction = channel.eventLoop().schedule(() -> pool.evict(this), evictAfterMillis, TimeUnit.MILLISECONDS);
    });
  }

  @Override
  public void start(Call call) {
    channel.eventLoop().execute(() -> begin(call));
  }

  private void begin(Call call) {
    if (idleEviction != null) {
      idleEviction.cancel(false);
      idleEviction = null;
    }
    if (!channel.isActive()) {
      usable = false;
      pool.requeue(call);
      return;
    }
    Exchange e = new Exchange(call);
    if (!call.bind(e)) {
      pool.release(this);
      return;
    }
    current = e;
    channel.config().setAutoRead(false);
    e.send();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Exchange e = current;
    if (e == null) {
      // Bytes from the server while no request is outstanding: the connection cannot be trusted.
      String why = "unexpected data from the server on an idle connection: " + ((HttpObject) msg).decoderResult();
      ReferenceCountUtil.release(msg);
      close(why);
      return;
    }
    e.read((HttpObject) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    Exchange e = current;
    if (e != null && e.wantsRead()) {
      channel.read();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange e = current;
    if (e != null) {
      e.pumpBody();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    close("error: " + Failures.oneLine(cause));
    Exchange e = current;
    if (e != null) {
      e.fail(Failures.io("I/O error on " + info.id(), cause, e.headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN));
    }
  }

  private void closed() {
    usable = false;
    if (idleEviction != null) {
      idleEviction.cancel(false);
    }
    Exchange e = current;
    if (e != null) {
      e.connectionClosed();
    }
    router.emit(new WireEvent.ConnectionClosed(System.nanoTime(), info.id(), closeReason == null ? "closed by the server" : closeReason));
    pool.remove(this);
  }

  /** One request and its response on this connection. */
  private final class Exchange implements Call.Exchange, StreamingResponseBody.Source, BodyPump.Sink {
    private final Call call;
    private final ExchangeTimers timers;
    private BodyPump pump;
    private boolean requestSent;
    boolean headersReceived;
    private boolean informational;
    private boolean responseEnded;
    private boolean keepAlive;
    private boolean finished;
    private boolean uploadBlocked;
    private boolean lastWritten;
    private boolean pumping;
    private long bodyBytes;
    private StreamingResponseBody body;

    Exchange(Call call) {
      this.call = call;
      this.timers = new ExchangeTimers(channel.eventLoop(), context.config().idleReadTimeout().toMillis(),
          context.config().responseHeadersTimeout().toMillis(), this::waitingOnPeer, this::timedOut);
    }

    void send() {
      router.attach(call.listener);
      // Stream 0 carries no frames: on HTTP/1.1 it names the exchange's redaction (for the capture).
      router.registerStream(0, call.listener, call.redaction);
      HttpRequest r = call.request;
      io.netty.handler.codec.http.HttpRequest head = RequestNormalizer.toHttp1(r);
      keepAlive = HttpUtil.isKeepAlive(head);
      router.emit(new WireEvent.Http1Request(System.nanoTime(), info.id(), head.method().name(),
          call.redaction.url(head.uri()), headers(head.headers())));
      timers.startIdle();
      channel.write(head).addListener((ChannelFutureListener) this::written);
      RequestBody b = r.body();
      if (b.contentLength() == 0) {
        lastWritten = true;
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener((ChannelFutureListener) this::sent);
      } else if (b.fileRegion() != null && info.tlsProvider() == null && !PcapTap.capturing(channel)) {
        // Plain TCP: let the kernel send the file (sendfile), no copy through user space; a capture
        // needs the bytes, which sendfile never shows the pipeline.
        RequestBody.FileRegionSource f = b.fileRegion();
        lastWritten = true;
        channel.write(new DefaultFileRegion(new File(f.path().toString()), f.offset(), f.length())).addListener((ChannelFutureListener) this::written);
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener((ChannelFutureListener) this::sent);
      } else {
        pump = new BodyPump(b, BodyPump.LARGE_CHUNK, channel.alloc(), channel.eventLoop(), context.bodyExecutor(), this);
        pump.start();
        // A body in memory is ready now and leaves with the head, in one write; any other, later.
        if (!pumpBody()) {
          channel.flush();
        }
      }
      channel.read();
    }

    private void written(io.netty.channel.ChannelFuture f) {
      if (f.isSuccess()) {
        timers.touch();
      } else if (!finished) {
        fail(Failures.io("sending the request failed", f.cause(), RetrySafety.UNKNOWN));
      }
    }

    private void sent(io.netty.channel.ChannelFuture f) {
      written(f);
      if (f.isSuccess() && !finished) {
        requestSent = true;
        timers.requestSent();
        maybeFinish();
      }
    }

    @Override
    public void chunkReady() {
      pumpBody();
    }

    /** Writes the chunks that are ready and the connection can take; whether it wrote (and flushed) any. */
    boolean pumpBody() {
      // A write may fire a writability change synchronously: never interleave with ourselves.
      if (pump == null || finished || pumping) {
        return false;
      }
      pumping = true;
      try {
        return writeChunks();
      } finally {
        pumping = false;
      }
    }

    private boolean writeChunks() {
      boolean wrote = false;
      BodyPump.Chunk c;
      while (channel.isWritable() && (c = pump.next()) != null) {
        wrote = true;
        if (c.last()) {
          lastWritten = true;
          channel.write(new DefaultLastHttpContent(c.buf())).addListener((ChannelFutureListener) this::sent);
          pump = null;
          break;
        }
        channel.write(new DefaultHttpContent(c.buf())).addListener((ChannelFutureListener) this::written);
      }
      uploadBlocked = pump != null && !channel.isWritable();
      if (wrote) {
        channel.flush();
      }
      return wrote;
    }

    @Override
    public void bodyFailed(Throwable cause) {
      S3Exception e = cause instanceof S3Exception s ? s
          : new TransportException(TransportException.Kind.IO, "reading the request body failed: " + Failures.oneLine(cause),
              RetrySafety.UNKNOWN, cause);
      fail(e);
    }

    void bytesArrived() {
      if (!finished) {
        timers.touch();
      }
    }

    boolean wantsRead() {
      return !finished && (!headersReceived || (!responseEnded && body.queuedBytes() < READ_AHEAD));
    }

    private boolean waitingOnPeer() {
      return !headersReceived || uploadBlocked || (!responseEnded && body.queuedBytes() == 0);
    }

    void read(HttpObject msg) {
      if (finished) {
        ReferenceCountUtil.release(msg);
        return;
      }
      timers.touch();
      // The head arrives once per exchange, content many times: two methods, so the hot one stays
      // small enough for the JIT to compile quickly and inline well.
      if (msg instanceof io.netty.handler.codec.http.HttpResponse res && !readHead(res)) {
        return;
      }
      if (msg instanceof HttpContent content) {
        readContent(content);
      }
    }

    /** Takes the response head; {@code false} when the message was consumed here (released). */
    private boolean readHead(io.netty.handler.codec.http.HttpResponse res) {
      if (res.decoderResult().isFailure()) {
        ReferenceCountUtil.release(res);
        fail(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
            "malformed HTTP/1.1 response head: " + Failures.oneLine(res.decoderResult().cause()), RetrySafety.UNKNOWN,
            res.decoderResult().cause()));
        return false;
      }
      int status = res.status().code();
      router.emit(new WireEvent.Http1Response(System.nanoTime(), info.id(), status, res.status().reasonPhrase(), headers(res.headers())));
      if (status >= 100 && status < 200) {
        informational = true;
        ReferenceCountUtil.release(res);
        return false;
      }
      headersReceived = true;
      timers.headersReceived();
      keepAlive &= HttpUtil.isKeepAlive(res);
      HttpHeaders.Builder hb = HttpHeaders.builder();
      for (Map.Entry<String, String> h : res.headers()) {
        hb.add(h.getKey(), h.getValue());
      }
      long length = HttpUtil.getContentLength(res, -1L);
      body = new StreamingResponseBody(length, this, context.bodyExecutor(), READ_AHEAD / 2);
      call.succeed(status, hb.build(), HttpProtocol.HTTP_1_1, body, info);
      return true;
    }

    private void readContent(HttpContent content) {
      if (informational) {
        content.release();
        if (content instanceof LastHttpContent) {
          informational = false;
        }
        return;
      }
      if (content.decoderResult().isFailure()) {
        malformedBody(content);
        return;
      }
      bodyBytes += content.content().readableBytes();
      body.offer(content.content());
      if (content instanceof LastHttpContent) {
        responseEnded = true;
        // Back in the pool before the reader hears of the end: a request the reader makes at
        // once then finds this connection idle instead of opening another.
        maybeFinish();
        body.end();
      }
    }

    private void malformedBody(HttpContent content) {
      Throwable cause = content.decoderResult().cause();
      content.release();
      fail(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION,
          "malformed HTTP/1.1 response body: " + Failures.oneLine(cause), RetrySafety.PROCESSED, cause));
    }

    @Override
    public void consumed() {
      channel.eventLoop().execute(() -> {
        body.drainConsumed();
        if (current == this && wantsRead()) {
          channel.read();
        }
      });
    }

    @Override
    public void cancel() {
      channel.eventLoop().execute(() -> {
        if (!finished) {
          finish(false, "response body closed before its end");
        }
      });
    }

    @Override
    public void abort(S3Exception reason) {
      channel.eventLoop().execute(() -> {
        if (!finished) {
          fail(reason);
        }
      });
    }

    private void timedOut(S3Exception e) {
      fail(e);
    }

    void connectionClosed() {
      if (finished) {
        return;
      }
      String what = headersReceived
          ? "connection closed by the server after " + bodyBytes + " bytes of the response body"
          : "connection closed by the server before the response";
      fail(Failures.closed(what, headersReceived ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN));
    }

    void fail(S3Exception e) {
      if (finished) {
        return;
      }
      finish(false, e.getMessage());
      call.withAttempt(e, info);
      if (body != null) {
        body.fail(e);
      } else {
        call.fail(e, info);
      }
    }

    private void maybeFinish() {
      if (!responseEnded) {
        return;
      }
      if (requestSent) {
        finish(keepAlive, "keep-alive not offered by the server");
      } else if (!lastWritten) {
        // The server answered before taking the whole request: the connection's framing is lost.
        finish(false, "response complete before the request body was sent");
      }
      // else: the last request bytes are being flushed; sentListener finishes the exchange.
    }

    private void finish(boolean reuse, String closeWhy) {
      finished = true;
      call.finished();
      timers.stop();
      if (pump != null) {
        pump.close();
        pump = null;
      }
      router.detach(call.listener);
      current = null;
      if (reuse) {
        pool.release(Http1Connection.this);
      } else {
        close(closeWhy);
      }
    }

    private List<WireEvent.Header> headers(io.netty.handler.codec.http.HttpHeaders h) {
      List<WireEvent.Header> out = new ArrayList<>(h.size());
      for (Map.Entry<String, String> e : h) {
        out.add(new WireEvent.Header(e.getKey(), call.redaction.headerValue(e.getKey(), e.getValue())));
      }
      return out;
    }
  }
}
