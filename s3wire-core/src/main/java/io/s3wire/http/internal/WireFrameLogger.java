package io.s3wire.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.logging.LogLevel;
import io.netty.util.collection.CharObjectMap;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns every HTTP/2 frame the codec reads or writes into a {@link WireEvent}.
 *
 * <p>Netty's builder wraps its frame reader and writer in {@code Http2InboundFrameLogger} and {@code
 * Http2OutboundFrameLogger} with this logger, so the events come from the codec's own decoding, not
 * from re-parsing bytes. Header values are redacted with the stream's call's {@link Redaction}.
 * A HEADERS event carries its block's encoded size, which the codec does not hand over:
 * {@link Http2FrameSizes} reads it off the bytes, and a sent HEADERS is traced once its frames pass
 * there (the codec logs it before encoding it). PUSH_PROMISE events carry no length.
 */
final class WireFrameLogger extends Http2FrameLogger {
  private final EventRouter router;
  private final Http2FrameSizes sizes = new Http2FrameSizes(this::sentBlock);
  /** Sent HEADERS logged but not yet encoded, by stream. */
  private final Map<Integer, WireEvent.HeadersFrame> unsent = new HashMap<>();

  WireFrameLogger(EventRouter router) {
    super(LogLevel.TRACE, WireFrameLogger.class);
    this.router = router;
  }

  /** {@return the handler that measures header blocks; goes in the pipeline below the HTTP/2 handler} */
  Http2FrameSizes frameSizes() {
    return sizes;
  }

  private void sentBlock(int streamId, long length) {
    WireEvent.HeadersFrame h = unsent.remove(streamId);
    if (h != null) {
      router.emitStream(streamId, new WireEvent.HeadersFrame(h.nanoTime(), h.connectionId(), h.direction(), streamId,
          (int) length, h.endStream(), h.headers()));
    }
  }

  /** A HEADERS write failed before its frames went out: traced now, without a length. */
  void headersNotSent(int streamId) {
    WireEvent.HeadersFrame h = unsent.remove(streamId);
    if (h != null) {
      router.emitStream(streamId, h);
    }
  }

  private static WireEvent.Direction dir(Http2FrameLogger.Direction d) {
    return d == Http2FrameLogger.Direction.INBOUND ? WireEvent.Direction.RECEIVED : WireEvent.Direction.SENT;
  }

  private String id() {
    return router.connectionId();
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public void logData(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endStream) {
    router.emitStream(streamId,
        new WireEvent.DataFrame(System.nanoTime(), id(), dir(d), streamId, data.readableBytes() + padding, padding, endStream));
  }

  @Override
  public void logHeaders(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endStream) {
    if (d == Http2FrameLogger.Direction.OUTBOUND) {
      unsent.put(streamId, new WireEvent.HeadersFrame(System.nanoTime(), id(), dir(d), streamId, -1, endStream,
          headers(streamId, headers)));
      return;
    }
    router.emitStream(streamId, new WireEvent.HeadersFrame(System.nanoTime(), id(), dir(d), streamId,
        (int) sizes.takeReceived(streamId), endStream, headers(streamId, headers)));
  }

  @Override
  public void logHeaders(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
      short weight, boolean exclusive, int padding, boolean endStream) {
    logHeaders(d, ctx, streamId, headers, padding, endStream);
  }

  @Override
  public void logPriority(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, int streamDependency, short weight, boolean exclusive) {
    router.emitStream(streamId, new WireEvent.PriorityFrame(System.nanoTime(), id(), dir(d), streamId, streamDependency, weight, exclusive));
  }

  @Override
  public void logRstStream(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, long errorCode) {
    router.emitStream(streamId, new WireEvent.RstStreamFrame(System.nanoTime(), id(), dir(d), streamId, errorCode));
  }

  @Override
  public void logSettingsAck(Http2FrameLogger.Direction d, ChannelHandlerContext ctx) {
    router.emit(new WireEvent.SettingsFrame(System.nanoTime(), id(), dir(d), true, Map.of()));
  }

  @Override
  public void logSettings(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, Http2Settings settings) {
    Map<String, Long> named = new LinkedHashMap<>();
    TreeMap<Character, Long> ordered = new TreeMap<>();
    for (CharObjectMap.PrimitiveEntry<Long> e : settings.entries()) {
      ordered.put(e.key(), e.value());
    }
    ordered.forEach((k, v) -> named.put(settingName(k), v));
    router.emit(new WireEvent.SettingsFrame(System.nanoTime(), id(), dir(d), false, java.util.Collections.unmodifiableMap(named)));
  }

  @Override
  public void logPing(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, long data) {
    router.emit(new WireEvent.PingFrame(System.nanoTime(), id(), dir(d), false, data));
  }

  @Override
  public void logPingAck(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, long data) {
    router.emit(new WireEvent.PingFrame(System.nanoTime(), id(), dir(d), true, data));
  }

  @Override
  public void logPushPromise(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, int promisedStreamId, Http2Headers headers, int padding) {
    router.emitStream(streamId,
        new WireEvent.PushPromiseFrame(System.nanoTime(), id(), dir(d), streamId, promisedStreamId, headers(streamId, headers)));
  }

  @Override
  public void logGoAway(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData) {
    router.emitToStreams(new WireEvent.GoAwayFrame(System.nanoTime(), id(), dir(d), lastStreamId, errorCode,
        debugData.toString(debugData.readerIndex(), debugData.readableBytes(), StandardCharsets.UTF_8)));
  }

  @Override
  public void logWindowsUpdate(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
    router.emitStream(streamId, new WireEvent.WindowUpdateFrame(System.nanoTime(), id(), dir(d), streamId, windowSizeIncrement));
  }

  @Override
  public void logUnknownFrame(Http2FrameLogger.Direction d, ChannelHandlerContext ctx, byte frameType, int streamId, Http2Flags flags, ByteBuf data) {
    router.emitStream(streamId,
        new WireEvent.UnknownFrame(System.nanoTime(), id(), dir(d), streamId, frameType & 0xff, flags.value() & 0xff, data.readableBytes()));
  }

  private List<WireEvent.Header> headers(int streamId, Http2Headers headers) {
    return redacted(router.redaction(streamId), headers, headers.size());
  }

  /** Header fields as a trace event carries them: {@code :path} with secret query values masked, secret values masked. */
  static List<WireEvent.Header> redacted(Redaction redaction, Iterable<Map.Entry<CharSequence, CharSequence>> headers, int size) {
    List<WireEvent.Header> out = new ArrayList<>(size);
    for (Map.Entry<CharSequence, CharSequence> h : headers) {
      String name = h.getKey().toString();
      String value = h.getValue().toString();
      value = name.equals(":path") ? redaction.url(value) : redaction.headerValue(name, value);
      out.add(new WireEvent.Header(name, value));
    }
    return out;
  }

  static String settingName(char id) {
    return switch (id) {
      case 1 -> "SETTINGS_HEADER_TABLE_SIZE";
      case 2 -> "SETTINGS_ENABLE_PUSH";
      case 3 -> "SETTINGS_MAX_CONCURRENT_STREAMS";
      case 4 -> "SETTINGS_INITIAL_WINDOW_SIZE";
      case 5 -> "SETTINGS_MAX_FRAME_SIZE";
      case 6 -> "SETTINGS_MAX_HEADER_LIST_SIZE";
      case 8 -> "SETTINGS_ENABLE_CONNECT_PROTOCOL";
      case 9 -> "SETTINGS_NO_RFC7540_PRIORITIES";
      default -> "SETTINGS_0x" + Integer.toHexString(id);
    };
  }
}
