package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CopyObjectRequest;
import io.s3wire.CopyObjectResult;
import io.s3wire.GetObjectRequest;
import io.s3wire.MetadataDirective;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectResult;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.RequestBody;
import io.s3wire.xml.S3Xml;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** PutObject (single part), HeadObject, DeleteObject, CopyObject, and the GET request shared by the readers. */
public final class ObjectOperations {
  private final Pipeline pipeline;

  public ObjectOperations(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * One PUT of a body of known length. The MD5 of the bytes is computed as the transport reads them
   * and compared with the returned ETag; a mismatch fails the call naming the object, whose stored
   * bytes are then suspect.
   */
  public CompletableFuture<PutObjectResult> putSingle(BucketKey object, RequestBody body, ObjectMetadata metadata) {
    return putSingle(object, body, metadata, null);
  }

  /**
   * One PUT of bytes already in memory: their SHA-256 is known before sending, so it signs the
   * payload over plain HTTP and, where the profile accepts checksum headers, travels as {@code
   * x-amz-checksum-sha256} for the server to verify.
   */
  public CompletableFuture<PutObjectResult> putBytes(BucketKey object, byte[] bytes, ObjectMetadata metadata) {
    return putSingle(object, RequestBody.ofBytes(bytes), metadata, Digests.sha256(bytes));
  }

  private CompletableFuture<PutObjectResult> putSingle(
      BucketKey object, RequestBody body, ObjectMetadata metadata, byte[] sha256) {
    Md5Body md5 = new Md5Body(body);
    S3Call.Builder b = S3Call.builder("PutObject", "PUT").bucket(object.bucket()).key(object.key()).body(md5);
    boolean checksumSent = false;
    if (sha256 != null) {
      b.payloadSha256(java.util.HexFormat.of().formatHex(sha256));
      if (pipeline.capabilities().profile().acceptsFlexibleChecksums()) {
        b.header("x-amz-checksum-sha256", java.util.Base64.getEncoder().encodeToString(sha256));
        checksumSent = true;
      }
    }
    boolean confirmable = checksumSent;
    Headers.metadata(b, metadata);
    S3Call call = b.build();
    return pipeline.execute(call).thenApply(response -> {
      response.close();
      String eTag = Headers.unquoted(response.headers().first("ETag").orElse(null));
      checkMd5(object, md5.md5Hex(), eTag, response);
      if (confirmable && response.headers().first("x-amz-checksum-sha256").isEmpty()) {
        boolean checked = eTag != null && isMd5(eTag) && !isKmsEncrypted(response);
        pipeline.encodings().unconfirmed("PutObject", object.toString(), UploadEncoding.HEADER, "SHA256", checked
            ? "comparing the ETag with the MD5 of the bytes sent" : "nothing: the ETag is not the MD5 of the bytes");
      }
      return new PutObjectResult(object, eTag, response.headers().first("x-amz-version-id").orElse(null), 0);
    });
  }

  /** Fails when {@code eTag} is an MD5 (32 hex digits) that differs from what was sent. */
  static void checkMd5(BucketKey object, String sentMd5, String eTag, HttpResponse response) {
    if (sentMd5 == null || eTag == null || !isMd5(eTag) || isKmsEncrypted(response)) {
      return;
    }
    if (!sentMd5.equalsIgnoreCase(eTag)) {
      TransportException e = new TransportException(TransportException.Kind.IO,
          "integrity check failed for " + object + ": the MD5 of the bytes sent is " + sentMd5
              + " but the server stored ETag " + eTag + "; the stored object does not hold what was sent",
          RetrySafety.PROCESSED, null);
      response.attempts().forEach(e::addAttempt);
      throw Futures.asCompletion(e);
    }
  }

  static boolean isMd5(String eTag) {
    return eTag.length() == 32 && eTag.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** SSE-KMS and SSE-C objects have ETags that are not the MD5 of their bytes. */
  static boolean isKmsEncrypted(HttpResponse response) {
    String sse = response.headers().first("x-amz-server-side-encryption").orElse("").toLowerCase(Locale.ROOT);
    return sse.startsWith("aws:kms") || response.headers().contains("x-amz-server-side-encryption-customer-algorithm");
  }

  /** Sends a GET; the response body is the caller's to read or close. */
  public CompletableFuture<HttpResponse> get(GetObjectRequest request) {
    BucketKey object = request.object();
    S3Call.Builder b = S3Call.builder("GetObject", "GET").bucket(object.bucket()).key(object.key());
    if (request.range() != null) {
      b.header("Range", request.range().headerValue());
    }
    Headers.conditions(b, request.conditions(), "");
    return pipeline.execute(b.build());
  }

  public CompletableFuture<ObjectInfo> head(BucketKey object, io.s3wire.Conditions conditions) {
    return head(object, conditions, false);
  }

  /**
   * HEAD; {@code withChecksums} asks for the stored checksums ({@code x-amz-checksum-mode: ENABLED},
   * dropped for providers without flexible checksums; on AWS it needs kms:Decrypt for SSE-KMS objects).
   */
  public CompletableFuture<ObjectInfo> head(BucketKey object, io.s3wire.Conditions conditions, boolean withChecksums) {
    S3Call.Builder b = S3Call.builder("HeadObject", "HEAD").bucket(object.bucket()).key(object.key());
    Headers.conditions(b, conditions, "");
    if (withChecksums) {
      b.header("x-amz-checksum-mode", "ENABLED");
    }
    return pipeline.execute(b.build()).thenApply(r -> Bodies.discard(r, Headers.objectInfo(object, r.headers())));
  }

  public CompletableFuture<Void> delete(BucketKey object) {
    S3Call call = S3Call.builder("DeleteObject", "DELETE").bucket(object.bucket()).key(object.key()).build();
    return pipeline.execute(call).thenApply(r -> Bodies.discard(r, null));
  }

  public CompletableFuture<CopyObjectResult> copy(CopyObjectRequest request) {
    BucketKey source = request.source();
    BucketKey target = request.target();
    S3Call.Builder b = S3Call.builder("CopyObject", "PUT").bucket(target.bucket()).key(target.key())
        .header("x-amz-copy-source", UriEncoding.path(source.bucket() + "/" + source.key()))
        .header("x-amz-metadata-directive", request.directive().name());
    if (request.directive() == MetadataDirective.REPLACE) {
      Headers.metadata(b, request.metadata());
    }
    Headers.conditions(b, request.sourceConditions(), "x-amz-copy-source-");
    S3Call call = b.build();
    return pipeline.execute(call)
        .thenCompose(r -> Xml.read(call, r, S3Xml::readCopyObjectResult))
        .thenApply(r -> new CopyObjectResult(target, Headers.unquoted(r.eTag()), r.lastModified()));
  }
}
