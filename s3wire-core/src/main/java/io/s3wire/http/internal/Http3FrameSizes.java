package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Reads the frame headers (type, length) off a request stream's raw bytes, both ways, without
 * touching the bytes: first in the stream's pipeline, it sees what the QUIC codec hands up before
 * the HTTP/3 codec decodes it, and what the HTTP/3 codec wrote after it encoded it. Netty's codec
 * hands over decoded field sections only, so a HEADERS frame's length, the size of its QPACK-encoded
 * section, is only seen here. Event loop only.
 */
final class Http3FrameSizes extends ChannelDuplexHandler {
  /** HEADERS, RFC 9114 section 7.2.2. */
  static final long HEADERS = 0x01;

  /** Told each HEADERS frame's length as its frame header passes. */
  interface Listener {
    void headersFrame(boolean sent, long length);
  }

  private final Listener listener;
  private final Scanner in = new Scanner();
  private final Scanner out = new Scanner();

  Http3FrameSizes(Listener listener) {
    this.listener = listener;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf b = bytes(msg);
    if (b != null) {
      in.scan(b, length -> listener.headersFrame(false, length));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    ByteBuf b = bytes(msg);
    if (b != null) {
      out.scan(b, length -> listener.headersFrame(true, length));
    }
    ctx.write(msg, promise);
  }

  private static ByteBuf bytes(Object msg) {
    if (msg instanceof ByteBuf b) {
      return b;
    }
    return msg instanceof ByteBufHolder h ? h.content() : null;
  }

  /** Receives the length of each HEADERS frame a {@link Scanner} passes. */
  interface HeadersLength {
    void found(long length);
  }

  /**
   * Follows the frames of one direction across buffers: a frame is a type and a length, each a QUIC
   * variable-length integer (RFC 9000 section 16: the first byte's two high bits give its size, 1, 2,
   * 4 or 8 bytes), then that many payload bytes, which it skips.
   */
  static final class Scanner {
    private boolean readingType = true;
    private long type;
    /** Bytes of the current varint still to come; 0 when none is started. */
    private int varintLeft;
    private long varint;
    private long payloadLeft;

    void scan(ByteBuf buf, HeadersLength headers) {
      int i = buf.readerIndex();
      int end = buf.writerIndex();
      while (i < end) {
        if (payloadLeft > 0) {
          int skip = (int) Math.min(payloadLeft, end - i);
          payloadLeft -= skip;
          i += skip;
          continue;
        }
        int b = buf.getByte(i++) & 0xff;
        if (varintLeft == 0) {
          varintLeft = (1 << (b >>> 6)) - 1;
          varint = b & 0x3f;
        } else {
          varint = (varint << 8) | b;
          varintLeft--;
        }
        if (varintLeft > 0) {
          continue;
        }
        if (readingType) {
          type = varint;
          readingType = false;
        } else {
          if (type == HEADERS) {
            headers.found(varint);
          }
          payloadLeft = varint;
          readingType = true;
        }
      }
    }
  }
}
