package io.s3wire.http.internal.pcap;

import io.s3wire.wire.Redaction;
import java.util.Arrays;
import java.util.Locale;

/**
 * The capture's redaction: the same secrets {@link Redaction} hides in the trace, each character
 * replaced by {@code '*'} so every header value and URL keeps its length.
 *
 * <p>Keeping lengths lets HTTP/1.1 be masked in place (no Content-Length or chunk size moves) and
 * keeps the capture's header sizes those of the wire. What stays visible is what the trace shows:
 * the SigV4 algorithm and {@code SignedHeaders=}; the names of the masked parts.
 */
final class SameLengthMask {
  static final char MASK = '*';

  private SameLengthMask() {}

  /** {@code value} with its secret characters masked, as {@code redaction} decides for {@code name}. */
  static String headerValue(Redaction redaction, String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals(":path")) {
      return url(redaction, value);
    }
    if (n.equals("authorization")) {
      return authorization(value);
    }
    return redaction.isSensitive(n) ? stars(value.length()) : value;
  }

  /** A URL or request target with the values of secret query parameters masked. */
  static String url(Redaction redaction, String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    char[] out = url.toCharArray();
    int start = q + 1;
    while (start <= out.length) {
      int end = url.indexOf('&', start);
      if (end < 0) {
        end = out.length;
      }
      int eq = url.indexOf('=', start);
      if (eq >= 0 && eq < end && redaction.isSecretQueryParameter(url.substring(start, eq))) {
        Arrays.fill(out, eq + 1, end, MASK);
      }
      start = end + 1;
    }
    return new String(out);
  }

  /**
   * An Authorization value: for SigV4, the algorithm and {@code SignedHeaders=} stay, every other
   * part keeps its name and loses its value ({@code Credential=}, {@code Signature=}); any other
   * scheme keeps its name only.
   */
  static String authorization(String value) {
    char[] out = value.toCharArray();
    int lead = 0;
    while (lead < out.length && out[lead] == ' ') {
      lead++;
    }
    int sp = value.indexOf(' ', lead);
    if (sp < 0) {
      Arrays.fill(out, lead, out.length, MASK);
      return new String(out);
    }
    if (!value.startsWith("AWS4-", lead)) {
      maskNonBlank(out, sp + 1, out.length);
      return new String(out);
    }
    int start = sp + 1;
    while (start < out.length) {
      int end = value.indexOf(',', start);
      if (end < 0) {
        end = out.length;
      }
      int from = start;
      while (from < end && out[from] == ' ') {
        from++;
      }
      if (!value.startsWith("SignedHeaders=", from)) {
        int eq = value.indexOf('=', from);
        maskNonBlank(out, eq >= 0 && eq < end ? eq + 1 : from, end);
      }
      start = end + 1;
    }
    return new String(out);
  }

  private static void maskNonBlank(char[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out[i] != ' ') {
        out[i] = MASK;
      }
    }
  }

  static String stars(int n) {
    return String.valueOf(MASK).repeat(n);
  }
}
