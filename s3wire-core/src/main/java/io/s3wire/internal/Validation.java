package io.s3wire.internal;

import io.s3wire.error.ClientException;
import java.nio.charset.StandardCharsets;

/**
 * S3's input rules, checked before anything is sent. Each check throws a {@link ClientException}
 * whose subject names the input and whose message names the rule.
 */
public final class Validation {
  public static final int MAX_KEY_BYTES = 1024;
  public static final int MAX_PART_NUMBER = 10_000;
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

  private Validation() {}

  /**
   * The general-purpose bucket naming rules: 3-63 characters of lower-case letters, digits, dots and
   * hyphens, starting and ending with a letter or digit, no two adjacent dots, not shaped like an IPv4
   * address, none of the reserved prefixes and suffixes.
   */
  public static void bucketName(String name) {
    if (name == null || name.isEmpty()) {
      throw new ClientException("bucket name", "must not be empty");
    }
    String shown = "'" + name + "'";
    if (name.length() < 3 || name.length() > 63) {
      throw new ClientException("bucket name", shown + " must be 3 to 63 characters long, is " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) {
        throw new ClientException("bucket name",
            shown + " may hold only lower-case letters, digits, dots and hyphens; found '" + c + "' at " + i);
      }
    }
    if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
      throw new ClientException("bucket name", shown + " must start and end with a letter or digit");
    }
    if (name.contains("..")) {
      throw new ClientException("bucket name", shown + " must not hold two adjacent dots");
    }
    if (name.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      throw new ClientException("bucket name", shown + " must not be formatted as an IP address");
    }
    for (String prefix : new String[] {"xn--", "sthree-", "amzn-s3-demo-"}) {
      if (name.startsWith(prefix)) {
        throw new ClientException("bucket name", shown + " must not start with the reserved prefix " + prefix);
      }
    }
    for (String suffix : new String[] {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
      if (name.endsWith(suffix)) {
        throw new ClientException("bucket name", shown + " must not end with the reserved suffix " + suffix);
      }
    }
  }

  /** A key: 1 to 1,024 bytes of UTF-8, taken as data (no other rule applies). */
  public static void key(String key) {
    if (key == null || key.isEmpty()) {
      throw new ClientException("key", "must not be empty");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new ClientException("key", "is " + bytes + " bytes in UTF-8, over S3's limit of " + MAX_KEY_BYTES);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= key.length() || !Character.isLowSurrogate(key.charAt(i + 1))) {
          throw new ClientException("key", "holds an unpaired surrogate at " + i + ", which UTF-8 cannot carry");
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new ClientException("key", "holds an unpaired surrogate at " + i + ", which UTF-8 cannot carry");
      }
    }
  }

  /** A part number: 1..10,000. */
  public static void partNumber(int partNumber) {
    if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
      throw new ClientException("part number", "must be 1.." + MAX_PART_NUMBER + ", was " + partNumber);
    }
  }

  /** A part's size: at most 5 GiB; at least 5 MiB unless it is the last part. */
  public static void partSize(int partNumber, long size, boolean last) {
    if (size > MAX_PART_SIZE) {
      throw new ClientException("part " + partNumber, "is " + size + " bytes, over S3's 5 GiB part limit");
    }
    if (!last && size >= 0 && size < MIN_PART_SIZE) {
      throw new ClientException("part " + partNumber,
          "is " + size + " bytes; every part but the last must be at least 5 MiB (" + MIN_PART_SIZE + " bytes)");
    }
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
