package io.s3wire.wire.internal;

import java.util.List;

/**
 * Writes one JSON object on one line, by hand: core carries no JSON library. Strings are escaped
 * per RFC 8259 (quote, backslash, every control character; U+2028/U+2029 and lone surrogates too,
 * so the text survives any consumer). Not thread-safe; one instance per line.
 */
public final class JsonLine {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder sb = new StringBuilder(128).append('{');
  private boolean first = true;

  public JsonLine string(String name, String value) {
    key(name);
    quote(sb, value);
    return this;
  }

  public JsonLine number(String name, long value) {
    key(name).append(value);
    return this;
  }

  /** A decimal written as given (already formatted, e.g. {@code 12.345}). */
  public JsonLine decimal(String name, String formatted) {
    key(name).append(formatted);
    return this;
  }

  public JsonLine bool(String name, boolean value) {
    key(name).append(value);
    return this;
  }

  public JsonLine strings(String name, List<String> values) {
    key(name).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(sb, values.get(i));
    }
    sb.append(']');
    return this;
  }

  /** A value that is already JSON (an array or object built with {@link #quote}). */
  public JsonLine raw(String name, CharSequence json) {
    key(name).append(json);
    return this;
  }

  public String build() {
    return sb.append('}').toString();
  }

  private StringBuilder key(String name) {
    if (!first) {
      sb.append(',');
    }
    first = false;
    quote(sb, name);
    return sb.append(':');
  }

  /** Appends {@code s} as a JSON string, or {@code null}. */
  public static void quote(StringBuilder out, String s) {
    if (s == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          boolean loneSurrogate = Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
