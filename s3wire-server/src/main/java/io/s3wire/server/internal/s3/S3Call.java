package io.s3wire.server.internal.s3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.net.Exchange;
import io.s3wire.server.internal.net.ResponseShaping;
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
