package io.s3wire.server.internal.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http2.Http2HeadersFrame;

/**
 * Adds {@code Alt-Svc} to every final response head written on a TCP connection, HTTP/1.1 or
 * HTTP/2, so that clients learn of the HTTP/3 listener (RFC 7838); informational (1xx) heads and
 * HTTP/2 trailers are left as they are.
 */
@ChannelHandler.Sharable
final class AltSvcHandler extends ChannelOutboundHandlerAdapter {
  private final String value;

  AltSvcHandler(String value) {
    this.value = value;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse r && r.status().code() >= 200) {
      r.headers().set("alt-svc", value);
    } else if (msg instanceof Http2HeadersFrame f && f.headers().status() != null
        && f.headers().status().charAt(0) != '1') {
      f.headers().set("alt-svc", value);
    }
    super.write(ctx, msg, promise);
  }
}
