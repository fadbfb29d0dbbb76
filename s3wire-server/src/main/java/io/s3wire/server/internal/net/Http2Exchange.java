package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.ServerLimits;

/** An HTTP/2 stream's request and response; the stream channel reads only when its body asks. */
final class Http2Exchange extends StreamExchange<Http2Headers> {
  private final Http2StreamChannel stream;

  Http2Exchange(Http2StreamChannel stream, WritabilityGate gate, ServerLimits limits, Http2Headers requestHeaders) {
    super(stream, gate, limits, requestHeaders, requestHeaders.method(), requestHeaders.path(),
        requestHeaders.authority());
    this.stream = stream;
  }

  @Override
  void sendContinue() {
    stream.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("100"), false));
  }

  @Override
  void readAheadThen(Runnable then) {
    stream.pipeline().get(Http2StreamHandler.class).readAheadThen(this, then);
    stream.config().setAutoRead(true);
  }

  @Override
  public HttpProtocol protocol() {
    return HttpProtocol.HTTP_2;
  }

  @Override
  public boolean secure() {
    return stream.parent().pipeline().get(SslHandler.class) != null;
  }

  @Override
  public int streamId() {
    return stream.stream().id();
  }

  @Override
  public String describe() {
    return "HTTP/2 " + stream.parent().remoteAddress() + " stream " + streamId();
  }

  @Override
  Http2Headers newHead(HttpResponseStatus status) {
    return new DefaultHttp2Headers().status(status.codeAsText());
  }

  @Override
  Object headFrame(Http2Headers head, boolean last) {
    return new DefaultHttp2HeadersFrame(head, last);
  }

  @Override
  Object dataFrame(ByteBuf data, boolean last) {
    return new DefaultHttp2DataFrame(data, last);
  }

  @Override
  ChannelFuture send(Object frame, boolean last) {
    return stream.writeAndFlush(frame);
  }

  @Override
  void onResponseWritten(ChannelFuture last) {
    last.addListener((ChannelFutureListener) f -> {
      finish();
      if (!body.isComplete() && stream.isActive()) {
        // The response is complete but the request body is not: tell the client to stop sending.
        stream.writeAndFlush(new DefaultHttp2ResetFrame(io.netty.handler.codec.http2.Http2Error.NO_ERROR));
      }
    });
  }

  @Override
  void abortResponse() {
    stream.writeAndFlush(new DefaultHttp2ResetFrame(io.netty.handler.codec.http2.Http2Error.CANCEL));
  }

  @Override
  void onDeadline() {
    reset(Http2ErrorCode.CANCEL);
  }

  @Override
  public void reset(Http2ErrorCode code) {
    claim();
    finish();
    stream.writeAndFlush(new DefaultHttp2ResetFrame(code.code()));
  }

  @Override
  public void goAway(Http2ErrorCode code, int lastStreamId) {
    claim();
    finish();
    io.netty.channel.Channel parent = stream.parent();
    parent.eventLoop().execute(() -> {
      Http2FrameCodec codec = parent.pipeline().get(Http2FrameCodec.class);
      if (codec == null) {
        parent.close();
        return;
      }
      var ctx = parent.pipeline().context(codec);
      codec.goAway(ctx, lastStreamId, code.code(), Unpooled.EMPTY_BUFFER, ctx.newPromise())
          .addListener(ChannelFutureListener.CLOSE);
      ctx.flush();
    });
  }
}
