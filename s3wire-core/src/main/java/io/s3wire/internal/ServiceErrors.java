package io.s3wire.internal;

import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.xml.ErrorDocument;
import io.s3wire.xml.S3Xml;
import io.s3wire.xml.S3XmlException;
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
    ErrorDocument doc = errorDocument(body);
    if (doc != null) {
      return fill(b, doc).build();
    }
    if (body.length == 0) {
      b.errorCode(codeForEmptyBody(status, call)).resource(resource(call));
    } else {
      String text = new String(body, 0, Math.min(body.length, MAX_RAW_BODY), StandardCharsets.UTF_8);
      b.rawBody(text).resource(resource(call));
    }
    return b.build();
  }

  /** The exception for an {@code <Error>} document that came with status 200 (CompleteMultipartUpload, CopyObject). */
  static ServiceException fromDocument(int status, HttpHeaders headers, ErrorDocument doc) {
    ServiceException.Builder b = ServiceException.builder(status)
        .requestId(headers.first("x-amz-request-id").orElse(null))
        .hostId(headers.first("x-amz-id-2").orElse(null));
    return fill(b, doc).build();
  }

  private static ServiceException.Builder fill(ServiceException.Builder b, ErrorDocument doc) {
    b.errorCode(doc.code()).errorMessage(doc.message()).resource(doc.resource())
        .serverStringToSign(doc.stringToSign()).serverCanonicalRequest(doc.canonicalRequest());
    if (doc.requestId() != null) {
      b.requestId(doc.requestId());
    }
    if (doc.hostId() != null) {
      b.hostId(doc.hostId());
    }
    return b;
  }

  /** The error document in {@code body}, or {@code null} when the body is not one. */
  private static ErrorDocument errorDocument(byte[] body) {
    int i = 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t' || body[i] == (byte) 0xEF
        || body[i] == (byte) 0xBB || body[i] == (byte) 0xBF)) {
      i++;
    }
    if (i >= body.length || body[i] != '<') {
      return null;
    }
    try {
      return "Error".equals(S3Xml.rootElement(body)) ? S3Xml.readError(body) : null;
    } catch (S3XmlException e) {
      return null;
    }
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
