package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.ObjectContent;
import java.io.IOException;

/**
 * One request and its response, the same on HTTP/1.1 and HTTP/2, so one router serves both.
 *
 * <p>Created on the event loop when the request head is complete; the router then works on a
 * worker thread. {@link #respond} may be called from any thread; {@link #stream} blocks and must be
 * called from a worker, except for a body the store holds in memory, small enough to hand over at
 * once, which the event loop may send. Exactly one of respond, stream, reset or a connection action ends it.
 */
public interface Exchange {
  HttpProtocol protocol();

  boolean secure();

  String method();

  /** The request target as sent: path and optional query, still percent-encoded. */
  String uri();

  /**
   * Request headers with lower-case names. On HTTP/2 {@code :authority} appears as {@code host}
   * only when the client sent no {@code host} header; {@link #sentHostHeader()} tells which.
   */
  HttpHeaders headers();

  /** Whether an HTTP/2 request carried a regular {@code host} header (always true on HTTP/1.1). */
  boolean sentHostHeader();

  RequestBodyStream body();

  /** The connection's channel (the parent of an HTTP/2 stream channel). */
  Channel connection();

  /** The HTTP/2 stream id, 0 on HTTP/1.1. */
  int streamId();

  /** A short text naming the connection and stream for log lines. */
  String describe();

  /** Sends a whole response; takes ownership of {@code body} (may be {@code null} for none). */
  void respond(HttpResponseStatus status, HttpHeaders headers, ByteBuf body);

  /**
   * Sends a response whose body is {@code content}, blocking until the last byte is handed to the
   * connection. Closes {@code content}. Throws when the client goes away or stops reading.
   */
  void stream(HttpResponseStatus status, HttpHeaders headers, ObjectContent content, ResponseShaping shaping)
      throws IOException;

  /** Resets the stream with {@code code} (HTTP/2); closes the connection on HTTP/1.1. */
  void reset(Http2ErrorCode code);

  /** Sends GOAWAY with {@code code} and {@code lastStreamId} and closes (HTTP/2); closes on HTTP/1.1. */
  void goAway(Http2ErrorCode code, int lastStreamId);

  /** Answers HTTP_1_1_REQUIRED on HTTP/2; on HTTP/1.1 there is nothing to downgrade, it answers 505. */
  default void requireHttp11() {
    reset(Http2ErrorCode.HTTP_1_1_REQUIRED);
  }

  /**
   * Whether the client sent {@code Expect: 100-continue} and still waits for it: its body has not
   * been asked for, so an error can be answered without reading it.
   */
  boolean awaitingContinue();

  /**
   * Whether the client {@link #awaitingContinue() waits for 100 Continue} before a body small
   * enough, by its declared length, to be read as it arrives ({@link #continueAndReadAhead}).
   */
  boolean smallBodyAfterContinue();

  /**
   * Answers {@code 100 Continue} and reads the body as it arrives rather than when a worker asks;
   * runs {@code then} once, on the event loop: when the body has ended or failed, or when a read
   * ended with part of the body in. Called on the event loop, once the request's head is accepted.
   */
  void continueAndReadAhead(Runnable then);

  /** Closes the connection at once, with no response. */
  void closeConnection();

  /** Whether the exchange is over (answered, reset or its connection closed). */
  boolean isDone();
}
