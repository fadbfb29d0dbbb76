package io.s3wire.internal;

import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.error.ServiceExceptions;

/**
 * Builds the {@link ServiceException} for an error status: {@link ServiceExceptions} reads a body
 * (S3 error XML, or anything else kept as the raw body with secrets masked); an answer without a body
 * (HEAD, 304) gets the S3 code its status stands for, so callers can match on codes alike.
 */
final class ServiceErrors {
  private ServiceErrors() {}

  static ServiceException from(int status, HttpHeaders headers, byte[] body, S3Call call, boolean skewed) {
    if (body.length > 0) {
      return ServiceExceptions.from(status, headers, body, resource(call));
    }
    return ServiceException.builder(status)
        .requestId(headers.first("x-amz-request-id").orElse(null))
        .hostId(headers.first("x-amz-id-2").orElse(null))
        .bucketRegion(headers.first("x-amz-bucket-region").orElse(null))
        .errorCode(skewed ? "RequestTimeTooSkewed" : codeForEmptyBody(status, call))
        .resource(resource(call))
        .build();
  }

  private static String codeForEmptyBody(int status, S3Call call) {
    return switch (status) {
      case 301 -> "PermanentRedirect";
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
