package io.s3wire.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request as the caller means it, before per-version normalisation.
 *
 * <p>The URI must be absolute ({@code http} or {@code https}) with its path and query already
 * encoded as they go on the wire ({@link URI#getRawPath()}, {@link URI#getRawQuery()}): the
 * transport never re-encodes or normalises them (S3 keys may hold {@code //}, {@code .} and
 * {@code ..} as data). {@code sensitiveHeaders} names extra headers whose values are redacted in
 * every trace, log and exception, on top of the defaults.
 */
public record HttpRequest(
    String method, URI uri, HttpHeaders headers, RequestBody body, Set<String> sensitiveHeaders) {

  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? HttpHeaders.empty() : headers;
    body = body == null ? RequestBody.empty() : body;
    sensitiveHeaders = sensitiveHeaders == null ? Set.of() : Set.copyOf(sensitiveHeaders);
    // One set of marks: names marked on the request or on its headers are redacted by both.
    headers = headers.markSensitive(sensitiveHeaders);
    if (!headers.sensitiveNames().isEmpty()) {
      java.util.Set<String> all = new java.util.HashSet<>(sensitiveHeaders);
      all.addAll(headers.sensitiveNames());
      sensitiveHeaders = Set.copyOf(all);
    }
    if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
      throw new IllegalArgumentException("request URI must be absolute: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("request URI scheme must be http or https: " + uri.getScheme());
    }
  }

  public HttpRequest(String method, URI uri, HttpHeaders headers, RequestBody body) {
    this(method, uri, headers, body, Set.of());
  }

  public static HttpRequest get(URI uri) {
    return new HttpRequest("GET", uri, HttpHeaders.empty(), RequestBody.empty());
  }

  public boolean isTls() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /** The port, with the scheme's default filled in. */
  public int port() {
    int p = uri.getPort();
    return p != -1 ? p : (isTls() ? 443 : 80);
  }

  /** The path and query as sent on the request line or in {@code :path}. */
  public String pathAndQuery() {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String q = uri.getRawQuery();
    return q == null ? path : path + "?" + q;
  }

  /** The authority as HTTP/2 sends it in {@code :authority} and SigV4 signs it as {@code host}. */
  public String authority() {
    int p = uri.getPort();
    String host = uri.getHost();
    if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    boolean defaultPort = p == -1 || (isTls() ? p == 443 : p == 80);
    return defaultPort ? host : host + ":" + p;
  }

  public HttpRequest withHeaders(HttpHeaders newHeaders) {
    return new HttpRequest(method, uri, newHeaders, body, sensitiveHeaders);
  }

  @Override
  public String toString() {
    io.s3wire.wire.Redaction redaction = io.s3wire.wire.Redaction.DEFAULT.withSensitiveHeaders(sensitiveHeaders);
    return method + " " + redaction.url(uri.toString()) + " " + headers.toString(redaction);
  }
}
