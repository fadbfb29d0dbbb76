package io.s3wire;

import io.s3wire.error.ClientException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Server-side encryption with keys the server manages: SSE-S3 ({@code AES256}) or SSE-KMS ({@code
 * aws:kms}, {@code aws:kms:dsse}), sent as {@code x-amz-server-side-encryption} and its companions.
 * Keys the caller holds (SSE-C) are a {@link CustomerKey} instead.
 *
 * <p>In a request, the KMS components are refused with {@code AES256}. In a result ({@link
 * ObjectInfo#encryption()}), the components are what the server answered.
 *
 * @param algorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsKeyId the KMS key id or ARN ({@code x-amz-server-side-encryption-aws-kms-key-id}), or
 *     {@code null} for the account's default key
 * @param kmsContext the KMS encryption context, sent as base64 JSON ({@code
 *     x-amz-server-side-encryption-context}); empty: not sent
 * @param bucketKeyEnabled whether to use an S3 bucket key ({@code
 *     x-amz-server-side-encryption-bucket-key-enabled}), or {@code null} for the bucket's setting
 */
public record ServerSideEncryption(String algorithm, String kmsKeyId, Map<String, String> kmsContext, Boolean bucketKeyEnabled) {
  private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

  /**
   * Checks the combination.
   *
   * @throws ClientException naming {@code sse} for an unknown algorithm, or the KMS components given
   *     with {@code AES256}
   * @param algorithm {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
   * @param kmsKeyId the KMS key id or ARN, or {@code null}
   * @param kmsContext the KMS encryption context; {@code null} or empty: not sent
   * @param bucketKeyEnabled whether to use an S3 bucket key, or {@code null} for the bucket's setting
   */
  public ServerSideEncryption {
    if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
      throw new ClientException("sse", "must be AES256, aws:kms or aws:kms:dsse, was " + algorithm);
    }
    kmsContext = kmsContext == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kmsContext));
    boolean kms = algorithm.startsWith("aws:kms");
    if (!kms && (kmsKeyId != null || !kmsContext.isEmpty() || bucketKeyEnabled != null)) {
      throw new ClientException("sse", "a KMS key id, encryption context or bucket key needs aws:kms, not " + algorithm);
    }
    if (kmsKeyId != null && kmsKeyId.isBlank()) {
      throw new ClientException("sse-kms-key-id", "must not be blank");
    }
  }

  /**
   * SSE-S3: S3 encrypts with its own keys ({@code AES256}).
   *
   * @return the server side encryption
   */
  public static ServerSideEncryption s3() {
    return new ServerSideEncryption("AES256", null, Map.of(), null);
  }

  /**
   * SSE-KMS with the account's default KMS key.
   *
   * @return the server side encryption
   */
  public static ServerSideEncryption kms() {
    return new ServerSideEncryption("aws:kms", null, Map.of(), null);
  }

  /**
   * SSE-KMS with the given KMS key id or ARN.
   *
   * @param keyId the KMS key id or ARN
   * @return the server side encryption
   */
  public static ServerSideEncryption kms(String keyId) {
    return new ServerSideEncryption("aws:kms", keyId, Map.of(), null);
  }

  /**
   * This encryption with a KMS encryption context.
   *
   * @param context the KMS encryption context
   * @return a copy with that change
   */
  public ServerSideEncryption withKmsContext(Map<String, String> context) {
    return new ServerSideEncryption(algorithm, kmsKeyId, context, bucketKeyEnabled);
  }

  /**
   * This encryption asking for an S3 bucket key, or not.
   *
   * @param enabled whether to use one
   * @return a copy with that change
   */
  public ServerSideEncryption withBucketKey(boolean enabled) {
    return new ServerSideEncryption(algorithm, kmsKeyId, kmsContext, enabled);
  }
}
