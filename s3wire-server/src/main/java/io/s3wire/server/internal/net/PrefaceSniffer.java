package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * On a plain port, tells HTTP/2 with prior knowledge (the 24-byte connection preface
 * {@code PRI * HTTP/2.0...}) from HTTP/1.1 by the first bytes, then installs the matching codec and
 * removes itself (the bytes read so far go on to the codec).
 */
final class PrefaceSniffer extends ByteToMessageDecoder {
  private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

  private final Pipelines pipelines;

  PrefaceSniffer(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
    boolean prefix = in.slice(in.readerIndex(), n).equals(PREFACE.slice(0, n));
    if (prefix && n < PREFACE.readableBytes()) {
      return;
    }
    if (prefix) {
      pipelines.http2(ctx.pipeline());
    } else {
      pipelines.http1(ctx.pipeline());
    }
    ctx.pipeline().remove(this);
  }
}
