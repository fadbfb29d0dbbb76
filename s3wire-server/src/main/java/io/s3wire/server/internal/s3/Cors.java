package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.bucketconfig.CorsRules;
import io.s3wire.server.internal.net.ServerLog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CORS as S3 applies a bucket's rules: the OPTIONS preflight, answered without a signature, and
 * the {@code Access-Control-*} headers on actual requests that carry {@code Origin}.
 */
final class Cors {
  static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually because the"
      + " evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are"
      + " not whitelisted by the resource's CORS spec.";
  private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

  private Cors() {}

  /** OPTIONS: 200 with the matching rule's headers, or 403 AccessForbidden as S3 answers. */
  static void preflight(S3Call call) throws IOException {
    String origin = call.header("origin");
    if (origin == null) {
      throw new S3ErrorException(S3ErrorCode.BAD_REQUEST, "Insufficient information. Origin request header needed.");
    }
    String method = call.header("access-control-request-method");
    if (method == null) {
      throw new S3ErrorException(S3ErrorCode.BAD_REQUEST, "Invalid Access-Control-Request-Method: null");
    }
    Map<String, String> where = Map.of("Method", method, "ResourceType", call.key == null ? "BUCKET" : "OBJECT");
    Optional<byte[]> stored = call.store().bucketConfig(call.bucket, BucketConfigOps.Document.CORS.name);
    if (stored.isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_FORBIDDEN, S3ErrorCode.ACCESS_FORBIDDEN.message(), where);
    }
    String requested = call.header("access-control-request-headers");
    CorsRules.Rule rule = CorsRules.read(stored.get()).match(origin, method, CorsRules.headerList(requested));
    if (rule == null) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_FORBIDDEN, NOT_ALLOWED, where);
    }
    HttpHeaders h = call.responseHeaders();
    allow(h, rule, origin);
    if (requested != null && !CorsRules.headerList(requested).isEmpty()) {
      h.set("access-control-allow-headers", String.join(", ", CorsRules.headerList(requested)));
    }
    h.set("content-length", "0");
    call.respond(200, h);
  }

  /**
   * The headers an actual request with {@code Origin} gets from the bucket's rules (the first rule
   * allowing its origin and method; request headers are not checked, as on S3), or {@code null}
   * when the request has no origin, no bucket or the bucket no CORS configuration.
   */
  static HttpHeaders forActualRequest(S3Call call) {
    String origin = call.header("origin");
    if (origin == null || call.bucket == null) {
      return null;
    }
    try {
      Optional<byte[]> stored = call.store().bucketConfig(call.bucket, BucketConfigOps.Document.CORS.name);
      if (stored.isEmpty()) {
        return null;
      }
      HttpHeaders h = new DefaultHttpHeaders();
      CorsRules.Rule rule = CorsRules.read(stored.get()).match(origin, call.exchange.method(), List.of());
      if (rule != null) {
        allow(h, rule, origin);
      } else {
        h.set("vary", VARY);
      }
      return h;
    } catch (S3ErrorException e) {
      return null; // No such bucket: the operation answers that itself.
    } catch (IOException | RuntimeException e) {
      ServerLog.debug(call.exchange.describe() + ": CORS rules of " + call.bucket + " unreadable: " + e);
      return null;
    }
  }

  private static void allow(HttpHeaders h, CorsRules.Rule rule, String origin) {
    boolean exact = rule.allowedOrigins().stream().anyMatch(o -> !o.equals("*") && CorsRules.wildcardMatch(o, origin, false));
    h.set("access-control-allow-origin", exact ? origin : "*");
    h.set("access-control-allow-methods", String.join(", ", rule.allowedMethods()));
    if (exact) {
      h.set("access-control-allow-credentials", "true");
    }
    if (!rule.exposeHeaders().isEmpty()) {
      h.set("access-control-expose-headers", String.join(", ", rule.exposeHeaders()));
    }
    if (rule.maxAgeSeconds() != null) {
      h.set("access-control-max-age", Integer.toString(rule.maxAgeSeconds()));
    }
    h.set("vary", VARY);
  }
}
