package io.s3wire.internal;

import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@link ServiceException} for an error status. An S3 error document fills the S3 fields;
 * a response without one (HEAD, a proxy's HTML page) keeps the status, the request id headers and the
 * body as received, and for the body-less statuses of HEAD and conditional GET names the S3 code the
 * status stands for.
 */
final class ServiceErrors {
  private static final int MAX_RAW_BODY = 2048;

  private ServiceErrors() {}

  static ServiceException from(int status, HttpHeaders headers, byte[] body, S3Call call) {
    ServiceException.Builder b = ServiceException.builder(status)
        .requestId(headers.first("x-amz-request-id").orElse(null))
        .hostId(headers.first("x-amz-id-2").orElse(null));
    if (body.length > 0 && ErrorDocuments.looksLikeXml(body) && ErrorDocuments.fill(body, b)) {
      return b.build();
    }
    if (body.length == 0) {
      b.errorCode(codeForEmptyBody(status, call)).resource(resource(call));
    } else {
      String text = new String(body, 0, Math.min(body.length, MAX_RAW_BODY), StandardCharsets.UTF_8);
      b.rawBody(text).resource(resource(call));
    }
    return b.build();
  }

  private static String codeForEmptyBody(int status, S3Call call) {
    return switch (status) {
      case 304 -> "NotModified";
      case 404 -> call.key() != null ? "NoSuchKey" : call.bucket() != null ? "NoSuchBucket" : "NotFound";
      case 412 -> "PreconditionFailed";
      case 403 -> "AccessDenied";
      default -> null;
    };
  }

  private static String resource(S3Call call) {
    if (call.bucket() == null) {
      return "/";
    }
    return call.key() == null ? "/" + call.bucket() : "/" + call.bucket() + "/" + call.key();
  }
}
