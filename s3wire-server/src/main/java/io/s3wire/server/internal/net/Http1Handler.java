package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.s3wire.server.ServerLimits;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns the HTTP/1.1 codec's messages into exchanges, one at a time per connection.
 *
 * <p>While a request is in flight the channel reads only when its body stream asks (auto-read
 * off), except that a body of at most {@link AbstractExchange#READ_AHEAD_BYTES} (by its
 * Content-Length, no {@code Expect: 100-continue}) is read as it arrives, up to its end, and so is
 * such a body once the router has answered its client's {@code Expect: 100-continue}; once the
 * response is written and the body read, reading resumes for the next request.
 *
 * <p>A connection waiting for its next request is idle, not abusive: it stays until the idle
 * timeout closes it quietly, as nginx closes a keep-alive connection. Once the first byte of a
 * request head arrives, the whole head must follow within the request-head timeout, or the
 * connection is closed as slowloris with a warning. {@link #headStart()} sees those first bytes,
 * ahead of the codec that buffers a partial head.
 *
 * <p>A connection that closes after an answer given before its request was read to the end closes
 * lingering ({@link LingeringClose}): the bytes still coming are discarded ahead of the codec.
 */
final class Http1Handler extends ChannelInboundHandlerAdapter {
  private final RequestHandler requests;
  private final ServerLimits limits;
  private final WritabilityGate gate;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private Http1Exchange current;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> headTimer;
  /** No exchange is in flight and no byte of the next request head has arrived yet. */
  private boolean waitingForRequest = true;
  /** Closed for a stalled head: the codec's complaint about the cut-off head says nothing new. */
  private boolean closedAsSlowloris;
  /** Set once the connection closes after an answer that left request bytes unread; they are discarded. */
  private LingeringClose lingering;
  /**
   * Runs once the current exchange's body has ended or failed, or at the end of a read: routes an
   * exchange that waits for its body, or carries on a routed one that asked for its body.
   */
  private Runnable atBodyEnd;
  /** {@link #atBodyEnd} waits past the end of reads that brought none of the body (it follows a 100 Continue). */
  private boolean untilBodyStarts;
  /** The router is running on this loop: an exchange it ends must not start the next one inside it. */
  private boolean routing;

  Http1Handler(RequestHandler requests, ServerLimits limits, WritabilityGate gate) {
    this.requests = requests;
    this.limits = limits;
    this.gate = gate;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A handler to place before the HTTP/1.1 codec: it tells this one when bytes arrive while the
   * connection waits for a request, which starts the request-head timeout, and discards the bytes
   * of a lingering close.
   */
  ChannelInboundHandlerAdapter headStart() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext c, Object msg) {
        if (lingering != null) {
          if (msg instanceof ByteBuf b) {
            lingering.discard(b.readableBytes());
          }
          ReferenceCountUtil.release(msg);
          return;
        }
        if (waitingForRequest && msg instanceof ByteBuf b && b.isReadable()) {
          waitingForRequest = false;
          armHeadTimer();
        }
        c.fireChannelRead(msg);
      }
    };
  }

  private void armHeadTimer() {
    cancelHeadTimer();
    headTimer = ctx.executor().schedule(() -> {
      ServerLog.abuse("HTTP/1.1 " + ctx.channel().remoteAddress(), "no complete request head within "
          + limits.requestHeadTimeout() + " of its first byte; closing");
      closedAsSlowloris = true;
      ctx.close();
    }, limits.requestHeadTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cancelHeadTimer() {
    if (headTimer != null) {
      headTimer.cancel(false);
      headTimer = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (current != null && msg instanceof HttpRequest || !pending.isEmpty()) {
      pending.add(msg);
      return;
    }
    handle(msg);
  }

  private void handle(Object msg) {
    if (msg instanceof HttpRequest request) {
      cancelHeadTimer();
      waitingForRequest = false;
      if (request.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        if (!closedAsSlowloris) {
          rejectMalformed(request.decoderResult().cause());
        }
        return;
      }
      current = new Http1Exchange(ctx.channel(), gate, limits, request, this);
      current.startDeadline();
      if (msg instanceof LastHttpContent last) {
        current.body().offer(last.content().retain());
        current.body().end();
      }
      // A small body is read as it arrives, without waiting for the worker to ask for it: the
      // ask is a hand-off to this loop and back per request. Reading stops at the body's end.
      if (current.body().isComplete() || !current.readsAhead()) {
        ctx.channel().config().setAutoRead(false);
      }
      ReferenceCountUtil.release(msg);
      // A body that arrives on its own is usually in this same read: routed with it in hand, the
      // request can be served on this loop (see Router). The end of the read routes it regardless.
      if (current.body().isComplete() || !current.arrivesWhole()) {
        route();
      } else {
        atBodyEnd = this::route;
      }
      return;
    }
    if (msg instanceof HttpContent content) {
      if (current == null || content.decoderResult().isFailure()) {
        content.release();
        if (current != null) {
          current.body().fail(new IOException("malformed request body: " + content.decoderResult().cause()));
          bodyEnded();
        }
        return;
      }
      current.body().offer(content.content().retain());
      if (content instanceof LastHttpContent) {
        current.body().end();
        // The next request head waits until this exchange is over.
        ctx.channel().config().setAutoRead(false);
        content.release();
        bodyEnded();
        return;
      }
      content.release();
      return;
    }
    ReferenceCountUtil.release(msg);
  }

  /** The body ended or failed: what waits for it runs now. */
  private void bodyEnded() {
    Runnable r = atBodyEnd;
    if (r != null) {
      atBodyEnd = null;
      untilBodyStarts = false;
      routing(r);
    }
  }

  /** A read ended: what waits for the body runs now, unless none of a body that follows a 100 Continue is in yet. */
  private void readEnded() {
    if (atBodyEnd != null && (!untilBodyStarts || current.body().received() > 0)) {
      bodyEnded();
    }
  }

  private void route() {
    atBodyEnd = null;
    routing(() -> requests.onRequest(current));
  }

  private void routing(Runnable r) {
    boolean outer = routing;
    routing = true;
    try {
      r.run();
    } finally {
      routing = outer;
    }
  }

  /**
   * Reads the body of {@code exchange}, a routed request whose client was just sent 100 Continue,
   * as it arrives; runs {@code then} as {@link Exchange#continueAndReadAhead} says.
   */
  void readAheadThen(Http1Exchange exchange, Runnable then) {
    if (exchange != current) {
      return;
    }
    atBodyEnd = then;
    untilBodyStarts = true;
    ctx.channel().config().setAutoRead(true);
  }

  private void rejectMalformed(Throwable cause) {
    HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
    if (cause instanceof TooLongFrameException) {
      status = cause.getMessage() != null && cause.getMessage().contains("header")
          ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.REQUEST_URI_TOO_LONG;
    }
    ServerLog.abuse("HTTP/1.1 " + ctx.channel().remoteAddress(), "malformed request: " + cause.getMessage());
    ByteBuf body = ByteBufUtil.writeUtf8(ctx.alloc(), status.reasonPhrase() + "\n");
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.channel().config().setAutoRead(false);
    // What follows a malformed head is unknown: a body, more requests; it is read and discarded.
    ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
      if (f.isSuccess()) {
        closeLingering(-1);
      } else {
        f.channel().close();
      }
    });
  }

  /**
   * Closes the connection once the client stopped sending, after a response that left request bytes
   * unread: {@code unread} more may come (-1: unknown). Called on the event loop, the response written.
   */
  void closeLingering(long unread) {
    if (lingering == null && ctx.channel().isOpen()) {
      lingering = LingeringClose.start(ctx.channel(), unread);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    readEnded();
    if (current != null) {
      current.body().readComplete();
    }
    ctx.fireChannelReadComplete();
  }

  /** Called on the event loop when an exchange's response is written and its body was read. */
  void exchangeDone(Http1Exchange exchange) {
    if (!ctx.executor().inEventLoop() || routing) {
      // From the router on this loop: the next pipelined request starts after it returns, not
      // nested in it (a batch of pipelined requests would otherwise nest one frame per request).
      ctx.executor().execute(() -> exchangeDone(exchange));
      return;
    }
    if (current != exchange) {
      return;
    }
    current = null;
    atBodyEnd = null;
    untilBodyStarts = false;
    waitingForRequest = true;
    // Pipelined messages: the next request head, then its body, up to the head after it.
    while (!pending.isEmpty() && (current == null || !(pending.peek() instanceof HttpRequest))) {
      handle(pending.poll());
    }
    // The rest of a waiting body is not read yet: no read ends here to route it, so route it now.
    readEnded();
    if (current == null) {
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelHeadTimer();
    if (current != null) {
      bodyEnded();
      current.connectionClosed();
    }
    Object m;
    while ((m = pending.poll()) != null) {
      ReferenceCountUtil.release(m);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      ServerLog.debug("HTTP/1.1 " + ctx.channel().remoteAddress() + ": " + cause.getMessage());
    } else {
      ServerLog.error("HTTP/1.1 " + ctx.channel().remoteAddress() + ": unexpected failure", cause);
    }
    ctx.close();
  }

}
