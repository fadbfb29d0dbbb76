package io.s3wire.server.internal.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3Exception;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3HeadersValidationException;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.s3wire.server.ServerLimits;

/**
 * One HTTP/3 request stream: validates the request head as {@link Http2StreamHandler} does (RFC
 * 9114 section 4.2 repeats RFC 9113's rules; a violation resets the stream with H3_MESSAGE_ERROR),
 * then feeds the exchange's body from DATA frames until the stream's FIN. The stream channel does
 * not auto-read, so QUIC hands the client more stream credit only as the body is consumed.
 */
final class Http3StreamHandler extends Http3RequestStreamInboundHandler {
  private final RequestHandler requests;
  private final ServerLimits limits;
  private final WritabilityGate gate;
  private Http3Exchange exchange;
  /** What waits for the end of a body read after 100 Continue (see {@link #readAheadThen}). */
  private Runnable atBodyEnd;

  Http3StreamHandler(RequestHandler requests, ServerLimits limits, WritabilityGate gate) {
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
  protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
    if (exchange != null) {
      // Trailers: their content is not used; the body ends with the stream's FIN.
      return;
    }
    QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
    Http3Headers headers = frame.headers();
    String malformed = StrictHeaders.violation(headers, headers.method(), headers.path(), headers.scheme());
    if (malformed != null) {
      ServerLog.abuse(Http3Exchange.describe(stream), "malformed request (" + malformed
          + "); RESET_STREAM(H3_MESSAGE_ERROR)");
      stream.shutdown(Http3ErrorCode.H3_MESSAGE_ERROR.code());
      return;
    }
    exchange = new Http3Exchange(stream, gate, limits, headers);
    exchange.startDeadline();
    CharSequence length = headers.get("content-length");
    if (exchange.readsAhead() || length == null || length.toString().trim().equals("0")) {
      // A small body is read as it arrives, not when the worker asks; a request that declares none
      // reads on to its FIN, so that its body is complete as on HTTP/2's END_STREAM.
      ctx.read();
    }
    requests.onRequest(exchange);
  }

  @Override
  protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
    if (exchange == null) {
      frame.release();
      return;
    }
    exchange.body().offer(frame.content());
    if (exchange.readsAhead() || atBodyEnd != null) {
      ctx.read();
    }
  }

  @Override
  protected void channelInputClosed(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.body().end();
      bodyEnded();
    }
  }

  /**
   * Runs {@code then} for {@code ex}, a routed request whose client was just sent 100 Continue, once
   * its (small) body has arrived, reading it as it comes, as {@link Exchange#continueAndReadAhead} says.
   */
  void readAheadThen(Http3Exchange ex, Runnable then) {
    if (ex != exchange) {
      return;
    }
    if (exchange.body().isComplete()) {
      then.run();
      return;
    }
    atBodyEnd = then;
    ex.channel.read();
  }

  /** The body ended or failed: what waits for it runs now. */
  private void bodyEnded() {
    Runnable r = atBodyEnd;
    if (r != null) {
      atBodyEnd = null;
      r.run();
    }
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
      bodyEnded();
      exchange.streamClosed("stream closed");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
    if (cause instanceof Http3HeadersValidationException
        || cause instanceof Http3Exception h3 && h3.errorCode() == Http3ErrorCode.H3_MESSAGE_ERROR) {
      // Netty's codec has already reset the stream (upper-case names, misplaced pseudo-headers,
      // :authority and host that differ, a connection field, te other than trailers).
      ServerLog.abuse(Http3Exchange.describe(stream), "malformed request (" + cause.getMessage()
          + "); RESET_STREAM(H3_MESSAGE_ERROR)");
    } else if (cause instanceof QuicException || cause instanceof Http3Exception) {
      if (exchange != null) {
        exchange.streamClosed("stream ended by the client: " + cause.getMessage());
      }
      ServerLog.debug(Http3Exchange.describe(stream) + ": " + cause.getMessage());
    } else {
      ServerLog.debug("HTTP/3 stream: " + cause);
      ctx.close();
    }
  }
}
