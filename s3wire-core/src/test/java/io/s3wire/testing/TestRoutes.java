package io.s3wire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The test server's answers, the same on HTTP/1.1 and HTTP/2 (as HTTP objects):
 *
 * <ul>
 *   <li>{@code /hello}: 200 with body {@code hello PROTOCOL}
 *   <li>{@code /count}: reads the body, answers {@code <bytes> <crc32 hex>}
 *   <li>{@code /bytes/N}: N pattern bytes, written as the connection takes them
 *   <li>{@code /status/N}: status N, empty body ({@code Location: /hello} on 3xx)
 *   <li>{@code /hang}: never answers
 *   <li>{@code /stall-body}: headers announcing 1000 bytes, 10 bytes, then nothing
 *   <li>{@code /close-mid-body}: headers announcing 1000 bytes, 10 bytes, then closes the connection
 *   <li>{@code /big-header/N}: 200 with a header {@code x-big} of N bytes
 * </ul>
 */
final class TestRoutes extends ChannelInboundHandlerAdapter {
  private final String protocol;
  private HttpRequest request;
  private long received;
  private final CRC32 crc = new CRC32();
  private long toSend;
  private boolean streaming;

  TestRoutes(String protocol) {
    this.protocol = protocol;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest r) {
        request = r;
        received = 0;
        crc.reset();
      }
      if (msg instanceof HttpContent c) {
        ByteBuf b = c.content();
        received += b.readableBytes();
        if (b.isReadable()) {
          if (b.hasArray()) {
            crc.update(b.array(), b.arrayOffset() + b.readerIndex(), b.readableBytes());
          } else {
            crc.update(b.nioBuffer());
          }
        }
        if (c instanceof LastHttpContent) {
          answer(ctx);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void answer(ChannelHandlerContext ctx) {
    String path = request.uri();
    if (path.indexOf('?') >= 0) {
      path = path.substring(0, path.indexOf('?'));
    }
    if (path.equals("/hello")) {
      full(ctx, HttpResponseStatus.OK, "hello " + protocol);
    } else if (path.equals("/count")) {
      full(ctx, HttpResponseStatus.OK, received + " " + Long.toHexString(crc.getValue()));
    } else if (path.startsWith("/bytes/")) {
      toSend = Long.parseLong(path.substring("/bytes/".length()));
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_LENGTH, toSend);
      ctx.write(head);
      if (toSend == 0) {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        return;
      }
      streaming = true;
      pump(ctx);
    } else if (path.startsWith("/status/")) {
      int status = Integer.parseInt(path.substring("/status/".length()));
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
      if (status >= 300 && status < 400) {
        res.headers().set(HttpHeaderNames.LOCATION, "/hello");
      }
      ctx.writeAndFlush(res);
    } else if (path.equals("/hang")) {
      return;
    } else if (path.equals("/stall-body") || path.equals("/close-mid-body")) {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 1000);
      ctx.write(head);
      var f = ctx.writeAndFlush(new DefaultHttpContent(Pattern.BLOCK_BUF.retainedSlice(0, 10)));
      if (path.equals("/close-mid-body")) {
        var connection = ctx.channel() instanceof Http2StreamChannel ? ctx.channel().parent() : ctx.channel();
        f.addListener(x -> connection.close());
      }
    } else if (path.startsWith("/big-header/")) {
      int n = Integer.parseInt(path.substring("/big-header/".length()));
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      res.headers().set("x-big", "a".repeat(n));
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
      ctx.writeAndFlush(res);
    } else {
      full(ctx, HttpResponseStatus.NOT_FOUND, "no route " + path);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (streaming) {
      pump(ctx);
    }
    ctx.fireChannelWritabilityChanged();
  }

  private boolean pumping;

  private void pump(ChannelHandlerContext ctx) {
    // A write can fire a writability change synchronously; re-entering here would interleave writes.
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      pumpOnce(ctx);
    } finally {
      pumping = false;
    }
    if (streaming && toSend > 0 && ctx.channel().isWritable()) {
      ctx.channel().eventLoop().execute(() -> pump(ctx));
    }
  }

  private void pumpOnce(ChannelHandlerContext ctx) {
    while (toSend > 0 && ctx.channel().isWritable()) {
      int n = (int) Math.min(Pattern.BLOCK, toSend);
      toSend -= n;
      ByteBuf slice = Pattern.BLOCK_BUF.retainedSlice(0, n);
      if (toSend == 0) {
        streaming = false;
        ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(slice));
        return;
      }
      ctx.write(new DefaultHttpContent(slice));
    }
    ctx.flush();
  }

  private void full(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
    ctx.writeAndFlush(res);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
