package io.s3wire.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as S3 and SigV4 want it (RFC 3986 unreserved characters kept, every other byte of
 * the UTF-8 form encoded with upper-case hex). Nothing is ever normalised: {@code //}, {@code .} and
 * {@code ..} stay as they are.
 */
public final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /** Encodes a key for the path: every byte but unreserved characters and {@code /}. */
  public static String path(String key) {
    return encode(key, true);
  }

  /** Encodes a query name or value: every byte but unreserved characters ({@code /} too). */
  public static String query(String value) {
    return encode(value, false);
  }

  private static String encode(String s, boolean keepSlash) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }
}
