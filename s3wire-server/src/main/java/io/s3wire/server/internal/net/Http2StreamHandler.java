package io.s3wire.server.internal.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.s3wire.server.ServerLimits;

/**
 * One HTTP/2 stream: validates the request head strictly (RFC 9113 section 8.2), then feeds the
 * exchange's body from DATA frames. The stream channel does not auto-read, so DATA frames (and the
 * WINDOW_UPDATEs that Netty sends when they are delivered) follow the body's consumption.
 */
final class Http2StreamHandler extends ChannelInboundHandlerAdapter {
  private final RequestHandler requests;
  private final ServerLimits limits;
  private final WritabilityGate gate;
  private Http2Exchange exchange;

  Http2StreamHandler(RequestHandler requests, ServerLimits limits, WritabilityGate gate) {
    this.requests = requests;
    this.limits = limits;
    this.gate = gate;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.read();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof Http2HeadersFrame frame) {
        onHeaders(ctx, frame);
      } else if (msg instanceof Http2DataFrame data) {
        if (exchange != null) {
          exchange.body().offer(data.content().retain());
          if (data.isEndStream()) {
            exchange.body().end();
          } else if (exchange.readsAhead()) {
            ctx.read();
          }
        }
      } else if (msg instanceof Http2ResetFrame reset) {
        if (exchange != null) {
          exchange.streamClosed("stream reset by the client with " + Http2Error.valueOf(reset.errorCode()));
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
    if (exchange != null) {
      // Trailers end the body; their content is not used.
      exchange.body().end();
      return;
    }
    String malformed = StrictHeaders.violation(frame.headers());
    if (malformed != null) {
      ServerLog.abuse("HTTP/2 " + ((Http2StreamChannel) ctx.channel()).parent().remoteAddress()
          + " stream " + frame.stream().id(), "malformed request (" + malformed + "); RST_STREAM(PROTOCOL_ERROR)");
      ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.PROTOCOL_ERROR));
      return;
    }
    Http2Headers headers = frame.headers();
    exchange = new Http2Exchange((Http2StreamChannel) ctx.channel(), gate, limits, headers);
    exchange.startDeadline();
    if (frame.isEndStream()) {
      exchange.body().end();
    } else if (exchange.readsAhead()) {
      // A small body is read as it arrives, not when the worker asks (a hand-off per request).
      ctx.read();
    }
    requests.onRequest(exchange);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.body().readComplete();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.streamClosed("stream closed");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ServerLog.debug("HTTP/2 stream: " + cause);
    ctx.close();
  }
}
