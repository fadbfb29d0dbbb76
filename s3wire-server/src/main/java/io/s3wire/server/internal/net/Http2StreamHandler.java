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
  /**
   * Runs once the exchange's body has ended or failed, or at the end of a read: routes an exchange
   * that waits for its body, or carries on a routed one that asked for its body.
   */
  private Runnable atBodyEnd;
  /** {@link #atBodyEnd} waits past the end of reads that brought none of the body (it follows a 100 Continue). */
  private boolean untilBodyStarts;

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
            bodyEnded();
          } else if (exchange.readsAhead()) {
            ctx.read();
          }
        }
      } else if (msg instanceof Http2ResetFrame reset) {
        if (exchange != null) {
          bodyEnded();
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
      bodyEnded();
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
      // A small body is read as it arrives, not when the worker asks (a hand-off per request); it
      // is usually in this same read, and routed with it in hand the request can be served on
      // this loop (see Router). The end of the read routes it regardless.
      // Reading on (not one frame per ask) keeps the DATA frames in the read that delivered the
      // head; with one ask per frame the stream's read ends after the head, before its body.
      atBodyEnd = () -> requests.onRequest(exchange);
      ctx.channel().config().setAutoRead(true);
      return;
    }
    requests.onRequest(exchange);
  }

  /** The body ended or failed: what waits for it runs now. */
  private void bodyEnded() {
    Runnable r = atBodyEnd;
    if (r != null) {
      atBodyEnd = null;
      untilBodyStarts = false;
      r.run();
    }
  }

  /**
   * Runs {@code then} for {@code ex}, a routed request whose client was just sent 100 Continue and
   * whose body is read as it arrives, as {@link Exchange#continueAndReadAhead} says.
   */
  void readAheadThen(Http2Exchange ex, Runnable then) {
    if (ex != exchange) {
      return;
    }
    atBodyEnd = then;
    untilBodyStarts = true;
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (exchange != null) {
      // What waits for the body runs now, unless none of a body that follows a 100 Continue is in yet.
      if (!untilBodyStarts || exchange.body().received() > 0) {
        bodyEnded();
      }
      exchange.body().readComplete();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (exchange != null) {
      bodyEnded();
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
