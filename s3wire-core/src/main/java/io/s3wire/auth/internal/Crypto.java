package io.s3wire.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 with per-thread instances, so the hot path creates no provider lookups.
 * Every JDK ships both algorithms; their absence is an environment error.
 */
public final class Crypto {
  static final String HMAC = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(() -> newInstance(() -> MessageDigest.getInstance("SHA-256")));
  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> newInstance(() -> Mac.getInstance(HMAC)));

  private Crypto() {}

  private interface Factory<T> {
    T create() throws NoSuchAlgorithmException;
  }

  private static <T> T newInstance(Factory<T> f) {
    try {
      return f.create();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks a required algorithm", e);
    }
  }

  /** The lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    MessageDigest md = SHA256.get();
    md.reset();
    return HEX.formatHex(md.digest(bytes));
  }

  /** The lower-case hex SHA-256 of the UTF-8 form of {@code text}. */
  public static String sha256Hex(CharSequence text) {
    return sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh SHA-256 digest, for streaming a body. */
  public static MessageDigest newSha256() {
    return newInstance(() -> MessageDigest.getInstance("SHA-256"));
  }

  /** Lower-case hex. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** HMAC-SHA256 of the UTF-8 form of {@code data} under {@code key}. */
  public static byte[] hmac(byte[] key, String data) {
    Mac mac = MAC.get();
    try {
      mac.init(new SecretKeySpec(key, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise " + HMAC, e);
    }
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  /** A new Mac initialised with {@code key}; used as a prototype that is cloned per signature. */
  static Mac initialisedMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise " + HMAC, e);
    }
  }
}
