package io.s3wire.server.internal.s3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.net.Exchange;
import io.s3wire.server.internal.net.ResponseShaping;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * One S3 request being handled on a worker thread: the exchange, the resolved operation and
 * resource, the decoded query, and the helpers every operation uses to answer.
 */
final class S3Call {
  final Exchange exchange;
  final ServerContext ctx;
  final String requestId;
  final Operation operation;
  final String bucket;
  final String key;
  final String path;
  final Map<String, String> query;
  ResponseShaping shaping = ResponseShaping.NONE;
  /** The request body as the operation must read it (decoded from aws-chunked, verified). */
  InputStream body;
  /** An aws-chunked body's trailers by lower-case name, filled when its end is read. */
  final Map<String, String> trailers = new java.util.HashMap<>();
  /** The bucket's CORS answer to this request's {@code Origin}, added to every response; {@code null} for none. */
  HttpHeaders corsHeaders;
  /** The user the request acts as, once verified; {@code null} for an unsigned request (a public read). */
  io.s3wire.xml.Owner caller;
  /**
   * For a call running on the event loop: hands a step that may wait (sending a large body) to a
   * worker; {@code null} for a call already on a worker.
   */
  java.util.function.Consumer<Step> offload;

  /** A GET's body up to this size is sent from the event loop when the call runs there. */
  static final long INLINE_RESPONSE_BYTES = 64 * 1024;

  /** A part of handling a call, run where the router decides, with its error handling. */
  @FunctionalInterface
  interface Step {
    void run() throws IOException;
  }

  S3Call(Exchange exchange, ServerContext ctx, String requestId, Operation operation, String bucket, String key,
      String path, Map<String, String> query) {
    this.exchange = exchange;
    this.ctx = ctx;
    this.requestId = requestId;
    this.operation = operation;
    this.bucket = bucket;
    this.key = key;
    this.path = path;
    this.query = query;
    this.body = exchange.body();
  }

  ObjectStore store() {
    return ctx.store();
  }

  String header(String name) {
    return exchange.headers().get(name);
  }

  HttpHeaders requestHeaders() {
    return exchange.headers();
  }

  String query(String name) {
    return query.get(name);
  }

  /** Response headers every S3 answer carries. */
  HttpHeaders responseHeaders() {
    HttpHeaders h = new DefaultHttpHeaders();
    h.set("x-amz-request-id", requestId);
    h.set("x-amz-id-2", requestId);
    h.set("date", DateHeader.now(ctx.clock()));
    h.set("server", "s3wire");
    if (corsHeaders != null) {
      h.add(corsHeaders);
    }
    return h;
  }

  void respond(int status, HttpHeaders headers) {
    ProfileChecks.answer(headers, ctx.profile());
    exchange.respond(HttpResponseStatus.valueOf(status), headers, null);
  }

  void xml(int status, HttpHeaders headers, byte[] document) {
    if (exchange.method().equals("HEAD")) {
      respond(status, headers);
      return;
    }
    ByteBuf body = Unpooled.wrappedBuffer(document);
    headers.set("content-type", "application/xml");
    ProfileChecks.answer(headers, ctx.profile());
    exchange.respond(HttpResponseStatus.valueOf(status), headers, body);
  }

  /**
   * Sends {@code content} as the response body; from an inline call, a body larger than
   * {@link #INLINE_RESPONSE_BYTES} goes to a worker, which waits for the connection to take it.
   */
  void stream(int status, HttpHeaders headers, ObjectContent content) throws IOException {
    if (offload != null && content.length() > INLINE_RESPONSE_BYTES) {
      offload.accept(() -> exchange.stream(HttpResponseStatus.valueOf(status), headers, content, shaping));
      return;
    }
    exchange.stream(HttpResponseStatus.valueOf(status), headers, content, shaping);
  }

  void xml(byte[] document) {
    xml(200, responseHeaders(), document);
  }

  /**
   * Refuses an HTTP/1.1 request that carries object data without saying how long it is (no
   * Content-Length, not chunked) with 411 MissingContentLength, as S3 does; such a body is empty by
   * HTTP's rules, so storing it would store nothing the client meant. An aws-chunked body is framed
   * by Content-Length or chunked transfer coding like any other. HTTP/2 frames every body with
   * END_STREAM, so a missing content-length there is no ambiguity (S3 itself speaks no HTTP/2).
   */
  void requireContentLength() {
    if (exchange.protocol() == io.s3wire.http.HttpProtocol.HTTP_1_1 && header("content-length") == null
        && header("transfer-encoding") == null) {
      throw new S3ErrorException(S3ErrorCode.MISSING_CONTENT_LENGTH);
    }
  }

  void requireBucket() throws java.io.IOException {
    if (!store().bucketExists(bucket)) {
      throw new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET);
    }
  }

  String resource() {
    return path;
  }
}
