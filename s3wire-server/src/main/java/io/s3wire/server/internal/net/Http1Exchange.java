package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.ServerLimits;
import java.io.IOException;

/** An HTTP/1.1 request and response on a connection; the connection reads again once it is over. */
final class Http1Exchange extends AbstractExchange {
  private final HttpRequest request;
  private final Http1Handler handler;
  private final boolean secure;
  private final boolean keepAlive;
  /** The request's framing says it has no body (no chunked coding, no or a zero Content-Length). */
  private final boolean bodyless;

  Http1Exchange(Channel channel, WritabilityGate gate, ServerLimits limits, HttpRequest request, Http1Handler handler) {
    super(channel, gate, limits);
    this.request = request;
    this.handler = handler;
    this.secure = channel.pipeline().get(SslHandler.class) != null;
    this.keepAlive = HttpUtil.isKeepAlive(request);
    this.bodyless = !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
  }

  /**
   * Whether the body is small enough, by its Content-Length, to read as it arrives rather than
   * when the worker asks; never for a client that waits for {@code 100 Continue}.
   */
  boolean readsAhead() {
    return !expectsContinue() && smallBody();
  }

  @Override
  boolean smallBody() {
    return !bodyless && !HttpUtil.isTransferEncodingChunked(request)
        && HttpUtil.getContentLength(request, Long.MAX_VALUE) <= READ_AHEAD_BYTES;
  }

  @Override
  void readAheadThen(Runnable then) {
    handler.readAheadThen(this, then);
  }

  /** Whether the body arrives without being asked for: there is none, or it {@link #readsAhead() reads ahead}. */
  boolean arrivesWhole() {
    return bodyless || readsAhead();
  }

  @Override
  boolean expectsContinue() {
    return HttpUtil.is100ContinueExpected(request);
  }

  @Override
  void sendContinue() {
    channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
        Unpooled.EMPTY_BUFFER));
  }

  @Override
  public HttpProtocol protocol() {
    return HttpProtocol.HTTP_1_1;
  }

  @Override
  public boolean secure() {
    return secure;
  }

  @Override
  public String method() {
    return request.method().name();
  }

  @Override
  public String uri() {
    return request.uri();
  }

  @Override
  public HttpHeaders headers() {
    return request.headers();
  }

  @Override
  public boolean sentHostHeader() {
    return request.headers().contains(HttpHeaderNames.HOST);
  }

  @Override
  public Channel connection() {
    return channel;
  }

  @Override
  public int streamId() {
    return 0;
  }

  @Override
  public String describe() {
    return "HTTP/1.1 " + channel.remoteAddress();
  }

  /**
   * Whether the connection can carry another request after this response: not while an unread
   * body is still on the wire. A bodiless request counts as read from its head on; its empty end
   * reaches the body stream on the event loop only after the head went to a worker, which may
   * already be answering (a GET that closed its keep-alive connection now and then).
   */
  private boolean reusable() {
    return keepAlive && (bodyless || body.isComplete());
  }

  private void connectionHeader(HttpHeaders headers) {
    if (!reusable()) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
  }

  @Override
  public void respond(HttpResponseStatus status, HttpHeaders headers, ByteBuf content) {
    ByteBuf b = content == null ? Unpooled.EMPTY_BUFFER : content;
    if (!claim()) {
      b.release();
      return;
    }
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, b);
    response.headers().set(headers);
    if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, b.readableBytes());
    }
    connectionHeader(response.headers());
    onResponseWritten(channel.writeAndFlush(response));
  }

  @Override
  ChannelFuture writeHead(HttpResponseStatus status, HttpHeaders headers, boolean endOfResponse) {
    DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
    response.headers().set(headers);
    connectionHeader(response.headers());
    channel.write(response);
    return endOfResponse ? channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT) : channel.newSucceededFuture();
  }

  @Override
  ChannelFuture writeChunk(ByteBuf chunk, boolean last) {
    return channel.writeAndFlush(last ? new DefaultLastHttpContent(chunk) : new DefaultHttpContent(chunk));
  }

  @Override
  boolean tryZeroCopy(HttpResponseStatus status, HttpHeaders headers, ObjectContent content) {
    if (secure || content.length() == 0) {
      return false;
    }
    // A file region goes from the page cache to the socket without passing through user space.
    writeHead(status, headers, false);
    channel.write(new DefaultFileRegion(content.file(), content.fileOffset(), content.length()));
    onResponseWritten(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    return true;
  }

  @Override
  void onResponseWritten(ChannelFuture last) {
    boolean reuse = reusable();
    last.addListener((ChannelFutureListener) f -> {
      finish();
      if (!f.isSuccess()) {
        f.channel().close();
      } else if (reuse) {
        handler.exchangeDone(this);
      } else if (!bodyless && !body.isComplete()) {
        // Answered before the body was read: closing now, with its bytes unread, would send RST.
        long declared = HttpUtil.getContentLength(request, -1L);
        handler.closeLingering(declared < 0 ? -1 : Math.max(0, declared - body.received()));
      } else {
        f.channel().close();
      }
    });
  }

  @Override
  void abortResponse() {
    channel.close();
  }

  @Override
  void onDeadline() {
    closeConnection();
  }

  @Override
  public void reset(Http2ErrorCode code) {
    closeConnection();
  }

  @Override
  public void requireHttp11() {
    respond(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, new io.netty.handler.codec.http.DefaultHttpHeaders(), null);
  }

  @Override
  public void goAway(Http2ErrorCode code, int lastStreamId) {
    closeConnection();
  }

  @Override
  public void closeConnection() {
    claim();
    finish();
    channel.close();
  }

  void connectionClosed() {
    body.fail(new IOException("connection closed by the client"));
    finish();
  }

  @Override
  public void stream(HttpResponseStatus status, HttpHeaders headers, ObjectContent content, ResponseShaping shaping)
      throws IOException {
    super.stream(status, headers, content, shaping);
  }
}
