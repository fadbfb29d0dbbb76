package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3GoAwayFrame;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.ServerLimits;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/3 request stream's request and response (RFC 9114): HEADERS and DATA frames on one QUIC
 * stream, the body's end being the stream's FIN. The stream channel reads only when the body asks,
 * so QUIC's stream flow-control credit follows the body's consumption as HTTP/2's window does.
 */
final class Http3Exchange extends StreamExchange<Http3Headers> {
  private final QuicStreamChannel stream;

  Http3Exchange(QuicStreamChannel stream, WritabilityGate gate, ServerLimits limits, Http3Headers requestHeaders) {
    super(stream, gate, limits, requestHeaders, requestHeaders.method(), requestHeaders.path(),
        requestHeaders.authority());
    this.stream = stream;
  }

  /** The HTTP/3 code that does what {@code code} does on HTTP/2 (RFC 9114 section 8.1, appendix A.4). */
  static Http3ErrorCode h3Code(Http2ErrorCode code) {
    return switch (code) {
      case NO_ERROR -> Http3ErrorCode.H3_NO_ERROR;
      case PROTOCOL_ERROR -> Http3ErrorCode.H3_MESSAGE_ERROR;
      case INTERNAL_ERROR -> Http3ErrorCode.H3_INTERNAL_ERROR;
      case REFUSED_STREAM -> Http3ErrorCode.H3_REQUEST_REJECTED;
      case CANCEL -> Http3ErrorCode.H3_REQUEST_CANCELLED;
      case COMPRESSION_ERROR -> Http3ErrorCode.QPACK_DECOMPRESSION_FAILED;
      case CONNECT_ERROR -> Http3ErrorCode.H3_CONNECT_ERROR;
      case ENHANCE_YOUR_CALM -> Http3ErrorCode.H3_EXCESSIVE_LOAD;
      case HTTP_1_1_REQUIRED -> Http3ErrorCode.H3_VERSION_FALLBACK;
      case FRAME_SIZE_ERROR -> Http3ErrorCode.H3_FRAME_ERROR;
      case STREAM_CLOSED -> Http3ErrorCode.H3_FRAME_UNEXPECTED;
      case SETTINGS_TIMEOUT -> Http3ErrorCode.H3_SETTINGS_ERROR;
      // Flow control and TLS are QUIC's on HTTP/3: the nearest HTTP/3 code is the general one.
      case FLOW_CONTROL_ERROR, INADEQUATE_SECURITY -> Http3ErrorCode.H3_GENERAL_PROTOCOL_ERROR;
    };
  }

  @Override
  void sendContinue() {
    stream.writeAndFlush(new DefaultHttp3HeadersFrame(new DefaultHttp3Headers().status("100")));
  }

  @Override
  void readAheadThen(Runnable then) {
    stream.pipeline().get(Http3StreamHandler.class).readAheadThen(this, then);
  }

  @Override
  public HttpProtocol protocol() {
    return HttpProtocol.HTTP_3;
  }

  @Override
  public boolean secure() {
    return true;
  }

  @Override
  public int streamId() {
    return (int) stream.streamId();
  }

  @Override
  public String describe() {
    return describe(stream);
  }

  /** {@code HTTP/3 <client address> stream <id>}, the form of the HTTP/2 log lines. */
  static String describe(QuicStreamChannel stream) {
    return "HTTP/3 " + stream.parent().remoteSocketAddress() + " stream " + stream.streamId();
  }

  @Override
  Http3Headers newHead(HttpResponseStatus status) {
    return new DefaultHttp3Headers().status(status.codeAsText());
  }

  @Override
  Object headFrame(Http3Headers head, boolean last) {
    return new DefaultHttp3HeadersFrame(head);
  }

  @Override
  Object dataFrame(ByteBuf data, boolean last) {
    return new DefaultHttp3DataFrame(data);
  }

  /** A last frame is followed by the stream's FIN, and the future completes with the FIN. */
  @Override
  ChannelFuture send(Object frame, boolean last) {
    return last ? endWith(frame) : stream.writeAndFlush(frame);
  }

  private ChannelFuture endWith(Object frame) {
    var done = stream.newPromise();
    stream.writeAndFlush(frame).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        stream.shutdownOutput(done);
      } else {
        done.setFailure(f.cause());
      }
    });
    return done;
  }

  @Override
  void onResponseWritten(ChannelFuture last) {
    last.addListener((ChannelFutureListener) f -> {
      finish();
      if (!body.isComplete() && stream.isActive()) {
        // The response is complete but the request body is not: STOP_SENDING asks the client to
        // stop, with H3_NO_ERROR as RFC 9114 section 4.1 allows for a response sent in full.
        stream.shutdownInput(Http3ErrorCode.H3_NO_ERROR.code());
      }
    });
  }

  @Override
  void abortResponse() {
    stream.shutdown(Http3ErrorCode.H3_REQUEST_CANCELLED.code());
  }

  @Override
  void onDeadline() {
    reset(Http2ErrorCode.CANCEL);
  }

  /** Resets both directions of the stream (RESET_STREAM and STOP_SENDING) with {@code code}'s HTTP/3 twin. */
  @Override
  public void reset(Http2ErrorCode code) {
    claim();
    finish();
    stream.shutdown(h3Code(code).code());
  }

  /**
   * Sends GOAWAY naming this request's stream (it and later ones were not processed; HTTP/3 counts
   * the first unprocessed stream where HTTP/2 counts the last processed one, so {@code lastStreamId}
   * does not apply) and closes the connection with {@code code}'s HTTP/3 twin.
   */
  @Override
  public void goAway(Http2ErrorCode code, int lastStreamId) {
    claim();
    finish();
    QuicChannel quic = stream.parent();
    quic.eventLoop().execute(() -> {
      QuicStreamChannel control = Http3.getLocalControlStream(quic);
      ChannelFuture sent = control == null ? quic.newSucceededFuture()
          : control.writeAndFlush(new DefaultHttp3GoAwayFrame(stream.streamId()));
      sent.addListener(f -> quic.close(true, h3Code(code).code(),
          Unpooled.copiedBuffer("goaway", StandardCharsets.US_ASCII)));
    });
  }
}
