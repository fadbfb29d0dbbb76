package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.ErrorDocument;
import io.s3wire.xml.S3Xml;
import java.util.Map;

/** The one renderer of S3 error responses: the XML document S3 writes, with the request id. */
final class ErrorResponses {
  private ErrorResponses() {}

  static byte[] document(S3ErrorException e, String resource, String requestId) {
    Map<String, String> extra = new java.util.LinkedHashMap<>(e.extra());
    String stringToSign = extra.remove("StringToSign");
    String canonicalRequest = Encryption.redact(extra.remove("CanonicalRequest"));
    return S3Xml.write(new ErrorDocument(e.code().code(), e.getMessage(), resource, requestId, requestId, stringToSign,
        canonicalRequest, extra));
  }

  /**
   * Answers {@code call} with the error. Extra entries named {@code header:NAME} become response
   * headers, the others XML elements. HEAD and 304 get the status and headers alone.
   */
  static void send(S3Call call, S3ErrorException e, int statusOverride) {
    int status = statusOverride > 0 ? statusOverride : e.code().status();
    HttpHeaders h = call.responseHeaders();
    Map<String, String> visible = new java.util.LinkedHashMap<>();
    e.extra().forEach((k, v) -> {
      if (k.startsWith("header:")) {
        h.set(k.substring(7), v);
      } else {
        visible.put(k, v);
      }
    });
    if (e.code() == S3ErrorCode.NOT_MODIFIED || call.exchange.method().equals("HEAD")) {
      call.respond(status, h);
      return;
    }
    S3ErrorException shown = new S3ErrorException(e.code(), e.getMessage(), visible);
    call.xml(status, h, document(shown, call.resource(), call.requestId));
  }
}
