package io.s3wire.xml;

/**
 * GetBucketVersioning's answer and PutBucketVersioning's body.
 *
 * @param status {@code Enabled}, {@code Suspended}, or {@code null} for a bucket never versioned
 *     (S3 answers an empty element)
 * @param mfaDelete {@code Enabled}, {@code Disabled}, or {@code null}
 */
public record VersioningConfiguration(String status, String mfaDelete) {
  /** The answer for a bucket that was never versioned. */
  public static VersioningConfiguration unversioned() {
    return new VersioningConfiguration(null, null);
  }
}
