package io.s3wire.http.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Holds a new connection's inbound bytes until the HTTP codec is installed, then hands them on.
 *
 * <p>The codec is chosen only after connect (plain) or after the TLS handshake (from ALPN), in
 * listeners that can run after the first bytes arrived: a server speaks first on HTTP/2 (its
 * SETTINGS), and over TLS 1.3 those bytes can come in the same read as the handshake's end. Without
 * this handler they reached the pipeline's tail and were dropped, and the codec then saw the
 * server's SETTINGS ACK as its first frame and closed the connection with PROTOCOL_ERROR.
 *
 * <p>Sits after TLS; removing it (on the event loop, once the codec is added after it) fires what it
 * held, in order, into the codec. Buffers it still holds when the channel closes are released.
 *
 * <p>It is also the pipeline's last handler until then: a failure before the codec (a TLS handshake
 * refused) reaches the caller through the connect and handshake futures, so here it only closes the
 * channel instead of reaching the pipeline's tail, where Netty would log it with a stack trace.
 */
final class HeldReads extends ChannelInboundHandlerAdapter {
  static final String NAME = "held-reads";

  /** Hands what {@code ch} held to the codec just added after this handler; on the event loop. */
  static void release(Channel ch) {
    // A channel closed meanwhile has had its handlers removed already, this one with them.
    if (ch.pipeline().get(NAME) != null) {
      ch.pipeline().remove(NAME);
    }
  }

  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private boolean readComplete;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    held.add(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    readComplete = true;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseHeld();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    boolean any = !held.isEmpty();
    Object msg;
    while ((msg = held.poll()) != null) {
      ctx.fireChannelRead(msg);
    }
    if (any || readComplete) {
      ctx.fireChannelReadComplete();
    }
  }

  private void releaseHeld() {
    Object msg;
    while ((msg = held.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
