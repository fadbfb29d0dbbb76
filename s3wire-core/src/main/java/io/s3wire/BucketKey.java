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
  public BucketKey {
    Validation.bucketName(bucket);
    Validation.key(key);
  }

  public static BucketKey of(String bucket, String key) {
    return new BucketKey(bucket, key);
  }

  /** The same bucket with another key. */
  public BucketKey withKey(String otherKey) {
    return new BucketKey(bucket, otherKey);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
