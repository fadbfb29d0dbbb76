package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.DeleteObjectsResult;
import io.s3wire.error.ServiceException;
import io.s3wire.http.RequestBody;
import io.s3wire.xml.DeleteError;
import io.s3wire.xml.DeleteRequest;
import io.s3wire.xml.DeletedObject;
import io.s3wire.xml.ObjectIdentifier;
import io.s3wire.xml.S3Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteObjects in batches of at most 1,000 keys (S3's limit; fewer where the profile says), with per-key results; one DELETE per
 * key where the provider has no batch delete; {@code Content-MD5} on the batch where the provider
 * requires it.
 */
public final class DeleteOperations {
  private final Pipeline pipeline;
  private final ObjectOperations objects;

  public DeleteOperations(Pipeline pipeline, ObjectOperations objects) {
    this.pipeline = pipeline;
    this.objects = objects;
  }

  public CompletableFuture<DeleteObjectsResult> deleteObjects(String bucket, List<String> keys) {
    Validation.bucketName(bucket);
    keys.forEach(Validation::key);
    List<String> deleted = new ArrayList<>();
    List<DeleteObjectsResult.Failure> failures = new ArrayList<>();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    boolean batch = pipeline.capabilities().profile().supportsDeleteObjects();
    int size = batch ? pipeline.capabilities().profile().maxDeleteBatch() : 1;
    for (int from = 0; from < keys.size(); from += size) {
      List<String> slice = keys.subList(from, Math.min(keys.size(), from + size));
      chain = chain.thenCompose(v -> batch
          ? batch(bucket, slice, deleted, failures)
          : single(bucket, slice.get(0), deleted, failures));
    }
    return chain.thenApply(v -> new DeleteObjectsResult(deleted, failures));
  }

  private CompletableFuture<Void> batch(
      String bucket, List<String> keys, List<String> deleted, List<DeleteObjectsResult.Failure> failures) {
    List<ObjectIdentifier> ids = new ArrayList<>(keys.size());
    keys.forEach(k -> ids.add(ObjectIdentifier.of(k)));
    byte[] xml = S3Xml.write(new DeleteRequest(false, ids));
    S3Call.Builder b = S3Call.builder("DeleteObjects", "POST").bucket(bucket).query("delete", null)
        .header("Content-Type", "application/xml")
        .body(RequestBody.ofBytes(xml))
        .payloadSha256(Digests.sha256Hex(xml));
    if (pipeline.capabilities().profile().deleteObjectsNeedsContentMd5()) {
      b.header("Content-MD5", Digests.md5Base64(xml));
    }
    S3Call call = b.build();
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readDeleteResult)).thenAccept(r -> {
      synchronized (deleted) {
        for (DeletedObject d : r.deleted()) {
          deleted.add(d.key());
        }
        for (DeleteError e : r.errors()) {
          failures.add(new DeleteObjectsResult.Failure(e.key(), e.code(), e.message()));
        }
      }
    });
  }

  private CompletableFuture<Void> single(
      String bucket, String key, List<String> deleted, List<DeleteObjectsResult.Failure> failures) {
    return objects.delete(new BucketKey(bucket, key)).handle((v, err) -> {
      synchronized (deleted) {
        if (err == null) {
          deleted.add(key);
        } else if (Futures.unwrap(err) instanceof ServiceException se) {
          failures.add(new DeleteObjectsResult.Failure(key, se.errorCode(), se.errorMessage()));
        } else {
          throw Futures.asCompletion(Futures.unwrap(err));
        }
      }
      return null;
    });
  }
}
