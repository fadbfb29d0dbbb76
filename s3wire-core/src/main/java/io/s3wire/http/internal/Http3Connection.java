package io.s3wire.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3GoAwayFrame;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamLimitChangedEvent;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.ReferenceCountUtil;
import io.s3wire.error.S3Exception;
import io.s3wire.wire.WireEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP/3 connection: a QUIC connection whose bidirectional streams each carry one call.
 *
 * <p>QUIC does the multiplexing and flow control. Stream credit is cumulative (RFC 9000 section
 * 4.6): initial_max_streams_bidi is how many streams may ever be opened until the server raises it
 * with MAX_STREAMS as streams close, not a limit on streams at once. So the {@link OriginPool} is
 * told the credit left ({@link #maxConcurrentStreams}) and holds calls beyond it in its queue, where
 * timeouts, cancellation and the connection's end reach them; Netty's QuicStreamLimitChangedEvent
 * (the server's MAX_STREAMS) lets it dispatch again. After the server's GOAWAY it takes no new
 * streams: those at or above the GOAWAY's id fail as unprocessed, the others finish. Stream state
 * lives in {@link Http3Exchange}s, confined to the QUIC channel's event loop.
 */
final class Http3Connection extends MultiplexedConnection {
  /**
   * The QUIC channel's handlers, made before the connection exists: they record the server's GOAWAY
   * and CONNECTION_CLOSE, which may arrive before (or without) an {@link Http3Connection}.
   */
  static final class Handlers {
    private volatile Http3Connection connection;
    private volatile QuicConnectionCloseEvent closeEvent;
    private volatile int goAwayId = -1;

    ChannelHandler connectionHandler() {
      ChannelHandler control = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
          if (msg instanceof Http3GoAwayFrame g) {
            goAwayId = (int) Math.min(Integer.MAX_VALUE, g.id());
            Http3Connection c = connection;
            if (c != null) {
              c.goAway(goAwayId);
            }
          }
          ReferenceCountUtil.release(msg);
        }
      };
      return new ChannelInitializer<QuicChannel>() {
        @Override
        protected void initChannel(QuicChannel ch) {
          ch.pipeline().addLast(new Http3ClientConnectionHandler(control, null, null, null, true));
          ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
              if (evt instanceof QuicConnectionCloseEvent e) {
                closeEvent = e;
              } else if (evt instanceof QuicStreamLimitChangedEvent) {
                Http3Connection c = connection;
                if (c != null) {
                  c.pool.capacityChanged();
                }
              }
              ReferenceCountUtil.release(evt);
            }
          });
        }
      };
    }
  }

  private final QuicChannel quic;
  private final Channel udp;
  private final ConnectionInfo info;
  private final EventRouter router;
  private final TransportContext context;
  private final OriginPool pool;
  private final Handlers handlers;
  private final Map<Long, Http3Exchange> exchanges = new LinkedHashMap<>();
  /**
   * The streams opened for calls the pool still counts in {@link #active}; the rest of those calls
   * are on their way to the event loop, each about to take one stream of credit.
   */
  private final AtomicInteger opened = new AtomicInteger();
  private volatile boolean usable = true;
  private volatile String closeReason;

  Http3Connection(QuicChannel quic, Channel udp, ConnectionInfo info, EventRouter router, TransportContext context, OriginPool pool,
      Handlers handlers) {
    this.quic = quic;
    this.udp = udp;
    this.info = info;
    this.router = router;
    this.context = context;
    this.pool = pool;
    this.handlers = handlers;
    handlers.connection = this;
    if (handlers.goAwayId >= 0) {
      usable = false;
    }
    quic.closeFuture().addListener(f -> quic.eventLoop().execute(this::closed));
  }

  @Override
  public ConnectionInfo info() {
    return info;
  }

  @Override
  public boolean isUsable() {
    return usable && quic.isActive();
  }

  /**
   * The streams open for the pool's calls plus the new ones the server's credit allows: the pool
   * then hands over no more calls than there is credit for. The credit is Netty's count, which drops
   * as streams open and rises when the server's MAX_STREAMS arrives; read from the pool's thread it
   * may be a moment old, which {@link #start} checks again.
   */
  @Override
  int maxConcurrentStreams() {
    long credit = Math.max(0, quic.peerAllowedStreams(QuicStreamType.BIDIRECTIONAL));
    return (int) Math.min(Integer.MAX_VALUE, opened.get() + credit);
  }

  /** A call's stream ended (or never opened): the pool may hand the connection another. */
  void streamEnded() {
    // Before the pool's count: a dispatch in between then sees one call fewer than there is room for, never one more.
    opened.decrementAndGet();
    pool.streamEnded(this);
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

  QuicChannel quic() {
    return quic;
  }

  @Override
  public void close(String reason) {
    usable = false;
    if (closeReason == null) {
      closeReason = reason;
    }
    quic.eventLoop().execute(() -> {
      if (quic.isActive()) {
        router.emitToStreams(new WireEvent.QuicFrame(System.nanoTime(), info.id(), WireEvent.Direction.SENT, -1, "CONNECTION_CLOSE",
            0x100, "H3_NO_ERROR", true, reason));
        quic.close(true, 0x100, io.netty.buffer.Unpooled.EMPTY_BUFFER);
      } else {
        udp.close();
      }
    });
  }

  @Override
  public void start(Call call) {
    quic.eventLoop().execute(() -> {
      // Without credit (the pool's view was a moment old) the call goes back to the pool's queue:
      // opening the stream anyway would be QUIC's STREAM_LIMIT_ERROR.
      if (!quic.isActive() || !usable || quic.peerAllowedStreams(QuicStreamType.BIDIRECTIONAL) <= 0) {
        pool.streamEnded(this);
        pool.requeue(call);
        return;
      }
      Http3Exchange e = new Http3Exchange(this, call);
      if (!call.bind(e)) {
        pool.streamEnded(this);
        return;
      }
      // On the event loop the stream (and its credit) is taken before newRequestStream returns; the
      // exchange gives its place back through streamEnded() however it ends, failing to open included.
      var opening = Http3.newRequestStream(quic, e.handler());
      opened.incrementAndGet();
      opening.addListener(f -> {
        if (f.isSuccess()) {
          e.opened((QuicStreamChannel) f.getNow());
        } else {
          e.fail(Http3Failures.streamNotOpened(f.cause(), pool.origin(), quic.isActive()));
        }
      });
    });
  }

  void register(long streamId, Http3Exchange e) {
    exchanges.put(streamId, e);
  }

  void exchangeEnded(long streamId) {
    exchanges.remove(streamId);
    if (!usable && exchanges.isEmpty() && quic.isActive() && handlers.goAwayId >= 0) {
      close(closeReason);
    }
  }

  /** The server's GOAWAY: no new streams; those at or above {@code id} were not processed. */
  private void goAway(int id) {
    quic.eventLoop().execute(() -> {
      usable = false;
      if (closeReason == null) {
        closeReason = "HTTP/3 GOAWAY(id " + id + ") from the server";
      }
      router.emitToStreams(new WireEvent.QuicFrame(System.nanoTime(), info.id(), WireEvent.Direction.RECEIVED, -1, "GOAWAY",
          id, null, true, "id " + id));
      for (Http3Exchange x : new ArrayList<>(exchanges.values())) {
        if (x.streamId() >= id) {
          x.failAndReset(Http3Failures.closed(null, false, 0, (int) x.streamId(), id, x.headersReceived()));
        }
      }
      pool.draining(this);
      if (exchanges.isEmpty()) {
        close(closeReason);
      }
    });
  }

  /** Why an unfinished stream ended when the connection went away. */
  S3Exception closedFailure(long streamId, boolean afterHeaders) {
    return Http3Failures.closed(handlers.closeEvent, quic.isTimedOut(), context.config().poolIdleTimeout().toMillis(),
        (int) Math.min(Integer.MAX_VALUE, streamId), handlers.goAwayId, afterHeaders);
  }

  private void closed() {
    usable = false;
    QuicConnectionCloseEvent e = handlers.closeEvent;
    String reason = closeReason;
    if (e != null) {
      String why = Http3Failures.reason(e);
      router.emitToStreams(new WireEvent.QuicFrame(System.nanoTime(), info.id(), WireEvent.Direction.RECEIVED, -1, "CONNECTION_CLOSE",
          e.error(), Http3Failures.closeName(e), e.isApplicationClose(), why));
      // The server's close is what ended the connection, even if the transport was closing it too.
      reason = "CONNECTION_CLOSE(" + Http3Failures.closeName(e) + ") from the server" + (why == null ? "" : ": " + why);
    } else if (reason == null && quic.isTimedOut()) {
      reason = "QUIC idle timeout (" + context.config().poolIdleTimeout().toMillis() + " ms without a packet)";
    }
    for (Http3Exchange x : new ArrayList<>(exchanges.values())) {
      x.fail(closedFailure(x.streamId(), x.headersReceived()));
    }
    router.emit(new WireEvent.ConnectionClosed(System.nanoTime(), info.id(), reason == null ? "closed by the server" : reason));
    udp.close();
    pool.remove(this);
  }
}
