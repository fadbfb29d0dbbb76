package io.s3wire.bench.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The bench routes ({@link Routes}) on HTTP/1.1 with keep-alive. Streams a large GET body only while
 * the channel is writable, so the client's read speed sets the pace. One instance per connection;
 * runs on the connection's event loop.
 */
final class Http1Responder extends ChannelInboundHandlerAdapter {
  private long putReceived = -1;
  private boolean keepAlive;
  private long remaining;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest req) {
        keepAlive = HttpUtil.isKeepAlive(req);
        onRequest(ctx, req);
      }
      if (msg instanceof HttpContent content && putReceived >= 0) {
        putReceived += content.content().readableBytes();
        if (content instanceof LastHttpContent) {
          FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
          r.headers().set("x-received", putReceived).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
          putReceived = -1;
          finish(ctx, ctx.writeAndFlush(r));
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onRequest(ChannelHandlerContext ctx, HttpRequest req) {
    String path = req.uri();
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    if (req.method().equals(HttpMethod.PUT)) {
      putReceived = 0;
      return;
    }
    Long length = req.method().equals(HttpMethod.GET) ? Routes.getLength(path) : null;
    if (length == null) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      finish(ctx, ctx.writeAndFlush(r));
    } else if (length < 0) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Routes.smallBody());
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
      finish(ctx, ctx.writeAndFlush(r));
    } else {
      HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      r.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
      ctx.write(r);
      remaining = length;
      pump(ctx);
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
      ctx.write(new DefaultHttpContent(Routes.ZEROS.duplicate().writerIndex(n)));
    }
    if (remaining == 0) {
      remaining = -1;
      finish(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    } else {
      ctx.flush();
    }
  }

  private void finish(ChannelHandlerContext ctx, io.netty.channel.ChannelFuture f) {
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
