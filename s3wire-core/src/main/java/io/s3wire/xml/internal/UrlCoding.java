package io.s3wire.xml.internal;

import io.s3wire.xml.S3XmlException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code encoding-type=url} form of names in S3 listings: form-style percent-encoding of UTF-8
 * ({@code +} for a space, as S3 writes it), keeping {@code /} literal as S3 and MinIO do.
 */
public final class UrlCoding {
  private UrlCoding() {}

  public static String decode(String s) {
    if (s == null || (s.indexOf('%') < 0 && s.indexOf('+') < 0)) {
      return s;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new S3XmlException("malformed XML: bad url encoding in '" + XmlCursor.excerpt(s) + "'", e);
    }
  }

  public static String encode(String s) {
    if (s == null) {
      return null;
    }
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
  }
}
