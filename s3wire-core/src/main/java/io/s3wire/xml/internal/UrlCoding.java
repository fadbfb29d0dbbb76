package io.s3wire.xml.internal;

import io.s3wire.xml.S3XmlException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code encoding-type=url} form of names in S3 listings: percent-encoding of UTF-8 that keeps
 * letters, digits, {@code - _ . *} and {@code /} literal and writes a space as {@code %20}, as S3
 * does (ceph/s3-tests test_bucket_list_encoding_basic expects {@code quux%20ab/} and
 * {@code foo%2B1/}). Decoding also takes {@code +} for a space, which some servers (MinIO) write.
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
    // URLEncoder writes a space as '+' and a plus sign as %2B, so every '+' here is a space.
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
  }
}
