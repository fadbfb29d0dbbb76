package io.s3wire.server.internal.net;

import io.netty.handler.codec.Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9113 section 8.2 rules for an HTTP/2 request head, which RFC 9114 section 4.2 repeats for
 * HTTP/3: field names in lower case, no connection-specific fields, {@code te} only as
 * {@code trailers}, the required pseudo-headers. Applied in every profile; a violation makes the
 * request malformed (RST_STREAM PROTOCOL_ERROR on HTTP/2, H3_MESSAGE_ERROR on HTTP/3).
 */
final class StrictHeaders {
  private static final Set<String> CONNECTION_SPECIFIC =
      Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

  private StrictHeaders() {}

  /** What is wrong with {@code headers}, or {@code null} when the request head is well-formed. */
  static String violation(Http2Headers headers) {
    return violation(headers, headers.method(), headers.path(), headers.scheme());
  }

  /** {@link #violation(Http2Headers)} for any version's fields, given its pseudo-headers' values. */
  static String violation(Headers<CharSequence, CharSequence, ?> headers, CharSequence method, CharSequence path,
      CharSequence scheme) {
    for (Map.Entry<CharSequence, CharSequence> h : headers) {
      CharSequence name = h.getKey();
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          return "upper-case field name '" + name + "'";
        }
      }
      String n = name.toString();
      if (CONNECTION_SPECIFIC.contains(n)) {
        return "connection-specific field '" + n + "'";
      }
      if (n.equals("te") && !h.getValue().toString().equalsIgnoreCase("trailers")) {
        return "te other than trailers";
      }
    }
    if (method == null || path == null || scheme == null) {
      return "missing :method, :scheme or :path";
    }
    return null;
  }
}
