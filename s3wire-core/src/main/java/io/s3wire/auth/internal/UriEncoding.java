package io.s3wire.auth.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Percent-encoding as SigV4 defines it (RFC 3986 unreserved characters stay, every other byte of
 * the UTF-8 form becomes {@code %XX} with upper-case hex), percent-decoding, and the generic mode's
 * path normalisation. Never uses the default locale or charset.
 */
public final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      UNRESERVED[c] = true;
    }
    UNRESERVED['-'] = true;
    UNRESERVED['.'] = true;
    UNRESERVED['_'] = true;
    UNRESERVED['~'] = true;
  }

  private UriEncoding() {}

  /** Whether {@code c} is an RFC 3986 unreserved character. */
  public static boolean isUnreserved(int c) {
    return c >= 0 && c < 128 && UNRESERVED[c];
  }

  /**
   * Appends the SigV4 encoding of {@code s}: UTF-8 bytes, unreserved characters kept, {@code /}
   * kept when {@code keepSlash}, every other byte as {@code %XX}.
   */
  public static void encode(StringBuilder out, CharSequence s, boolean keepSlash) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        if (UNRESERVED[c] || (keepSlash && c == '/')) {
          out.append(c);
        } else {
          appendByte(out, c);
        }
      } else {
        // Rare: encode the remainder through UTF-8 bytes (handles surrogate pairs correctly).
        encodeBytes(out, s.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8), keepSlash);
        return;
      }
    }
  }

  /** {@link #encode(StringBuilder, CharSequence, boolean)} into a new string. */
  public static String encode(CharSequence s, boolean keepSlash) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    encode(sb, s, keepSlash);
    return sb.toString();
  }

  /** Appends the SigV4 encoding of raw bytes. */
  public static void encodeBytes(StringBuilder out, byte[] bytes, boolean keepSlash) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c < 128 && UNRESERVED[c]) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        appendByte(out, c);
      }
    }
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  /**
   * Appends the canonical form of an already-encoded component: percent-escapes are decoded and
   * the bytes encoded again, so {@code %7e}, {@code ~} and {@code %7E} all give {@code ~}. A
   * {@code %} not followed by two hex digits is data and becomes {@code %25}. {@code +} is data
   * (RFC 3986), not a space.
   */
  public static void recode(StringBuilder out, String encoded, boolean keepSlash) {
    int n = encoded.length();
    for (int i = 0; i < n; i++) {
      char c = encoded.charAt(i);
      if (c < 128 && (UNRESERVED[c] || (keepSlash && c == '/'))) {
        out.append(c);
      } else if (c == '%' && i + 2 < n && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
        int b = hex(encoded.charAt(i + 1)) << 4 | hex(encoded.charAt(i + 2));
        if (b < 128 && (UNRESERVED[b] || (keepSlash && b == '/'))) {
          out.append((char) b);
        } else {
          appendByte(out, b);
        }
        i += 2;
      } else if (c < 128) {
        appendByte(out, c);
      } else {
        // Raw non-ASCII text (not valid on the wire, but accepted): its UTF-8 bytes, encoded.
        int end = i + 1;
        while (end < n && encoded.charAt(end) >= 128) {
          end++;
        }
        encodeBytes(out, encoded.substring(i, end).getBytes(StandardCharsets.UTF_8), keepSlash);
        i = end - 1;
      }
    }
  }

  /** Decodes percent-escapes to bytes; malformed escapes are kept as data. */
  public static byte[] decode(String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    int n = encoded.length();
    for (int i = 0; i < n; i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < n && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
        out.write(hex(encoded.charAt(i + 1)) << 4 | hex(encoded.charAt(i + 2)));
        i += 2;
      } else if (c < 128) {
        out.write(c);
      } else {
        int end = i + 1;
        while (end < n && encoded.charAt(end) >= 128) {
          end++;
        }
        out.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return out.toByteArray();
  }

  /** Decodes percent-escapes to a UTF-8 string. */
  public static String decodeToString(String encoded) {
    return encoded.indexOf('%') < 0 ? encoded : new String(decode(encoded), StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /**
   * RFC 3986 remove_dot_segments plus collapsing empty segments ({@code //}), as AWS's generic
   * services do. A trailing slash is kept. Never used for S3, where these are data.
   */
  public static String normalizePath(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    Deque<String> out = new ArrayDeque<>();
    String[] segments = path.split("/", -1);
    for (String seg : segments) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        out.pollLast();
      } else {
        out.addLast(seg);
      }
    }
    StringBuilder sb = new StringBuilder(path.length());
    for (String seg : out) {
      sb.append('/').append(seg);
    }
    String last = segments[segments.length - 1];
    boolean trailing = last.isEmpty() || last.equals(".") || last.equals("..");
    if (sb.length() == 0 || (trailing && segments.length > 1)) {
      sb.append('/');
    }
    return sb.toString();
  }
}
