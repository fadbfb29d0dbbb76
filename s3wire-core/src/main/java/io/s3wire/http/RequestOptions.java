package io.s3wire.http;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-request choices that are not part of the HTTP message itself.
 *
 * @param fallbackSafe whether the transport may repeat this request over HTTP/1.1 when HTTP/2
 *     fails with evidence of a version problem (policy {@code NEGOTIATE_WITH_FALLBACK}). The
 *     transport already refuses to fall back for a POST or a one-shot body; set this to {@code
 *     false} for any other request that must never run twice.
 * @param diagnosticRawHeaders <b>for diagnostics only</b>: lower-case names of caller headers the
 *     per-version normaliser sends exactly as given, on every HTTP version, even where the version's
 *     rules forbid or drop them ({@code host}, {@code connection} or {@code keep-alive} on HTTP/2;
 *     {@code content-length: 0} on a bodiless request). It exists so {@code s3wire doctor} can send
 *     what other clients are known to send and show how a server reacts; a request with it is
 *     deliberately malformed for some servers. Never set it in normal use.
 */
public record RequestOptions(boolean fallbackSafe, Set<String> diagnosticRawHeaders) {
  /** Fallback allowed, normalisation as usual. */
  public static final RequestOptions DEFAULT = new RequestOptions(true, Set.of());

  /**
   * Lower-cases and copies the raw header names.
   *
   * @param fallbackSafe whether a fallback to HTTP/1.1 may repeat the request
   * @param diagnosticRawHeaders header names to send as given, in any case; not {@code null}
   */
  public RequestOptions {
    TreeSet<String> lower = new TreeSet<>();
    for (String n : diagnosticRawHeaders) {
      lower.add(n.toLowerCase(Locale.ROOT));
    }
    diagnosticRawHeaders = Set.copyOf(lower);
  }

  /**
   * These options with fallback over HTTP/1.1 forbidden, for a request that must never run twice.
   *
   * @return new options
   */
  public RequestOptions notFallbackSafe() {
    return new RequestOptions(false, diagnosticRawHeaders);
  }

  /**
   * These options with {@code names} sent as given (diagnostics only; see the class comment).
   *
   * @param names header names, in any case
   * @return new options; the names replace any given before
   */
  public RequestOptions withDiagnosticRawHeaders(String... names) {
    return new RequestOptions(fallbackSafe, Set.of(names));
  }

  /**
   * Whether the caller asked for {@code lowerCaseName} to be sent as given.
   *
   * @param lowerCaseName a header name, already lower-case
   * @return {@code true} when the normaliser must leave that header alone
   */
  public boolean keepsAsGiven(String lowerCaseName) {
    return diagnosticRawHeaders.contains(lowerCaseName);
  }
}
