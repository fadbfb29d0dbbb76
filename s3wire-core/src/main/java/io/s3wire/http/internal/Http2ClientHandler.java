package io.s3wire.http.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2Settings;
import io.s3wire.http.TransportConfig;

/**
 * Netty's HTTP/2 connection handler, with the hooks {@link Http2Connection} needs: errors reach the
 * exchanges before Netty resets the stream or closes the connection, and the connection window is
 * raised right after the preface.
 *
 * <p>We use the {@code Http2ConnectionHandler} API rather than {@code Http2MultiplexHandler} child
 * channels: a stream is then a small object instead of a channel with a pipeline, the response body
 * returns flow-control credit directly through the local flow controller ({@code consumeBytes}) as
 * the caller reads, the request body asks the remote flow controller whether the stream may take
 * more, and the frame reader and writer carry our {@link WireFrameLogger}.
 */
final class Http2ClientHandler extends Http2ConnectionHandler {
  /**
   * The largest DATA frame we accept (SETTINGS_MAX_FRAME_SIZE): 256 KiB rather than 16 KiB cuts
   * per-frame work sixteenfold on bulk downloads from servers that use it.
   */
  static final int MAX_FRAME_SIZE = 256 * 1024;

  private final Http2Connection owner;

  private Http2ClientHandler(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings, Http2Connection owner) {
    super(decoder, encoder, settings);
    this.owner = owner;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    // The preface goes out inside super.handlerAdded, before our SETTINGS: report it first.
    owner.prefaceSending();
    super.handlerAdded(ctx);
    owner.prefaceSent(ctx);
  }

  @Override
  protected void onStreamError(ChannelHandlerContext ctx, boolean outbound, Throwable cause, Http2Exception.StreamException e) {
    owner.streamError(e);
    super.onStreamError(ctx, outbound, cause, e);
  }

  @Override
  protected void onConnectionError(ChannelHandlerContext ctx, boolean outbound, Throwable cause, Http2Exception e) {
    owner.connectionError(cause, e);
    super.onConnectionError(ctx, outbound, cause, e);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    owner.channelInactive();
    super.channelInactive(ctx);
  }

  /** Builds the handler from a transport's config. */
  static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Http2ClientHandler, Builder> {
    private final Http2Connection owner;

    Builder(TransportConfig config, Http2Connection owner, Http2FrameListener listener, WireFrameLogger logger) {
      this.owner = owner;
      server(false);
      Http2Settings s = new Http2Settings()
          .pushEnabled(false)
          .initialWindowSize(config.http2InitialStreamWindow())
          .maxFrameSize(MAX_FRAME_SIZE)
          .maxHeaderListSize(config.maxResponseHeaderBytes());
      initialSettings(s);
      frameListener(listener);
      frameLogger(logger);
      encoderEnforceMaxQueuedControlFrames(config.maxQueuedControlFrames());
      gracefulShutdownTimeoutMillis(0);
    }

    Http2ClientHandler create() {
      return build();
    }

    @Override
    protected Http2ClientHandler build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings settings) {
      return new Http2ClientHandler(decoder, encoder, settings, owner);
    }
  }
}
