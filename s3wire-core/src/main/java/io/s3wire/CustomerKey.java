package io.s3wire;

import io.s3wire.error.ClientException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An encryption key the caller holds (SSE-C): a 256-bit AES key the server uses to encrypt an object
 * and forgets. The same key must be given to read the object again (GET, HEAD, copy source, each
 * part of a multipart upload).
 *
 * <p>A secret: {@link #toString()} shows only the key's MD5, which the server echoes and which does
 * not reveal the key; the headers that carry the key are redacted in every trace and message. The
 * bytes are copied in, so changing the caller's array afterwards changes nothing here.
 */
public final class CustomerKey {
  /** The only SSE-C algorithm S3 has. */
  public static final String ALGORITHM = "AES256";

  private final byte[] key;
  private final String md5;

  private CustomerKey(byte[] key) {
    this.key = key;
    this.md5 = Base64.getEncoder().encodeToString(md5(key));
  }

  /**
   * A key of exactly 32 bytes.
   *
   * @throws ClientException naming {@code customer key} when {@code key} is {@code null} or not 32 bytes
   *
   * @param key the 32 key bytes
   * @return the customer key
   */
  public static CustomerKey of(byte[] key) {
    if (key == null || key.length != 32) {
      throw new ClientException("customer key", "must be 32 bytes (AES-256), was "
          + (key == null ? "none" : key.length + " bytes"));
    }
    return new CustomerKey(key.clone());
  }

  /**
   * The algorithm, {@value #ALGORITHM} ({@code x-amz-server-side-encryption-customer-algorithm}).
   *
   * @return the string
   */
  public String algorithm() {
    return ALGORITHM;
  }

  /**
   * The base64 MD5 of the key ({@code x-amz-server-side-encryption-customer-key-MD5}); not a secret.
   *
   * @return the string
   */
  public String keyMd5() {
    return md5;
  }

  /**
   * The key in base64, as {@code x-amz-server-side-encryption-customer-key} carries it. A secret:
   * never print or log it.
   *
   * @return the string
   */
  public String encodedKey() {
    return Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerKey other && MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return md5.hashCode();
  }

  /**
   * The algorithm and the key's MD5; never the key.
   *
   * @return the string
   */
  @Override
  public String toString() {
    return "CustomerKey[" + ALGORITHM + ", md5=" + md5 + "]";
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
