package io.s3wire.http.internal.fallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code Alt-Svc} field values (RFC 7838 section 3) into what the HTTP/3 upgrade needs: the
 * first {@code h3} alternative on the same host, with its max-age. Stateless; never throws on input
 * a server sent: a value that does not parse is {@link Malformed}.
 *
 * <p>Supported: {@code clear}; alternatives {@code protocol-id="[host]:port"} with parameters (only
 * {@code ma} is read, {@code persist} and unknown ones are skipped); several alternatives in one value
 * or in several fields (joined by commas, which is what they mean). An alternative on another host
 * is not used: the client only switches port and transport, never the host it trusts.
 */
final class AltSvcHeader {
  /** RFC 7838's default freshness when {@code ma} is absent: 24 hours. */
  static final long DEFAULT_MAX_AGE_SECONDS = 86_400;

  /** What one response's Alt-Svc fields say. */
  sealed interface Advice permits Clear, Alternatives, Malformed {}

  /** {@code clear}: forget every alternative of the origin. */
  record Clear() implements Advice {}

  /**
   * A valid list of alternatives, which replaces what was known (RFC 7838 section 3).
   *
   * @param h3Port the first same-host {@code h3} alternative's port, or -1 when the list has none
   * @param maxAgeSeconds its {@code ma}, or the default
   */
  record Alternatives(int h3Port, long maxAgeSeconds) implements Advice {}

  /** A value that does not parse: ignored, nothing changes. */
  record Malformed(String why) implements Advice {}

  private AltSvcHeader() {}

  /**
   * Reads the Alt-Svc fields of one response from {@code originHost}.
   *
   * @param fields the field values in order (several fields mean the same as one joined by commas)
   * @return the advice; {@code null} when there is no field
   */
  static Advice parse(List<String> fields, String originHost) {
    if (fields.isEmpty()) {
      return null;
    }
    String value = String.join(",", fields).trim();
    if (value.equals("clear")) {
      return new Clear();
    }
    List<String> items;
    try {
      items = split(value, ',');
    } catch (IllegalArgumentException e) {
      return new Malformed(e.getMessage());
    }
    int parsed = 0;
    String firstError = null;
    for (String item : items) {
      if (item.isBlank()) {
        continue;
      }
      try {
        Alternatives a = alternative(item, originHost);
        parsed++;
        if (a != null) {
          return a;
        }
      } catch (IllegalArgumentException e) {
        firstError = firstError == null ? e.getMessage() : firstError;
      }
    }
    return parsed > 0 ? new Alternatives(-1, 0) : new Malformed(firstError == null ? "no alternative" : firstError);
  }

  /** One {@code alt-value}: the h3 same-host alternative it names, or {@code null} for any other valid one. */
  private static Alternatives alternative(String item, String originHost) {
    List<String> parts = split(item, ';');
    String alt = parts.get(0).trim();
    int eq = alt.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("no protocol-id=\"authority\" in '" + alt + "'");
    }
    String protocol = alt.substring(0, eq).trim();
    if (!isToken(protocol)) {
      throw new IllegalArgumentException("protocol-id '" + protocol + "' is not a token");
    }
    String authority = unquote(alt.substring(eq + 1).trim());
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("alt-authority '" + authority + "' has no port");
    }
    int port = port(authority.substring(colon + 1));
    String host = authority.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    long maxAge = DEFAULT_MAX_AGE_SECONDS;
    for (int i = 1; i < parts.size(); i++) {
      String p = parts.get(i).trim();
      int e = p.indexOf('=');
      if (e <= 0 || !isToken(p.substring(0, e).trim())) {
        throw new IllegalArgumentException("parameter '" + p + "' is not name=value");
      }
      String name = p.substring(0, e).trim().toLowerCase(Locale.ROOT);
      String v = p.substring(e + 1).trim();
      v = v.startsWith("\"") ? unquote(v) : v;
      if (name.equals("ma")) {
        maxAge = deltaSeconds(v);
      }
    }
    boolean sameHost = host.isEmpty() || host.equalsIgnoreCase(originHost);
    // "h3" is case-sensitive like every ALPN id; draft versions (h3-29) are not spoken.
    return protocol.equals("h3") && sameHost ? new Alternatives(port, maxAge) : null;
  }

  /** Splits on {@code sep} outside quoted strings; an unterminated quote is malformed. */
  private static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted && c == '\\' && i + 1 < s.length()) {
        cur.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == sep && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted string in '" + s + "'");
    }
    out.add(cur.toString());
    return out;
  }

  private static String unquote(String s) {
    if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
      throw new IllegalArgumentException("alt-authority " + s + " is not a quoted string");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() - 1) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("port '" + s + "' is not a number");
    }
    int p = Integer.parseInt(s);
    if (p < 1 || p > 65_535) {
      throw new IllegalArgumentException("port " + p + " is out of range");
    }
    return p;
  }

  /** {@code delta-seconds}: digits; a value too large for a long is capped (RFC 9111 section 1.2.2). */
  private static long deltaSeconds(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("ma '" + s + "' is not delta-seconds");
    }
    return s.length() > 10 ? Integer.MAX_VALUE : Math.min(Long.parseLong(s), Integer.MAX_VALUE);
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
