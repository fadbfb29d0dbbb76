package io.s3wire.http.internal;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a caller's {@link HttpRequest} into what one HTTP version may carry: the one place where
 * per-version rules live.
 *
 * <p>{@link #validate} refuses, before any byte is sent, what no version may carry (with a {@link
 * ClientException} naming the header and the rule). {@link #toHttp1} and {@link #toHttp2} then
 * shape the head: HTTP/1.1 gets {@code Host} and {@code content-length} or chunked framing;
 * HTTP/2 gets {@code :method}, {@code :scheme}, {@code :authority}, {@code :path}, lower-case
 * names, never a connection-specific field (RFC 9113 section 8.2.2) and {@code te} only as {@code
 * trailers}.
 */
public final class RequestNormalizer {
  /** Fields HTTP/2 forbids (RFC 9113 8.2.2) plus {@code host}, which travels as {@code :authority}. */
  static final Set<String> NOT_ON_HTTP2 =
      Set.of("host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

  private static final Set<String> METHODS_WITH_BODY = Set.of("PUT", "POST", "PATCH");

  private RequestNormalizer() {}

  /**
   * Checks what no HTTP version may carry.
   *
   * @throws ClientException naming the offending method, target or header and the rule it breaks
   */
  public static void validate(HttpRequest r) {
    String method = r.method();
    if (method.isEmpty()) {
      throw new ClientException("method", "the method is empty");
    }
    for (int i = 0; i < method.length(); i++) {
      char c = method.charAt(i);
      if (c == '\r' || c == '\n' || c == ' ') {
        throw new ClientException("method", "CR, LF or space in the method would split the request line (request splitting)");
      }
      if (!isTchar(c)) {
        throw new ClientException("method", "character " + hex(c) + " is not allowed in a method (RFC 9110 token)");
      }
    }
    String target = r.pathAndQuery();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '\r' || c == '\n' || c == ' ') {
        throw new ClientException("request target", "CR, LF or space in the path would split the request line (request splitting)");
      }
      if (c < 0x21 || c >= 0x7f) {
        throw new ClientException("request target", "character " + hex(c) + " must be percent-encoded in the path");
      }
    }
    long length = r.body().contentLength();
    for (HttpHeaders.Field f : r.headers().fields()) {
      String name = f.name();
      if (name.isEmpty()) {
        throw new ClientException("header ''", "a header name must not be empty");
      }
      if (name.charAt(0) == ':') {
        throw new ClientException("header '" + name + "'",
            "pseudo-header fields are set by the transport from the method and URI; a caller may not supply them");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (!isTchar(c)) {
          throw new ClientException("header '" + printable(name) + "'",
              "character " + hex(c) + " is not allowed in a header name (RFC 9110 token)");
        }
      }
      String value = f.value();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n') {
          throw new ClientException("header '" + name + "'",
              "CR or LF in a header value would split the request (request splitting)");
        }
        if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
          throw new ClientException("header '" + name + "'",
              "character " + hex(c) + " is not allowed in a header value (RFC 9110 field-value)");
        }
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("transfer-encoding")) {
        throw new ClientException("header '" + name + "'",
            "message framing is chosen by the transport from the body's length; do not set transfer-encoding");
      }
      if (lower.equals("content-length")) {
        if (length < 0) {
          throw new ClientException("header '" + name + "'", "the body's length is unknown, so content-length cannot be promised");
        }
        if (!value.trim().equals(Long.toString(length))) {
          throw new ClientException("header '" + name + "'",
              "content-length " + value.trim() + " differs from the body's length " + length);
        }
      }
    }
  }

  /** The HTTP/1.1 request head: {@code Host} first, then the caller's fields, then framing. */
  public static io.netty.handler.codec.http.HttpRequest toHttp1(HttpRequest r) {
    DefaultHttpRequest head =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(r.method()), r.pathAndQuery());
    io.netty.handler.codec.http.HttpHeaders h = head.headers();
    h.add(HttpHeaderNames.HOST, r.headers().first("host").orElse(r.authority()));
    for (HttpHeaders.Field f : r.headers().fields()) {
      String lower = f.name().toLowerCase(Locale.ROOT);
      if (!lower.equals("host") && !lower.equals("content-length")) {
        h.add(f.name(), f.value());
      }
    }
    long length = r.body().contentLength();
    if (length < 0) {
      h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else if (length > 0 || METHODS_WITH_BODY.contains(r.method())) {
      h.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
    }
    return head;
  }

  /**
   * The HTTP/2 header block: pseudo-headers first, lower-case names, no connection-specific fields,
   * {@code te} only as {@code trailers}; the authority comes from a caller's {@code host} when
   * given (SigV4 signed it), else from the URI.
   */
  public static Http2Headers toHttp2(HttpRequest r) {
    Http2Headers h = new DefaultHttp2Headers(false);
    h.method(r.method());
    h.scheme(r.isTls() ? "https" : "http");
    h.authority(r.headers().first("host").orElse(r.authority()));
    h.path(r.pathAndQuery());
    for (HttpHeaders.Field f : r.headers().fields()) {
      String lower = f.name().toLowerCase(Locale.ROOT);
      if (NOT_ON_HTTP2.contains(lower) || lower.equals("content-length")) {
        continue;
      }
      if (lower.equals("te") && !f.value().trim().equalsIgnoreCase("trailers")) {
        continue;
      }
      h.add(lower, lower.equals("te") ? "trailers" : f.value());
    }
    long length = r.body().contentLength();
    if (length > 0 || (length == 0 && METHODS_WITH_BODY.contains(r.method()))) {
      h.set("content-length", Long.toString(length));
    }
    return h;
  }

  /** Whether the request has no body, so HTTP/2 sends one HEADERS frame with END_STREAM. */
  static boolean isBodiless(HttpRequest r) {
    return r.body().contentLength() == 0;
  }

  private static boolean isTchar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String hex(char c) {
    return String.format(Locale.ROOT, "0x%02X", (int) c);
  }

  private static String printable(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }
}
