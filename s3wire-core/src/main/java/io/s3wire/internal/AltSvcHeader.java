package io.s3wire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code Alt-Svc} field values (RFC 7838 section 3) into what they say: {@code clear}, or the
 * alternatives they list, or why they do not parse. The one parser of the header: the client's HTTP/3
 * upgrade ({@code AltSvcCache}) uses the first same-host {@code h3} alternative, the CLI's probe and
 * doctor quote the first {@code h3} one wherever it is. Stateless; never throws on input a server
 * sent: a value that does not parse is {@link Malformed}.
 *
 * <p>Supported: {@code clear}; alternatives {@code protocol-id="[host]:port"} with parameters (only
 * {@code ma} is read, {@code persist} and unknown ones are skipped); several alternatives in one value
 * or in several fields (joined by commas, which is what they mean). An alternative that does not parse
 * is skipped when others in the same value do; the value is malformed only when none does. The
 * protocol id is compared exactly, like every ALPN id: {@code H3} and the drafts ({@code h3-29}) are not
 * {@code h3}, which is the only HTTP/3 s3wire speaks (RFC 9114).
 */
public final class AltSvcHeader {
  /** RFC 7838's default freshness when {@code ma} is absent: 24 hours. */
  public static final long DEFAULT_MAX_AGE_SECONDS = 86_400;

  /** What one response's Alt-Svc fields say. */
  public sealed interface Advice permits Clear, Alternatives, Malformed {}

  /** {@code clear}: forget every alternative of the origin. */
  public record Clear() implements Advice {}

  /**
   * A valid list of alternatives, which replaces what was known (RFC 7838 section 3).
   *
   * @param alternatives the entries that parsed, in the order sent; never empty
   */
  public record Alternatives(List<Alternative> alternatives) implements Advice {
    /**
     * Copies the list.
     *
     * @param alternatives the entries that parsed
     */
    public Alternatives {
      alternatives = List.copyOf(alternatives);
    }

    /**
     * The first {@code h3} alternative, on any host.
     *
     * @return it, or {@code null} when none is h3
     */
    public Alternative firstH3() {
      return alternatives.stream().filter(Alternative::isH3).findFirst().orElse(null);
    }

    /**
     * The first {@code h3} alternative on {@code originHost} itself.
     *
     * @param originHost the host the response came from
     * @return it, or {@code null} when none is
     */
    public Alternative firstH3On(String originHost) {
      return alternatives.stream().filter(a -> a.isH3() && a.sameHost(originHost)).findFirst().orElse(null);
    }
  }

  /**
   * One {@code alt-value}.
   *
   * @param protocolId the ALPN protocol id, as sent ({@code h3}, {@code h3-29}, {@code h2})
   * @param host the alternative's host without IPv6 brackets, or {@code null} when it is the origin's
   *     own ({@code h3=":443"})
   * @param port the alternative's port, 1 to 65535
   * @param maxAgeSeconds its {@code ma}, or {@link #DEFAULT_MAX_AGE_SECONDS}
   */
  public record Alternative(String protocolId, String host, int port, long maxAgeSeconds) {
    /**
     * Whether this is RFC 9114's HTTP/3.
     *
     * @return {@code true} for the protocol id {@code h3} exactly
     */
    public boolean isH3() {
      return protocolId.equals("h3");
    }

    /**
     * Whether the alternative is on {@code originHost} itself: no host named, or the same one.
     *
     * @param originHost the origin's host; an IPv6 literal with or without brackets
     * @return {@code true} when switching to it keeps the host
     */
    public boolean sameHost(String originHost) {
      return host == null || host.equalsIgnoreCase(unbracket(originHost));
    }
  }

  /**
   * A value that does not parse: ignored, nothing changes.
   *
   * @param why what does not parse, quoting the value
   */
  public record Malformed(String why) implements Advice {}

  private AltSvcHeader() {}

  /**
   * Reads the Alt-Svc fields of one response.
   *
   * @param fields the field values in order (several fields mean the same as one joined by commas)
   * @return the advice; {@code null} when there is no field
   */
  public static Advice parse(List<String> fields) {
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
    List<Alternative> parsed = new ArrayList<>();
    String firstError = null;
    for (String item : items) {
      if (item.isBlank()) {
        continue;
      }
      try {
        parsed.add(alternative(item));
      } catch (IllegalArgumentException e) {
        firstError = firstError == null ? e.getMessage() : firstError;
      }
    }
    return !parsed.isEmpty() ? new Alternatives(parsed) : new Malformed(firstError == null ? "no alternative" : firstError);
  }

  /** One {@code alt-value}; throws {@link IllegalArgumentException} saying what does not parse. */
  private static Alternative alternative(String item) {
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
    String host = unbracket(authority.substring(0, colon));
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
    return new Alternative(protocol, host.isEmpty() ? null : host, port, maxAge);
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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
