package io.s3wire.http.internal.pcap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.s3wire.wire.Redaction;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Rewrites one direction of an HTTP/2 byte stream for the capture: every frame passes unchanged
 * except header blocks, which are decoded, masked ({@link SameLengthMask}) and encoded again.
 *
 * <p>HPACK leaves no secret in place to mask: values may be Huffman-coded, and a value sent once
 * is later a table index. So this keeps a decoder that follows the sender's dynamic table (it sees
 * the same bytes the peer does), and encodes the masked headers with its own encoder that never
 * indexes, so the capture's blocks need no state beyond themselves. A HEADERS or PUSH_PROMISE frame
 * and its CONTINUATION frames become one frame with END_HEADERS, as the trace shows one event;
 * padding is dropped. DATA, SETTINGS and every other frame are copied byte for byte.
 *
 * <p>A frame is emitted once it is whole. A header block this decoder cannot read (the peer broke
 * HPACK, which the connection's codec fails on too) ends the rewriting: from then on the direction
 * emits nothing rather than guess. One thread per instance (the connection's event loop).
 */
final class Http2Rewriter implements AutoCloseable {
  /** The client's connection preface: {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}. */
  static final int PREFACE_LENGTH = 24;
  private static final int HEADERS = 0x1;
  private static final int PUSH_PROMISE = 0x5;
  private static final int CONTINUATION = 0x9;
  private static final int END_HEADERS = 0x4;
  private static final int PADDED = 0x8;
  private static final int PRIORITY = 0x20;

  private final ByteBuf pending;
  private final IntFunction<Redaction> redactions;
  private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false, Long.MAX_VALUE / 2);
  private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder((name, value) -> true, true);
  private int prefaceLeft;
  private boolean broken;
  /** The header block being collected across CONTINUATION frames, or {@code null}. */
  private ByteBuf block;
  private int blockType;
  private int blockFlags;
  private int blockStream;
  private byte[] blockPrefix;

  /**
   * @param client whether this is the client's direction, which opens with the connection preface
   * @param redactions the redaction for a stream's headers
   */
  Http2Rewriter(ByteBufAllocator alloc, boolean client, IntFunction<Redaction> redactions) {
    this.pending = alloc.heapBuffer();
    this.redactions = redactions;
    this.prefaceLeft = client ? PREFACE_LENGTH : 0;
    try {
      decoder.maxHeaderTableSize(Http2CodecUtil.MAX_HEADER_TABLE_SIZE);
    } catch (Http2Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes the next bytes of the stream; writes what is ready for the capture into {@code out}. */
  void rewrite(ByteBuf in, ByteBuf out) {
    if (broken) {
      return;
    }
    pending.writeBytes(in, in.readerIndex(), in.readableBytes());
    if (prefaceLeft > 0) {
      int n = Math.min(prefaceLeft, pending.readableBytes());
      out.writeBytes(pending, n);
      prefaceLeft -= n;
    }
    while (!broken && pending.readableBytes() >= 9) {
      int start = pending.readerIndex();
      int length = pending.getUnsignedMedium(start);
      if (pending.readableBytes() < 9 + length) {
        break;
      }
      int type = pending.getUnsignedByte(start + 3);
      if (type == HEADERS || type == PUSH_PROMISE || type == CONTINUATION || block != null) {
        headerFrame(type, pending.getUnsignedByte(start + 4), pending.getInt(start + 5) & 0x7fffffff,
            pending.slice(start + 9, length), out);
      } else {
        out.writeBytes(pending, start, 9 + length);
      }
      pending.readerIndex(start + 9 + length);
    }
    pending.discardSomeReadBytes();
  }

  private void headerFrame(int type, int flags, int stream, ByteBuf payload, ByteBuf out) {
    if (type == CONTINUATION && block != null && stream == blockStream) {
      block.writeBytes(payload);
    } else if ((type == HEADERS || type == PUSH_PROMISE) && block == null) {
      int pad = (flags & PADDED) != 0 ? payload.readUnsignedByte() : 0;
      int prefix = type == PUSH_PROMISE ? 4 : (flags & PRIORITY) != 0 ? 5 : 0;
      if (payload.readableBytes() < prefix + pad) {
        broken = true;
        return;
      }
      blockPrefix = new byte[prefix];
      payload.readBytes(blockPrefix);
      block = pending.alloc().heapBuffer();
      block.writeBytes(payload, payload.readerIndex(), payload.readableBytes() - pad);
      blockType = type;
      blockFlags = flags & ~PADDED;
      blockStream = stream;
    } else {
      // A CONTINUATION out of place, or a frame inside a header block: the codec fails the connection.
      broken = true;
      return;
    }
    if ((flags & END_HEADERS) != 0) {
      emitBlock(out);
    }
  }

  private void emitBlock(ByteBuf out) {
    ByteBuf encoded = pending.alloc().heapBuffer();
    try {
      Http2Headers decoded = decoder.decodeHeaders(blockStream, block);
      Redaction redaction = redactions.apply(blockStream);
      Http2Headers masked = new DefaultHttp2Headers(false, decoded.size());
      for (Map.Entry<CharSequence, CharSequence> h : decoded) {
        String name = h.getKey().toString();
        masked.add(name, SameLengthMask.headerValue(redaction, name, h.getValue().toString()));
      }
      encoder.encodeHeaders(blockStream, masked, encoded);
      out.writeMedium(blockPrefix.length + encoded.readableBytes());
      out.writeByte(blockType);
      out.writeByte(blockFlags | END_HEADERS);
      out.writeInt(blockStream);
      out.writeBytes(blockPrefix);
      out.writeBytes(encoded);
    } catch (Http2Exception | RuntimeException e) {
      broken = true;
    } finally {
      encoded.release();
      block.release();
      block = null;
    }
  }

  @Override
  public void close() {
    pending.release();
    if (block != null) {
      block.release();
      block = null;
    }
  }
}
