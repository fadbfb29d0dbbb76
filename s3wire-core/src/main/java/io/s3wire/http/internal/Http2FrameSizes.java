package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the HTTP/2 frame headers off a connection's cleartext bytes, both ways, without touching
 * the bytes, for the one fact Netty's frame logger lacks: the encoded size of a header block (a
 * HEADERS frame's payload plus its CONTINUATIONs'), which the logger gets as decoded fields only.
 * Sits just below the HTTP/2 handler (above TLS). Sent sizes go to a listener as the frames pass,
 * received ones wait in a queue per stream until the decoded block is logged. Event loop only.
 */
final class Http2FrameSizes extends ChannelDuplexHandler {
  private static final int HEADERS = 0x1;
  private static final int CONTINUATION = 0x9;
  private static final int END_HEADERS = 0x4;
  /** The client's connection preface before its first frame, RFC 9113 section 3.4. */
  private static final int PREFACE_LENGTH = 24;

  /** Told the encoded size of each header block sent. */
  interface SentBlocks {
    void sent(int streamId, long length);
  }

  private final SentBlocks sentBlocks;
  private final Scanner in = new Scanner(0);
  private final Scanner out = new Scanner(PREFACE_LENGTH);
  private final Map<Integer, ArrayDeque<Long>> received = new HashMap<>();

  Http2FrameSizes(SentBlocks sentBlocks) {
    this.sentBlocks = sentBlocks;
  }

  /** {@return the encoded size of the oldest header block received on {@code streamId} and not yet taken, or -1} */
  long takeReceived(int streamId) {
    ArrayDeque<Long> q = received.get(streamId);
    if (q == null) {
      return -1;
    }
    long length = q.poll();
    if (q.isEmpty()) {
      received.remove(streamId);
    }
    return length;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf b) {
      in.scan(b, (streamId, length) -> received.computeIfAbsent(streamId, k -> new ArrayDeque<>()).add(length));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf b) {
      out.scan(b, sentBlocks::sent);
    }
    ctx.write(msg, promise);
  }

  /** Follows one direction's frames across buffers: a 9-byte header (length, type, flags, stream), then the payload, skipped. */
  static final class Scanner {
    private final byte[] header = new byte[9];
    private long skip;
    private int have;
    /** The header block being read: its stream and bytes so far; -1 when none. */
    private int blockStream = -1;
    private long blockLength;

    /** {@code leading}: bytes before the first frame (the client's preface), skipped. */
    Scanner(int leading) {
      this.skip = leading;
    }

    void scan(ByteBuf buf, SentBlocks blocks) {
      int i = buf.readerIndex();
      int end = buf.writerIndex();
      while (i < end) {
        if (skip > 0) {
          int n = (int) Math.min(skip, end - i);
          skip -= n;
          i += n;
          continue;
        }
        header[have++] = buf.getByte(i++);
        if (have < header.length) {
          continue;
        }
        have = 0;
        int length = (header[0] & 0xff) << 16 | (header[1] & 0xff) << 8 | header[2] & 0xff;
        int type = header[3] & 0xff;
        int flags = header[4] & 0xff;
        int stream = (header[5] & 0x7f) << 24 | (header[6] & 0xff) << 16 | (header[7] & 0xff) << 8 | header[8] & 0xff;
        skip = length;
        if (type == HEADERS) {
          blockStream = stream;
          blockLength = length;
        } else if (type == CONTINUATION && stream == blockStream) {
          blockLength += length;
        } else {
          continue;
        }
        if ((flags & END_HEADERS) != 0) {
          blocks.sent(blockStream, blockLength);
          blockStream = -1;
        }
      }
    }
  }
}
