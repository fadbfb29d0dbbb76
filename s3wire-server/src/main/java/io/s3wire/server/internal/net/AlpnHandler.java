package io.s3wire.server.internal.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** After the TLS handshake, installs the codec for the protocol ALPN selected (HTTP/1.1 without ALPN). */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
  private final Pipelines pipelines;

  AlpnHandler(Pipelines pipelines, String fallback) {
    super(fallback);
    this.pipelines = pipelines;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
      pipelines.http2(ctx.pipeline());
    } else {
      pipelines.http1(ctx.pipeline());
    }
  }

  @Override
  protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
    ServerLog.debug("TLS handshake with " + ctx.channel().remoteAddress() + " failed: " + cause.getMessage());
    ctx.close();
  }
}
