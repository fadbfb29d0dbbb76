package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.Conditions;
import io.s3wire.CopyObjectRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.Range;
import io.s3wire.S3AsyncClient;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.internal.Futures;
import io.s3wire.internal.LeftUploads;
import io.s3wire.transfer.TransferConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Copies an object on the server: up to the threshold with one CopyObject, above it as a multipart
 * upload whose parts are UploadPartCopy requests of the source's ranges, {@code maxConcurrency} at
 * a time, each under {@code x-amz-copy-source-if-match} of the source's ETag so a concurrent
 * overwrite fails the copy instead of mixing versions. The bytes never pass through the client. The
 * target gets the source's content type, cache control and user metadata. A failure aborts.
 */
final class ServerCopy {
  private final S3AsyncClient client;
  private final TransferConfig config;
  private final BucketKey source;
  private final BucketKey target;
  private final TransferState state;

  ServerCopy(S3AsyncClient client, TransferConfig config, BucketKey source, BucketKey target, TransferState state) {
    this.client = client;
    this.config = config;
    this.source = source;
    this.target = target;
    this.state = state;
  }

  CompletableFuture<PutObjectResult> run() {
    return client.headObject(source).thenCompose(info -> {
      long size = info.contentLength();
      Conditions same = info.eTag() == null ? Conditions.NONE : Conditions.ifMatch(info.eTag());
      if (size <= config.multipartThreshold() && size <= TransferConfig.MAX_PART_SIZE) {
        state.totals(size, 1);
        CopyObjectRequest copy = CopyObjectRequest.of(source, target).withSourceConditions(same);
        return PartRetry.run(() -> client.copyObject(copy), config.partRetry(), state, "copy of " + source)
            .thenApply(r -> {
              state.skipped(size);
              state.partCompleted(0, size);
              return new PutObjectResult(target, r.eTag(), null, 0);
            });
      }
      return multipart(info, size, same);
    });
  }

  private CompletableFuture<PutObjectResult> multipart(ObjectInfo info, long size, Conditions same) {
    long partSize = config.partSizeFor(size);
    List<long[]> plan = new ArrayList<>();
    for (long off = 0; off < size; off += partSize) {
      plan.add(new long[] {plan.size() + 1, off, Math.min(partSize, size - off)});
    }
    state.totals(size, plan.size());
    return client.createMultipartUpload(target, info.metadata()).thenCompose(upload -> {
      Map<Integer, CompletedPart> done = new ConcurrentSkipListMap<>();
      return Parallel.run(plan, config.maxConcurrency(), state, p -> {
        int n = (int) p[0];
        Range range = Range.of(p[1], p[1] + p[2] - 1);
        String name = "part " + n + " (" + range + " of " + source + ") of " + target;
        return PartRetry.run(() -> client.uploadPartCopy(upload, n, source, range, same), config.partRetry(), state, name)
            .thenAccept(part -> {
              done.put(n, part);
              state.skipped(p[2]);
              state.partCompleted(n, p[2]);
            });
      }).thenCompose(v -> complete(upload, new ArrayList<>(done.values())))
          .handle((result, err) -> {
            if (err == null) {
              return CompletableFuture.completedFuture(result);
            }
            Throwable cause = Futures.unwrap(err);
            return client.abortMultipartUpload(upload).handle((x, abortErr) -> {
              if (abortErr != null) {
                LeftUploads.abortFailed(cause, upload, abortErr);
              }
              throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
            }).thenApply(x -> result);
          }).thenCompose(f -> f);
    });
  }

  /** Completes and checks the object's ETag against the MD5 of the parts' ETags the server gave. */
  private CompletableFuture<PutObjectResult> complete(MultipartUpload upload, List<CompletedPart> parts) {
    state.checkCancelled();
    List<byte[]> md5s = new ArrayList<>();
    for (CompletedPart p : parts) {
      md5s.add(Md5.fromETag(p.eTag()));
    }
    String expected = md5s.contains(null) ? null : Md5.multipartETag(md5s);
    return client.completeMultipartUpload(upload, parts).thenApply(r -> {
      if (expected != null && r.eTag() != null && r.eTag().contains("-") && !r.eTag().equalsIgnoreCase(expected)) {
        throw new TransportException(TransportException.Kind.IO, "integrity check failed for " + target + ": the server"
            + " made ETag " + r.eTag() + " but the MD5 of its parts' ETags is " + expected, RetrySafety.PROCESSED, null);
      }
      return r;
    });
  }
}
