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
 * every trace, log and exception, on top of the defaults. {@code options} carries per-request
 * choices that are not part of the message (fallback safety; see {@link RequestOptions}).
 *
 * @param method the request method as sent, e.g. {@code GET}; not {@code null}
 * @param uri the absolute {@code http} or {@code https} URI, already encoded; not {@code null}
 * @param headers the header fields; {@code null} means none
 * @param body the body; {@code null} means an empty one
 * @param sensitiveHeaders names (any case) of extra headers to redact; {@code null} means none
 * @param options per-request choices; {@code null} means {@link RequestOptions#DEFAULT}
 */
public record HttpRequest(
    String method, URI uri, HttpHeaders headers, RequestBody body, Set<String> sensitiveHeaders,
    RequestOptions options) {

  /**
   * Fills in the defaults for {@code null} components, copies the sets, and merges the sensitive marks
   * of the request and its headers so both redact the same names.
   *
   * @param method the request method, not {@code null}
   * @param uri the absolute {@code http} or {@code https} URI, already encoded
   * @param headers the header fields, or {@code null} for none
   * @param body the body, or {@code null} for an empty one
   * @param sensitiveHeaders extra header names to redact, or {@code null} for none
   * @param options per-request choices, or {@code null} for the defaults
   * @throws NullPointerException when {@code method} or {@code uri} is {@code null}
   * @throws IllegalArgumentException when the URI is not absolute or its scheme is not http or https
   */
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? HttpHeaders.empty() : headers;
    body = body == null ? RequestBody.empty() : body;
    sensitiveHeaders = sensitiveHeaders == null ? Set.of() : Set.copyOf(sensitiveHeaders);
    options = options == null ? RequestOptions.DEFAULT : options;
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

  /**
   * A request with the default {@link RequestOptions}.
   *
   * @param method the request method, not {@code null}
   * @param uri the absolute {@code http} or {@code https} URI, already encoded
   * @param headers the header fields, or {@code null} for none
   * @param body the body, or {@code null} for an empty one
   * @param sensitiveHeaders extra header names to redact, or {@code null} for none
   * @throws IllegalArgumentException when the URI is not absolute or its scheme is not http or https
   */
  public HttpRequest(String method, URI uri, HttpHeaders headers, RequestBody body, Set<String> sensitiveHeaders) {
    this(method, uri, headers, body, sensitiveHeaders, RequestOptions.DEFAULT);
  }

  /**
   * A request with no extra sensitive headers and the default {@link RequestOptions}.
   *
   * @param method the request method, not {@code null}
   * @param uri the absolute {@code http} or {@code https} URI, already encoded
   * @param headers the header fields, or {@code null} for none
   * @param body the body, or {@code null} for an empty one
   * @throws IllegalArgumentException when the URI is not absolute or its scheme is not http or https
   */
  public HttpRequest(String method, URI uri, HttpHeaders headers, RequestBody body) {
    this(method, uri, headers, body, Set.of());
  }

  /**
   * A {@code GET} without headers or body.
   *
   * @param uri the absolute {@code http} or {@code https} URI, already encoded
   * @return the request
   * @throws IllegalArgumentException when the URI is not absolute or its scheme is not http or https
   */
  public static HttpRequest get(URI uri) {
    return new HttpRequest("GET", uri, HttpHeaders.empty(), RequestBody.empty());
  }

  /**
   * Whether the request goes over TLS, decided by the URI's scheme.
   *
   * @return {@code true} for {@code https}
   */
  public boolean isTls() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /**
   * The port, with the scheme's default filled in.
   *
   * @return the URI's port, or 443 for {@code https} and 80 for {@code http} when it has none
   */
  public int port() {
    int p = uri.getPort();
    return p != -1 ? p : (isTls() ? 443 : 80);
  }

  /**
   * The path and query as sent on the request line or in {@code :path}, not re-encoded.
   *
   * @return e.g. {@code /bucket/key?uploads}; {@code /} when the URI has no path
   */
  public String pathAndQuery() {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    String q = uri.getRawQuery();
    return q == null ? path : path + "?" + q;
  }

  /**
   * The authority as HTTP/2 sends it in {@code :authority} and SigV4 signs it as {@code host}.
   *
   * @return the host (IPv6 in brackets), with {@code :port} only when it is not the scheme's default
   */
  public String authority() {
    int p = uri.getPort();
    String host = uri.getHost();
    if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    boolean defaultPort = p == -1 || (isTls() ? p == 443 : p == 80);
    return defaultPort ? host : host + ":" + p;
  }

  /**
   * This request with other header fields; the sensitive marks carry over.
   *
   * @param newHeaders the header fields, or {@code null} for none
   * @return a new request
   */
  public HttpRequest withHeaders(HttpHeaders newHeaders) {
    return new HttpRequest(method, uri, newHeaders, body, sensitiveHeaders, options);
  }

  /**
   * This request with other per-request options.
   *
   * @param newOptions the options, or {@code null} for the defaults
   * @return a new request
   */
  public HttpRequest withOptions(RequestOptions newOptions) {
    return new HttpRequest(method, uri, headers, body, sensitiveHeaders, newOptions);
  }

  @Override
  public String toString() {
    io.s3wire.wire.Redaction redaction = io.s3wire.wire.Redaction.DEFAULT.withSensitiveHeaders(sensitiveHeaders);
    return method + " " + redaction.url(uri.toString()) + " " + headers.toString(redaction);
  }
}
