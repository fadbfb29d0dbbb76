package io.s3wire.server.internal.store;

import java.util.Comparator;

/** Orders keys by their UTF-8 bytes, as S3 lists them (equal to Unicode code point order). */
public final class KeyOrder {
  /** Compares by code points, which for valid strings equals comparing their UTF-8 encodings. */
  public static final Comparator<String> UTF8 = KeyOrder::compare;

  private KeyOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
