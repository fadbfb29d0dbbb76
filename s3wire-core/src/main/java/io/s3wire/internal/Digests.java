package io.s3wire.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** MD5 and SHA-256, which every Java runtime must provide. */
final class Digests {
  private Digests() {}

  static MessageDigest sha256() {
    return get("SHA-256");
  }

  static MessageDigest md5() {
    return get("MD5");
  }

  static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static String md5Base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(md5().digest(bytes));
  }

  private static MessageDigest get(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is required of every Java runtime", e);
    }
  }
}
