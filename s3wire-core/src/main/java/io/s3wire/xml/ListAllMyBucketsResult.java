package io.s3wire.xml;

import java.util.List;

/**
 * The answer to ListBuckets ({@code GET /}).
 *
 * @param owner the account owner, or {@code null}
 * @param buckets the buckets, in the server's order
 * @param continuationToken the token for the next page (AWS paginated listing), or {@code null}
 * @param prefix the prefix the listing was limited to, or {@code null}
 */
public record ListAllMyBucketsResult(Owner owner, List<BucketSummary> buckets, String continuationToken, String prefix) {
  public ListAllMyBucketsResult {
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
  }

  public ListAllMyBucketsResult(Owner owner, List<BucketSummary> buckets) {
    this(owner, buckets, null, null);
  }
}
