package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP/2 connection carrying many calls as streams.
 *
 * <p>It is ready for calls once the server's first SETTINGS arrived, so SETTINGS_MAX_CONCURRENT_STREAMS
 * is known before the first stream opens; the {@link OriginPool} counts streams per connection and
 * queues or spreads calls beyond that. After a GOAWAY it takes no new streams: streams above the
 * last-stream-id fail as unprocessed, the others finish. Stream state lives in {@link
 * Http2Exchange}s, confined to the channel's event loop.
 */
final class Http2Connection extends MultiplexedConnection {
  private final Channel channel;
  private final ConnectionInfo info;
  private final EventRouter router;
  private final TransportContext context;
  private final OriginPool pool;
  private final Http2ClientHandler handler;
  private final IntObjectMap<Http2Exchange> exchanges = new IntObjectHashMap<>();
  final CompletableFuture<Http2Connection> ready = new CompletableFuture<>();
  private ChannelHandlerContext ctx;
  private volatile int maxConcurrentStreams = Integer.MAX_VALUE;
  private volatile boolean usable = true;
  private volatile String closeReason;
  private boolean goAwayReceived;
  private int goAwayLastStreamId;
  private long goAwayErrorCode;
  private String goAwayDebug = "";
  private Throwable connectionError;
  /** Client streams are odd; we start at 1 (Netty's own counter skips 1, kept for h2c upgrade). */
  private int nextStreamId = 1;
  private final WireFrameLogger frameLogger;

  Http2Connection(Channel channel, ConnectionInfo info, EventRouter router, TransportContext context, OriginPool pool) {
    this.channel = channel;
    this.info = info;
    this.router = router;
    this.context = context;
    this.pool = pool;
    this.frameLogger = new WireFrameLogger(router);
    this.handler = new Http2ClientHandler.Builder(context.config(), this, new Listener(), frameLogger).create();
    handler.connection().addListener(new Http2ConnectionAdapter() {
      @Override
      public void onGoAwayReceived(int lastStreamId, long errorCode, ByteBuf debugData) {
        goAwayReceived(lastStreamId, errorCode, debugData.toString(StandardCharsets.UTF_8));
      }

      @Override
      public void onStreamClosed(Http2Stream stream) {
        Http2Exchange e = exchanges.remove(stream.id());
        if (e != null) {
          e.streamClosed();
        }
      }
    });
    handler.encoder().flowController().listener(stream -> {
      Http2Exchange e = exchanges.get(stream.id());
      if (e != null) {
        e.writabilityChanged();
      }
    });
    channel.closeFuture().addListener(f -> {
      usable = false;
      router.emit(new WireEvent.ConnectionClosed(System.nanoTime(), info.id(), closeReason == null ? "closed by the server" : closeReason));
      ready.completeExceptionally(Failures.closed("connection closed before the server's HTTP/2 SETTINGS", RetrySafety.UNPROCESSED));
      pool.remove(this);
    });
    // Below the HTTP/2 handler, and before it (which writes the preface on being added).
    channel.pipeline().addLast("h2-frame-sizes", frameLogger.frameSizes());
    channel.pipeline().addLast("http2", handler);
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
  int maxConcurrentStreams() {
    return maxConcurrentStreams;
  }

  @Override
  public void close(String reason) {
    usable = false;
    if (closeReason == null) {
      closeReason = reason;
    }
    channel.close();
  }

  Channel channel() {
    return channel;
  }

  Http2ClientHandler handler() {
    return handler;
  }

  ChannelHandlerContext ctx() {
    return ctx;
  }

  EventRouter router() {
    return router;
  }

  TransportContext context() {
    return context;
  }

  OriginPool pool() {
    return pool;
  }

  @Override
  public void start(Call call) {
    channel.eventLoop().execute(() -> {
      if (!channel.isActive() || goAwayReceived || connectionError != null) {
        pool.streamEnded(this);
        pool.requeue(call);
        return;
      }
      Http2Exchange e = new Http2Exchange(this, call);
      if (!call.bind(e)) {
        pool.streamEnded(this);
        return;
      }
      e.send();
    });
  }

  /** The id for the next stream, or -1 when the id space is exhausted (the connection must drain). */
  int nextStreamId() {
    int id = nextStreamId;
    if (id < 0 || id > Integer.MAX_VALUE - 2) {
      return -1;
    }
    nextStreamId += 2;
    return id;
  }

  /** A HEADERS write on {@code streamId} failed: its trace event goes out without the encoded size. */
  void headersNotSent(int streamId) {
    frameLogger.headersNotSent(streamId);
  }

  void register(int streamId, Http2Exchange e) {
    exchanges.put(streamId, e);
  }

  void prefaceSending() {
    router.emit(new WireEvent.Http2Preface(System.nanoTime(), info.id(), WireEvent.Direction.SENT));
  }

  /** Called by the handler once the preface and our SETTINGS were written: raise the connection window. */
  void prefaceSent(ChannelHandlerContext ctx) throws Http2Exception {
    this.ctx = ctx;
    int extra = context.config().http2InitialConnectionWindow() - 65_535;
    if (extra > 0) {
      Http2Stream connectionStream = handler.connection().connectionStream();
      handler.decoder().flowController().incrementWindowSize(connectionStream, extra);
    }
    ctx.flush();
  }

  void streamError(Http2Exception.StreamException e) {
    Http2Exchange x = exchanges.get(e.streamId());
    if (x != null) {
      x.failByUs(e);
    }
  }

  void connectionError(Throwable cause, Http2Exception e) {
    usable = false;
    connectionError = cause;
    if (closeReason == null) {
      closeReason = "HTTP/2 connection error: " + Failures.oneLine(cause) + "; GOAWAY("
          + (e == null ? Http2Error.INTERNAL_ERROR : e.error()) + ") sent";
    }
    for (Http2Exchange x : new ArrayList<>(exchanges.values())) {
      x.fail(new TransportException(TransportException.Kind.PROTOCOL_VIOLATION, closeReason, RetrySafety.UNKNOWN, cause));
    }
  }

  void channelInactive() {
    usable = false;
    for (Http2Exchange x : new ArrayList<>(exchanges.values())) {
      x.fail(closedFailure(x.streamId(), x.headersReceived()));
    }
  }

  /** Why an unfinished stream ended when its connection went away. */
  S3Exception closedFailure(int streamId, boolean afterHeaders) {
    if (goAwayReceived) {
      return StreamResetException.goAway(goAwayErrorCode, streamId, goAwayLastStreamId, goAwayDebug, afterHeaders);
    }
    if (connectionError != null) {
      return new TransportException(TransportException.Kind.PROTOCOL_VIOLATION, closeReason, RetrySafety.UNKNOWN, connectionError);
    }
    return Failures.closed("connection closed by the server " + (afterHeaders ? "during the response body" : "before the response")
        + " on stream " + streamId, afterHeaders ? RetrySafety.PROCESSED : RetrySafety.UNKNOWN);
  }

  private void goAwayReceived(int lastStreamId, long errorCode, String debug) {
    usable = false;
    goAwayReceived = true;
    goAwayLastStreamId = lastStreamId;
    goAwayErrorCode = errorCode;
    goAwayDebug = debug;
    if (closeReason == null) {
      closeReason = "GOAWAY(" + io.s3wire.error.Http2ErrorCode.nameOf(errorCode) + ", last-stream-id " + lastStreamId + ") from the server";
    }
    for (Http2Exchange x : new ArrayList<>(exchanges.values())) {
      if (x.streamId() > lastStreamId) {
        x.fail(StreamResetException.goAway(errorCode, x.streamId(), lastStreamId, debug, x.headersReceived()));
      }
    }
    pool.draining(this);
    if (exchanges.isEmpty()) {
      close(closeReason);
    }
  }

  void exchangeEnded(Http2Exchange x) {
    exchanges.remove(x.streamId());
    if (goAwayReceived && exchanges.isEmpty()) {
      close(closeReason);
    }
  }

  /** Frames the codec decoded, dispatched to exchanges. */
  private final class Listener extends Http2FrameAdapter {
    private boolean settingsSeen;

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
      Long max = settings.maxConcurrentStreams();
      if (max != null) {
        maxConcurrentStreams = (int) Math.min(Integer.MAX_VALUE, max);
      }
      if (!settingsSeen) {
        settingsSeen = true;
        ready.complete(Http2Connection.this);
      } else {
        pool.capacityChanged();
      }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
      Http2Exchange x = exchanges.get(streamId);
      if (x != null) {
        x.headers(headers, endOfStream);
      }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency, short weight,
        boolean exclusive, int padding, boolean endOfStream) {
      onHeadersRead(ctx, streamId, headers, padding, endOfStream);
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
      Http2Exchange x = exchanges.get(streamId);
      if (x == null) {
        return data.readableBytes() + padding;
      }
      // Padding is returned to the window now; the data only as the caller reads it.
      x.data(data.retain(), endOfStream);
      flushBodiesWhenWindowLow();
      return padding;
    }

    /**
     * Bodies hold bytes back until they make a batch; all streams share the connection's window, so
     * when it runs below a quarter every body hands over what it holds, which returns the credit.
     */
    private void flushBodiesWhenWindowLow() {
      Http2Stream connectionStream = handler.connection().connectionStream();
      int left = handler.decoder().flowController().windowSize(connectionStream);
      if (left < context.config().http2InitialConnectionWindow() / 4) {
        for (Http2Exchange x : exchanges.values()) {
          x.flushBody();
        }
      }
    }

    @Override
    public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
      Http2Exchange x = exchanges.get(streamId);
      if (x != null) {
        x.fail(StreamResetException.rstStream(errorCode, streamId, true, x.headersReceived()));
      }
    }

    @Override
    public void onWindowUpdateRead(ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
      if (streamId == 0) {
        for (Http2Exchange x : exchanges.values()) {
          x.sendWindowOpened();
        }
      } else {
        Http2Exchange x = exchanges.get(streamId);
        if (x != null) {
          x.sendWindowOpened();
        }
      }
    }
  }
}
