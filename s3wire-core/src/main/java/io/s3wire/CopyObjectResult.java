package io.s3wire;

import java.time.Instant;

/**
 * The outcome of a server-side copy.
 *
 * @param target the new object
 * @param eTag its ETag, without quotes
 * @param lastModified its modification time
 * @param versionId its version id ({@code x-amz-version-id}), or {@code null} when not versioned
 * @param sourceVersionId the version copied ({@code x-amz-copy-source-version-id}), or {@code null}
 */
public record CopyObjectResult(BucketKey target, String eTag, Instant lastModified, String versionId,
    String sourceVersionId) {
  /**
   * Without version ids (the form before they were carried).
   *
   * @param target where it goes
   * @param eTag the ETag
   * @param lastModified the modification time
   */
  public CopyObjectResult(BucketKey target, String eTag, Instant lastModified) {
    this(target, eTag, lastModified, null, null);
  }
}
