package io.s3wire.wire;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what of a header or URL may be printed. Used by every trace format, exception message and
 * {@code toString()} that shows headers or URLs: redaction is the default.
 *
 * <p>Redacted by default: the signature and credential in {@code Authorization} (the algorithm and
 * signed-header list stay visible, they help diagnosis), {@code x-amz-security-token}, {@code
 * cookie}, {@code set-cookie}, {@code proxy-authorization}, the SSE-C customer keys ({@code
 * x-amz-server-side-encryption-customer-key} and its {@code x-amz-copy-source-} twin; their MD5s
 * stay visible), the EC2 instance-metadata session token ({@code x-aws-ec2-metadata-token}; its
 * {@code -ttl-seconds} twin stays visible), the SSO bearer token ({@code x-amz-sso_bearer_token}),
 * and the {@code X-Amz-Signature}, {@code X-Amz-Credential} and {@code X-Amz-Security-Token} query
 * parameters.
 */
public final class Redaction {
  /** What replaces a secret in printed text: recognisable, and never a valid credential. */
  public static final String MASK = "<redacted>";

  private static final Set<String> SECRET_HEADERS =
      Set.of("x-amz-security-token", "cookie", "set-cookie", "proxy-authorization", "x-goog-security-token",
          "x-amz-server-side-encryption-customer-key", "x-amz-copy-source-server-side-encryption-customer-key",
          "x-aws-ec2-metadata-token", "x-amz-sso_bearer_token");
  private static final Set<String> SECRET_QUERY =
      Set.of("x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature", "x-goog-signature", "x-goog-credential");

  /** The built-in rules only (see the class comment). */
  public static final Redaction DEFAULT = new Redaction(Set.of());

  private final Set<String> extraSensitive;

  private Redaction(Set<String> extraSensitive) {
    this.extraSensitive = extraSensitive;
  }

  /**
   * This redaction plus more headers whose values are hidden whole.
   *
   * @param names header names, any case
   * @return a new redaction (this one when {@code names} is empty); this one is unchanged
   */
  public Redaction withSensitiveHeaders(Set<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    java.util.HashSet<String> all = new java.util.HashSet<>(extraSensitive);
    for (String n : names) {
      all.add(n.toLowerCase(Locale.ROOT));
    }
    return new Redaction(Set.copyOf(all));
  }

  /**
   * Whether a header's value is hidden whole ({@code Authorization} is partly shown instead).
   *
   * @param name the header name, any case
   * @return {@code true} for the built-in secret headers and those added by {@link #withSensitiveHeaders}
   */
  public boolean isSensitive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_HEADERS.contains(n) || extraSensitive.contains(n);
  }

  /**
   * Whether a URL query parameter's value is hidden ({@code X-Amz-Signature} and its kin).
   *
   * @param name the parameter name as it appears in the URL, any case
   * @return {@code true} for the secret query parameters named in the class comment
   */
  public boolean isSecretQueryParameter(String name) {
    return SECRET_QUERY.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A trace header with its value as it may be printed: what emitters put in {@link WireEvent}s.
   *
   * @param name the header name as sent
   * @param value its value as sent
   * @return the header with {@link #headerValue} applied
   */
  public WireEvent.Header header(String name, String value) {
    return new WireEvent.Header(name, headerValue(name, value));
  }

  /**
   * Masks secrets that free text may carry: the values of secret query parameters, SigV4 {@code
   * Credential=}/{@code Signature=} parts, and {@code name: value} pairs of secret headers (through
   * the end of the line or the next {@code ", name: "}). For messages built from input this class
   * did not format, e.g. an exception's message, as a last line of defence: structured paths
   * ({@link #headerValue}, {@link #url}) are the first.
   *
   * @param text any text, or {@code null}
   * @return the text with secrets masked; {@code null} or empty as given
   */
  public String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String t = SECRET_PAIR.matcher(text).replaceAll("$1=" + MASK);
    t = SECRET_HEADER_LINE.matcher(t).replaceAll("$1$2" + MASK);
    for (String name : extraSensitive) {
      t = java.util.regex.Pattern.compile("(?i)(\\b" + java.util.regex.Pattern.quote(name) + ")(\\s*[:=]\\s*)" + HEADER_VALUE_TAIL)
          .matcher(t).replaceAll("$1$2" + MASK);
    }
    return t;
  }

  private static final String HEADER_VALUE_TAIL = "(?:[^\\r\\n]*?)(?=, [A-Za-z0-9-]+: |\\]|\\r|\\n|$)";
  private static final java.util.regex.Pattern SECRET_PAIR = java.util.regex.Pattern.compile(
      "(?i)\\b(x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|signature|credential)"
          + "=(?!<redacted>)[^&\\s,;\"'<>\\]]+");
  private static final java.util.regex.Pattern SECRET_HEADER_LINE = java.util.regex.Pattern.compile(
      "(?i)\\b(x-amz-security-token|x-goog-security-token|cookie|set-cookie|proxy-authorization"
          + "|(?:x-amz-copy-source-|x-amz-)server-side-encryption-customer-key(?!-)|x-aws-ec2-metadata-token(?!-)"
          + "|x-amz-sso_bearer_token)(\\s*:\\s*)" + HEADER_VALUE_TAIL);

  /**
   * A header's value as it may be printed.
   *
   * @param name the header name, any case
   * @param value its value as sent
   * @return the value, {@link #MASK} for a secret header, or for {@code Authorization} the value
   *     with its credential and signature masked
   */
  public String headerValue(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("authorization")) {
      return authorization(value);
    }
    if (SECRET_HEADERS.contains(n) || extraSensitive.contains(n)) {
      return MASK;
    }
    return value;
  }

  /**
   * A URL or request target as it may be printed.
   *
   * @param url an absolute URL or a request target ({@code /bucket/key?...})
   * @return the same text with the values of secret query parameters masked
   */
  public String url(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder sb = new StringBuilder(url.length()).append(url, 0, q + 1);
    String[] params = url.substring(q + 1).split("&", -1);
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      String p = params[i];
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq);
      if (eq >= 0 && isSecretQueryParameter(name)) {
        sb.append(name).append('=').append(MASK);
      } else {
        sb.append(p);
      }
    }
    return sb.toString();
  }

  /**
   * Keeps the scheme and SignedHeaders of a SigV4 Authorization value, masks Credential and
   * Signature; anything else is masked whole.
   */
  static String authorization(String value) {
    String v = value.trim();
    if (!v.startsWith("AWS4-")) {
      int sp = v.indexOf(' ');
      return sp > 0 ? v.substring(0, sp) + " " + MASK : MASK;
    }
    int sp = v.indexOf(' ');
    if (sp < 0) {
      return MASK;
    }
    StringBuilder sb = new StringBuilder(v.substring(0, sp)).append(' ');
    String[] parts = v.substring(sp + 1).split(",");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      if (i > 0) {
        sb.append(", ");
      }
      if (part.startsWith("SignedHeaders=")) {
        sb.append(part);
      } else {
        int eq = part.indexOf('=');
        sb.append(eq > 0 ? part.substring(0, eq + 1) : "").append(MASK);
      }
    }
    return sb.toString();
  }
}
