package io.s3wire.internal;

import io.s3wire.Bucket;
import io.s3wire.http.RequestBody;
import io.s3wire.xml.BucketSummary;
import io.s3wire.xml.CreateBucketConfiguration;
import io.s3wire.xml.S3Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** ListBuckets, CreateBucket, DeleteBucket, HeadBucket. */
public final class BucketOperations {
  private final Pipeline pipeline;
  private final String region;

  public BucketOperations(Pipeline pipeline, String region) {
    this.pipeline = pipeline;
    this.region = region;
  }

  /** Every bucket, following continuation tokens when the server pages the answer. */
  public CompletableFuture<List<Bucket>> listBuckets() {
    return listBuckets(null, new ArrayList<>());
  }

  private CompletableFuture<List<Bucket>> listBuckets(String token, List<Bucket> acc) {
    S3Call call = S3Call.builder("ListBuckets", "GET").queryIfPresent("continuation-token", token).build();
    return pipeline.execute(call).thenCompose(resp -> Xml.read(call, resp, S3Xml::readListAllMyBucketsResult))
        .thenCompose(r -> {
      for (BucketSummary b : r.buckets()) {
        acc.add(new Bucket(b.name(), b.creationDate()));
      }
      if (r.continuationToken() != null && !r.continuationToken().isEmpty() && !r.continuationToken().equals(token)) {
        return listBuckets(r.continuationToken(), acc);
      }
      return CompletableFuture.completedFuture(List.copyOf(acc));
    });
  }

  /**
   * Creates a bucket. Outside {@code us-east-1} (and the {@code auto} region of R2 and GCS) the
   * region goes in a CreateBucketConfiguration body, as S3 requires.
   */
  public CompletableFuture<Void> createBucket(String bucket) {
    Validation.bucketName(bucket);
    S3Call.Builder b = S3Call.builder("CreateBucket", "PUT").bucket(bucket);
    if (region != null && !region.equals("us-east-1") && !region.equals("auto")) {
      byte[] xml = S3Xml.write(new CreateBucketConfiguration(region));
      b.body(RequestBody.ofBytes(xml)).payloadSha256(Digests.sha256Hex(xml)).header("Content-Type", "application/xml");
    }
    return pipeline.execute(b.build()).thenApply(r -> Bodies.discard(r, null));
  }

  public CompletableFuture<Void> deleteBucket(String bucket) {
    Validation.bucketName(bucket);
    return pipeline.execute(S3Call.builder("DeleteBucket", "DELETE").bucket(bucket).build())
        .thenApply(r -> Bodies.discard(r, null));
  }

  /** Completes when the bucket exists and is accessible; a 404 fails with NoSuchBucket. */
  public CompletableFuture<Void> headBucket(String bucket) {
    Validation.bucketName(bucket);
    return pipeline.execute(S3Call.builder("HeadBucket", "HEAD").bucket(bucket).build())
        .thenApply(r -> Bodies.discard(r, null));
  }
}
