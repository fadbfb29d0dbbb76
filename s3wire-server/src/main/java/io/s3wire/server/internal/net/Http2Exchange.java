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
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** An HTTP/2 stream's request and response; the stream channel reads only when its body asks. */
final class Http2Exchange extends AbstractExchange {
  private final Http2StreamChannel stream;
  private final Http2Headers requestHeaders;
  private final HttpHeaders headers;
  private final boolean sentHost;

  Http2Exchange(Http2StreamChannel stream, WritabilityGate gate, ServerLimits limits, Http2Headers requestHeaders) {
    super(stream, gate, limits);
    this.stream = stream;
    this.requestHeaders = requestHeaders;
    this.headers = new io.netty.handler.codec.http.DefaultHttpHeaders();
    boolean host = false;
    for (Map.Entry<CharSequence, CharSequence> h : requestHeaders) {
      String name = h.getKey().toString();
      if (name.startsWith(":")) {
        continue;
      }
      if (name.equals("host")) {
        host = true;
      }
      if (name.equals("cookie") && headers.contains("cookie")) {
        headers.set("cookie", headers.get("cookie") + "; " + h.getValue());
      } else {
        headers.add(name, h.getValue().toString());
      }
    }
    this.sentHost = host;
    if (!host && requestHeaders.authority() != null) {
      headers.set("host", requestHeaders.authority().toString());
    }
  }

  /**
   * Whether the body is small enough, by its content-length, to read as it arrives rather than
   * when the worker asks; never for a client that waits for {@code 100 Continue}.
   */
  boolean readsAhead() {
    return !expectsContinue() && smallBody();
  }

  @Override
  boolean smallBody() {
    CharSequence length = requestHeaders.get("content-length");
    if (length == null) {
      return false;
    }
    try {
      long n = Long.parseLong(length.toString().trim());
      return n >= 0 && n <= READ_AHEAD_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  boolean expectsContinue() {
    CharSequence expect = requestHeaders.get("expect");
    return expect != null && expect.toString().equalsIgnoreCase("100-continue");
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
  public String method() {
    CharSequence m = requestHeaders.method();
    return m == null ? "" : m.toString();
  }

  @Override
  public String uri() {
    CharSequence p = requestHeaders.path();
    return p == null ? "" : p.toString();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public boolean sentHostHeader() {
    return sentHost;
  }

  @Override
  public io.netty.channel.Channel connection() {
    return stream.parent();
  }

  @Override
  public int streamId() {
    return stream.stream().id();
  }

  @Override
  public String describe() {
    return "HTTP/2 " + stream.parent().remoteAddress() + " stream " + streamId();
  }

  private static Http2Headers responseHeaders(HttpResponseStatus status, HttpHeaders headers) {
    Http2Headers h = new DefaultHttp2Headers().status(status.codeAsText());
    for (Map.Entry<String, String> e : headers) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals("connection") && !name.equals("keep-alive") && !name.equals("transfer-encoding")) {
        h.add(name, e.getValue());
      }
    }
    return h;
  }

  @Override
  public void respond(HttpResponseStatus status, HttpHeaders headers, ByteBuf content) {
    ByteBuf b = content == null ? Unpooled.EMPTY_BUFFER : content;
    if (!claim()) {
      b.release();
      return;
    }
    Http2Headers h = responseHeaders(status, headers);
    if (!h.contains("content-length")) {
      h.setInt("content-length", b.readableBytes());
    }
    ChannelFuture last;
    if (!b.isReadable()) {
      b.release();
      last = stream.writeAndFlush(new DefaultHttp2HeadersFrame(h, true));
    } else {
      stream.write(new DefaultHttp2HeadersFrame(h, false));
      last = stream.writeAndFlush(new DefaultHttp2DataFrame(b, true));
    }
    onResponseWritten(last);
  }

  @Override
  ChannelFuture writeHead(HttpResponseStatus status, HttpHeaders headers, boolean endOfResponse) {
    return stream.writeAndFlush(new DefaultHttp2HeadersFrame(responseHeaders(status, headers), endOfResponse));
  }

  @Override
  ChannelFuture writeChunk(ByteBuf chunk, boolean last) {
    return stream.writeAndFlush(new DefaultHttp2DataFrame(chunk, last));
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

  @Override
  public void closeConnection() {
    claim();
    finish();
    stream.parent().close();
  }

  @Override
  void finish() {
    super.finish();
    // Frames still queued in the stream channel are delivered (and released) instead of waiting there.
    stream.eventLoop().execute(() -> {
      if (stream.isActive()) {
        stream.config().setAutoRead(true);
      }
    });
  }

  void streamClosed(String why) {
    body.fail(new IOException(why));
    finish();
  }
}
