package io.s3wire.xml;

import java.time.Instant;

/**
 * One {@code <Bucket>} of ListAllMyBucketsResult.
 *
 * @param bucketRegion the {@code <BucketRegion>} AWS adds on request, or {@code null}
 */
public record BucketSummary(String name, Instant creationDate, String bucketRegion) {
  public BucketSummary(String name, Instant creationDate) {
    this(name, creationDate, null);
  }
}
