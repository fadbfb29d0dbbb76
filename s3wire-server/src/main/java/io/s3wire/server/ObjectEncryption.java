package io.s3wire.server;

import java.util.Objects;

/**
 * How an object is encrypted at rest, as S3 reports it: SSE-S3 ({@code AES256}, what S3 applies to
 * every object that names nothing else), SSE-KMS ({@code aws:kms}, {@code aws:kms:dsse}) with its
 * key id, encryption context and bucket-key flag, or SSE-C (a customer-provided key).
 *
 * <p>The server stores bytes as given; this record is what it answers with and what it checks. For
 * SSE-C it keeps the key's MD5 (which S3 echoes) and {@code customerKeyFingerprint}, a salted HMAC of
 * the key that lets later requests prove they carry the same key; never the key itself.
 *
 * @param serverSide {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}; {@code null} for SSE-C
 * @param kmsKeyId the KMS key id or ARN (SSE-KMS only, else {@code null})
 * @param kmsContext the encryption context as the client sent it, base64 JSON (SSE-KMS only, or {@code null})
 * @param bucketKeyEnabled whether an S3 Bucket Key is used (SSE-KMS only)
 * @param customerAlgorithm {@code AES256} for SSE-C, else {@code null}
 * @param customerKeyMd5 base64 MD5 of the SSE-C key, else {@code null}
 * @param customerKeyFingerprint salt and HMAC of the SSE-C key ({@code salt:hmac}, base64), else {@code null}
 */
public record ObjectEncryption(String serverSide, String kmsKeyId, String kmsContext, boolean bucketKeyEnabled,
    String customerAlgorithm, String customerKeyMd5, String customerKeyFingerprint) {
  /** SSE-S3, S3's default for every object since January 2023. */
  public static final ObjectEncryption SSE_S3 = new ObjectEncryption("AES256", null, null, false, null, null, null);

  /**
   * Checks that the object is encrypted exactly one way and that SSE-C carries its key's proofs.
   *
   * @param serverSide the SSE-S3 or SSE-KMS algorithm, or {@code null} for SSE-C
   * @param kmsKeyId the KMS key id or ARN, or {@code null}
   * @param kmsContext the base64 JSON encryption context, or {@code null}
   * @param bucketKeyEnabled whether an S3 Bucket Key is used
   * @param customerAlgorithm the SSE-C algorithm, or {@code null} for SSE-S3/SSE-KMS
   * @param customerKeyMd5 base64 MD5 of the SSE-C key; required with {@code customerAlgorithm}
   * @param customerKeyFingerprint {@code salt:hmac} of the SSE-C key; required with {@code customerAlgorithm}
   * @throws IllegalArgumentException when both or neither of {@code serverSide} and {@code customerAlgorithm} are given
   */
  public ObjectEncryption {
    if ((serverSide == null) == (customerAlgorithm == null)) {
      throw new IllegalArgumentException("an object is encrypted either by S3 (SSE-S3/SSE-KMS) or with a customer key");
    }
    if (customerAlgorithm != null) {
      Objects.requireNonNull(customerKeyMd5, "customerKeyMd5");
      Objects.requireNonNull(customerKeyFingerprint, "customerKeyFingerprint");
    }
  }

  /**
   * {@return SSE-KMS encryption} ({@code aws:kms} or {@code aws:kms:dsse})
   *
   * @param algorithm {@code aws:kms} or {@code aws:kms:dsse}
   * @param keyId the KMS key id or ARN, or {@code null} for the account's default key
   * @param context the encryption context as the client sent it (base64 JSON), or {@code null}
   * @param bucketKeyEnabled whether an S3 Bucket Key is used
   */
  public static ObjectEncryption kms(String algorithm, String keyId, String context, boolean bucketKeyEnabled) {
    return new ObjectEncryption(algorithm, keyId, context, bucketKeyEnabled, null, null, null);
  }

  /**
   * {@return SSE-C encryption with a key known by its MD5 and salted fingerprint} Never pass the key itself.
   *
   * @param algorithm the SSE-C algorithm, {@code AES256}
   * @param keyMd5 base64 MD5 of the key, which S3 echoes
   * @param keyFingerprint {@code salt:hmac} of the key (base64), to recognise it on later requests
   */
  public static ObjectEncryption customer(String algorithm, String keyMd5, String keyFingerprint) {
    return new ObjectEncryption(null, null, null, false, algorithm, keyMd5, keyFingerprint);
  }

  /** {@return whether a customer-provided key (SSE-C) encrypts the object} */
  public boolean isCustomerKey() {
    return customerAlgorithm != null;
  }

  /** {@return whether the object uses SSE-KMS or DSSE-KMS} */
  public boolean isKms() {
    return serverSide != null && serverSide.startsWith("aws:kms");
  }

  @Override
  public String toString() {
    // The fingerprint is no secret, but nothing gains from printing it.
    return isCustomerKey() ? "SSE-C(" + customerAlgorithm + ", key MD5 " + customerKeyMd5 + ")"
        : "SSE(" + serverSide + (kmsKeyId == null ? "" : ", " + kmsKeyId) + (bucketKeyEnabled ? ", bucket key" : "") + ")";
  }
}
