package io.s3wire.server.internal.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.s3wire.server.ServerLimits;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: optional TLS with ALPN, or the preface sniffer on a plain
 * port; then the HTTP/1.1 codec or the HTTP/2 frame codec with every limit from {@link ServerLimits}.
 */
public final class Pipelines extends ChannelInitializer<SocketChannel> {
  private final RequestHandler requests;
  private final ServerLimits limits;
  private final SslContext ssl;
  private final String alpnFallback;
  /** Adds {@code Alt-Svc} to TCP responses once HTTP/3 listens; {@code null} without HTTP/3. */
  private volatile AltSvcHandler altSvc;

  /** {@code ssl} null for a plain port. */
  public Pipelines(RequestHandler requests, ServerLimits limits, SslContext ssl, String alpnFallback) {
    this.requests = requests;
    this.limits = limits;
    this.ssl = ssl;
    this.alpnFallback = alpnFallback;
  }

  /** Advertises HTTP/3 on {@code port} in every response of the connections accepted from now on. */
  void advertiseHttp3(int port) {
    altSvc = new AltSvcHandler(Http3Listener.altSvc(port));
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast("idle", new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    p.addLast("idle-close", new IdleCloser());
    if (ssl != null) {
      p.addLast("tls", ssl.newHandler(ch.alloc()));
      p.addLast("alpn", new AlpnHandler(this, alpnFallback));
    } else {
      p.addLast("sniff", new PrefaceSniffer(this));
    }
  }

  void http1(ChannelPipeline p) {
    WritabilityGate gate = new WritabilityGate();
    Http1Handler exchanges = new Http1Handler(requests, limits, gate);
    p.addLast("http1-head-start", exchanges.headStart());
    p.addLast("http1", new HttpServerCodec(limits.maxInitialLineLength(), limits.maxHeaderSize(), 256 * 1024));
    addAltSvc(p);
    p.addLast("gate", gate);
    p.addLast("exchanges", exchanges);
  }

  void http2(ChannelPipeline p) {
    Http2Settings settings = Http2Settings.defaultSettings()
        .maxConcurrentStreams(limits.maxConcurrentStreams())
        .maxHeaderListSize(limits.maxHeaderListSize())
        .initialWindowSize(limits.initialWindowSize())
        .maxFrameSize(limits.maxFrameSize());
    int rstWindowSeconds = (int) Math.max(1, limits.rstWindow().toSeconds());
    Http2FrameCodec codec = GoAwayTolerantConnection.codecBuilder()
        .initialSettings(settings)
        .validateHeaders(true)
        .decoderEnforceMaxRstFramesPerWindow(limits.maxReceivedRstFrames(), rstWindowSeconds)
        .encoderEnforceMaxRstFramesPerWindow(limits.maxSentRstFrames(), rstWindowSeconds)
        .decoderEnforceMaxSmallContinuationFrames(limits.maxSmallContinuationFrames())
        .decoderEnforceMaxConsecutiveEmptyDataFrames(limits.maxConsecutiveEmptyDataFrames())
        .encoderEnforceMaxQueuedControlFrames(limits.maxQueuedControlFrames())
        .gracefulShutdownTimeoutMillis(limits.gracefulShutdownTimeout().toMillis())
        .build();
    p.addLast("http2", codec);
    addAltSvc(p);
    p.addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel stream) {
        stream.config().setAutoRead(false);
        WritabilityGate gate = new WritabilityGate();
        stream.pipeline().addLast(gate, new Http2StreamHandler(requests, limits, gate));
      }
    }));
    p.addLast("http2-errors", new Http2ErrorLogger());
  }

  private void addAltSvc(ChannelPipeline p) {
    AltSvcHandler a = altSvc;
    if (a != null) {
      p.addLast("alt-svc", a);
    }
  }

  /**
   * Closes a connection that carried no bytes in either direction for the idle timeout, quietly:
   * a client keeping an unused connection open does nothing wrong.
   */
  private static final class IdleCloser extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ServerLog.debug(ctx.channel().remoteAddress() + ": idle, closing");
        ctx.close();
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }
  }

  /** One log line per connection error; Netty's codec has already sent GOAWAY and closes. */
  private static final class Http2ErrorLogger extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Channel ch = ctx.channel();
      if (cause instanceof Http2Exception h2) {
        ServerLog.abuse("HTTP/2 " + ch.remoteAddress(),
            "connection error " + h2.error() + ": " + h2.getMessage() + "; GOAWAY sent");
      } else if (cause instanceof IOException) {
        ServerLog.debug("HTTP/2 " + ch.remoteAddress() + ": " + cause.getMessage());
        ctx.close();
      } else if (cause.getCause() instanceof Http2Exception h2) {
        ServerLog.abuse("HTTP/2 " + ch.remoteAddress(),
            "connection error " + h2.error() + ": " + h2.getMessage() + "; GOAWAY sent");
      } else {
        ServerLog.error("HTTP/2 " + ch.remoteAddress() + ": unexpected failure", cause);
        ctx.close();
      }
      // For HTTP/2 errors the codec writes GOAWAY after this returns and then closes; closing here would lose it.
    }
  }
}
