package io.s3wire;

import io.s3wire.internal.Validation;

/**
 * The address of one object: a bucket and a key.
 *
 * <p>The key is data, taken exactly as given: it is never trimmed, normalised or decoded, so
 * {@code a//b}, {@code ./x} and {@code 100%+?#} are distinct keys that round-trip as written.
 *
 * <p>The constructor throws {@link io.s3wire.error.ClientException} when the bucket name breaks S3's
 * naming rules, or the key is empty or longer than 1,024 bytes in UTF-8.
 *
 * @param bucket the bucket's name
 * @param key the object's key
 */
public record BucketKey(String bucket, String key) {
  /**
   * Checks the address, so an invalid one fails here and nothing is sent.
   *
   * @param bucket the bucket's name, following S3's naming rules
   * @param key the object's key, 1 to 1,024 bytes in UTF-8, kept exactly as given
   * @throws io.s3wire.error.ClientException naming the bucket name or the key that is invalid
   */
  public BucketKey {
    Validation.bucketName(bucket);
    Validation.key(key);
  }

  /**
   * The address of {@code key} in {@code bucket}; the same as the constructor, shorter to read.
   *
   * @param bucket the bucket's name
   * @param key the object's key
   * @return the address
   * @throws io.s3wire.error.ClientException when the bucket name or the key is invalid
   */
  public static BucketKey of(String bucket, String key) {
    return new BucketKey(bucket, key);
  }

  /**
   * The same bucket with another key.
   *
   * @param otherKey the other key, checked as the constructor does
   * @return a new address; this one is unchanged
   */
  public BucketKey withKey(String otherKey) {
    return new BucketKey(bucket, otherKey);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
