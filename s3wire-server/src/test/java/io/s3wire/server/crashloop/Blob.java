package io.s3wire.server.crashloop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** What a key holds, as its bytes' SHA-256 and length; {@link #ABSENT} for no object. */
record Blob(String sha256, long size) {
  static final Blob ABSENT = new Blob("absent", -1);

  /** The bytes of {@code size} from {@code seed} (a function of both), for an upload. */
  static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  static Blob of(byte[] bytes) {
    return new Blob(sha256(bytes), bytes.length);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }

  @Override
  public String toString() {
    return this == ABSENT || size < 0 ? "absent" : size + " B sha256 " + sha256.substring(0, 12);
  }
}
