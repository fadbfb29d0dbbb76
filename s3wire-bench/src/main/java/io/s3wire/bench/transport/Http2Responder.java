package io.s3wire.bench.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The bench routes ({@link Routes}) on one HTTP/2 stream (a child channel of Netty's {@code
 * Http2MultiplexHandler}). The child channel is writable only while the stream and connection
 * windows allow, so a large GET body follows the client's WINDOW_UPDATEs; request DATA is consumed
 * (and its window returned) as it is read.
 */
final class Http2Responder extends ChannelInboundHandlerAdapter {
  private long putReceived = -1;
  private long remaining;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof Http2HeadersFrame h) {
        onHeaders(ctx, h);
      } else if (msg instanceof Http2DataFrame d && putReceived >= 0) {
        putReceived += d.content().readableBytes();
        if (d.isEndStream()) {
          Http2Headers out = new DefaultHttp2Headers().status("200").set("x-received", Long.toString(putReceived));
          putReceived = -1;
          ctx.writeAndFlush(new DefaultHttp2HeadersFrame(out, true));
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame h) {
    String method = h.headers().method().toString();
    String path = h.headers().path().toString();
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    if (method.equals("PUT")) {
      putReceived = 0;
      if (h.isEndStream()) {
        ctx.writeAndFlush(new DefaultHttp2HeadersFrame(
            new DefaultHttp2Headers().status("200").set("x-received", "0"), true));
        putReceived = -1;
      }
      return;
    }
    Long length = method.equals("GET") ? Routes.getLength(path) : null;
    if (length == null) {
      ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("404"), true));
    } else if (length < 0) {
      var body = Routes.smallBody();
      ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
          .setInt("content-length", body.readableBytes()), false));
      ctx.writeAndFlush(new DefaultHttp2DataFrame(body, true));
    } else {
      ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
          .set("content-length", Long.toString(length)), length == 0));
      remaining = length;
      if (length == 0) {
        ctx.flush();
      } else {
        pump(ctx);
      }
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (remaining > 0 && ctx.channel().isWritable()) {
      pump(ctx);
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void pump(ChannelHandlerContext ctx) {
    while (remaining > 0 && ctx.channel().isWritable()) {
      int n = (int) Math.min(Routes.CHUNK, remaining);
      remaining -= n;
      ctx.write(new DefaultHttp2DataFrame(Routes.ZEROS.duplicate().writerIndex(n), remaining == 0));
    }
    ctx.flush();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
