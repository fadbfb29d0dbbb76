package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectEncryption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The ETag of an object stored whole, as S3 gives it: the MD5 of the bytes for SSE-S3, but for
 * SSE-KMS and SSE-C (whose ETag S3 documents as not an MD5 of the object data) another 32-hex value,
 * here derived from the MD5 and the key's identity so it is stable for the same bytes under the same
 * key. Clients that compare ETags with MD5s must tell the difference from the response's encryption
 * headers, as on S3.
 */
final class EncryptedETags {
  private EncryptedETags() {}

  /** {@code md5ETag} (quoted hex) for an object encrypted with {@code encryption}. */
  static String etag(String md5ETag, ObjectEncryption encryption) {
    boolean kms = encryption.serverSide() != null && encryption.serverSide().startsWith("aws:kms");
    if (!kms && encryption.customerAlgorithm() == null) {
      return md5ETag;
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    String key = kms ? "kms:" + encryption.kmsKeyId() : "sse-c:" + encryption.customerKeyMd5();
    sha.update(("s3wire-encrypted-etag\n" + key + "\n" + md5ETag).getBytes(StandardCharsets.UTF_8));
    return Digests.quotedHex(Arrays.copyOf(sha.digest(), 16));
  }
}
