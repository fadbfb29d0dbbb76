package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CustomerKey;
import io.s3wire.DeleteObjectRequest;
import io.s3wire.DeleteObjectResult;
import io.s3wire.HeadObjectRequest;
import io.s3wire.ObjectAcl;
import io.s3wire.PutObjectRequest;
import io.s3wire.ServerSideEncryption;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
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
    return put(PutObjectRequest.of(object).withMetadata(metadata), body, null);
  }

  /**
   * One PUT of bytes already in memory: their SHA-256 is known before sending, so it signs the
   * payload over plain HTTP and, where the profile accepts checksum headers, travels as {@code
   * x-amz-checksum-sha256} for the server to verify.
   */
  public CompletableFuture<PutObjectResult> putBytes(BucketKey object, byte[] bytes, ObjectMetadata metadata) {
    return put(PutObjectRequest.of(object).withMetadata(metadata), RequestBody.ofBytes(bytes), bytes);
  }

  /**
   * One PUT as {@code request} says. {@code bytes}, when the body is an array in memory, gives its
   * SHA-256 up front (signing the payload over plain HTTP, and sent as {@code x-amz-checksum-sha256}
   * where the profile takes it, unless the request names another checksum). A request's checksum is
   * computed over the body first (read on the blocking pool when it is not in memory), sent in
   * {@code x-amz-checksum-*} for the server to check, and compared with what the server echoes.
   */
  public CompletableFuture<PutObjectResult> put(PutObjectRequest request, RequestBody body, byte[] bytes) {
    ChecksumAlgorithm algorithm = request.checksum();
    if (algorithm == null) {
      return putSingle(request, body, bytes == null ? null : Digests.sha256(bytes), null, null);
    }
    if (!pipeline.capabilities().profile().acceptsFlexibleChecksums()) {
      throw new ClientException("checksum", "the " + pipeline.capabilities().profile().name()
          + " provider does not take x-amz-checksum-* headers; send without a checksum algorithm");
    }
    if (bytes != null) {
      return putSingle(request, body, Digests.sha256(bytes), algorithm, algorithm.of(bytes));
    }
    if (!body.isReplayable()) {
      throw new ClientException("checksum", "a " + algorithm + " checksum is computed before sending, so it needs a"
          + " body that can be read twice (a file or an array), not a one-shot stream");
    }
    return CompletableFuture.supplyAsync(() -> BodyDigest.of(body, algorithm.newDigest(), request.object()),
        pipeline.blocking()).thenCompose(value -> putSingle(request, body, null, algorithm, value));
  }

  private CompletableFuture<PutObjectResult> putSingle(PutObjectRequest request, RequestBody body, byte[] sha256,
      ChecksumAlgorithm algorithm, byte[] checksum) {
    BucketKey object = request.object();
    Md5Body md5 = new Md5Body(body);
    S3Call.Builder b = S3Call.builder("PutObject", "PUT").bucket(object.bucket()).key(object.key()).body(md5);
    String sentHeader = null;
    if (sha256 != null) {
      b.payloadSha256(java.util.HexFormat.of().formatHex(sha256));
    }
    if (algorithm != null) {
      sentHeader = algorithm.headerName();
      b.header(sentHeader, algorithm.base64(checksum));
    } else if (sha256 != null && pipeline.capabilities().profile().acceptsFlexibleChecksums()) {
      sentHeader = "x-amz-checksum-sha256";
      b.header(sentHeader, java.util.Base64.getEncoder().encodeToString(sha256));
    }
    String sent = sentHeader == null ? null : algorithm != null ? algorithm.base64(checksum)
        : java.util.Base64.getEncoder().encodeToString(sha256);
    String header = sentHeader;
    objectHeaders(b, request.metadata(), request.tags(), request.acl(), request.encryption(), request.customerKey());
    RequestHeaders.options(b, request.options());
    S3Call call = b.build();
    return pipeline.execute(call).thenApply(response -> {
      response.close();
      String eTag = Headers.unquoted(response.headers().first("ETag").orElse(null));
      checkMd5(object, md5.md5Hex(), eTag, response);
      if (header != null) {
        String echoed = response.headers().first(header).map(String::trim).orElse(null);
        if (echoed != null && !echoed.equals(sent)) {
          TransportException e = new TransportException(TransportException.Kind.IO, "integrity check failed for "
              + object + ": sent " + header + " " + sent + " but the server stored " + echoed, RetrySafety.PROCESSED, null);
          response.attempts().forEach(e::addAttempt);
          throw Futures.asCompletion(e);
        }
        if (echoed == null) {
          boolean checked = eTag != null && isMd5(eTag) && !isKmsEncrypted(response);
          pipeline.encodings().unconfirmed("PutObject", object.toString(), UploadEncoding.HEADER,
              header.substring("x-amz-checksum-".length()).toUpperCase(Locale.ROOT), checked
                  ? "comparing the ETag with the MD5 of the bytes sent" : "nothing: the ETag is not the MD5 of the bytes");
        }
      }
      return new PutObjectResult(object, eTag, response.headers().first("x-amz-version-id").orElse(null), 0);
    });
  }

  /** What a PUT, a CreateMultipartUpload and a copy's target share: metadata, tags, ACL, encryption. */
  static void objectHeaders(S3Call.Builder b, ObjectMetadata metadata, java.util.Map<String, String> tags, ObjectAcl acl,
      ServerSideEncryption encryption, CustomerKey customerKey) {
    Headers.metadata(b, metadata);
    RequestHeaders.tags(b, tags);
    RequestHeaders.acl(b, acl);
    RequestHeaders.encryption(b, encryption);
    RequestHeaders.customerKey(b, customerKey, RequestHeaders.OBJECT_PREFIX);
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
    b.queryIfPresent("versionId", request.versionId());
    if (request.range() != null) {
      b.header("Range", request.range().headerValue());
    }
    Headers.conditions(b, request.conditions(), "");
    RequestHeaders.customerKey(b, request.customerKey(), RequestHeaders.OBJECT_PREFIX);
    RequestHeaders.options(b, request.options());
    return pipeline.execute(b.build());
  }

  public CompletableFuture<ObjectInfo> head(BucketKey object, io.s3wire.Conditions conditions) {
    return head(HeadObjectRequest.of(object).withConditions(conditions));
  }

  /** HEAD asking, with {@code withChecksums}, for the stored checksums; see {@link #head(HeadObjectRequest)}. */
  public CompletableFuture<ObjectInfo> head(BucketKey object, io.s3wire.Conditions conditions, boolean withChecksums) {
    return head(HeadObjectRequest.of(object).withConditions(conditions).withChecksums(withChecksums));
  }

  /**
   * HEAD; {@code withChecksums} asks for the stored checksums ({@code x-amz-checksum-mode: ENABLED},
   * dropped for providers without flexible checksums; on AWS it needs kms:Decrypt for SSE-KMS objects).
   */
  public CompletableFuture<ObjectInfo> head(HeadObjectRequest request) {
    BucketKey object = request.object();
    S3Call.Builder b = S3Call.builder("HeadObject", "HEAD").bucket(object.bucket()).key(object.key());
    b.queryIfPresent("versionId", request.versionId());
    Headers.conditions(b, request.conditions(), "");
    if (request.withChecksums()) {
      b.header("x-amz-checksum-mode", "ENABLED");
    }
    RequestHeaders.customerKey(b, request.customerKey(), RequestHeaders.OBJECT_PREFIX);
    RequestHeaders.options(b, request.options());
    return pipeline.execute(b.build()).thenApply(r -> Bodies.discard(r, Headers.objectInfo(object, r.headers())));
  }

  public CompletableFuture<Void> delete(BucketKey object) {
    return delete(DeleteObjectRequest.of(object)).thenApply(r -> null);
  }

  /** DELETE of the object or one version; the result says which version went and whether it was a delete marker. */
  public CompletableFuture<DeleteObjectResult> delete(DeleteObjectRequest request) {
    BucketKey object = request.object();
    S3Call.Builder b = S3Call.builder("DeleteObject", "DELETE").bucket(object.bucket()).key(object.key());
    b.queryIfPresent("versionId", request.versionId());
    RequestHeaders.options(b, request.options());
    return pipeline.execute(b.build()).thenApply(r -> Bodies.discard(r, new DeleteObjectResult(object,
        r.headers().first("x-amz-version-id").orElse(null),
        r.headers().first("x-amz-delete-marker").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false))));
  }

  public CompletableFuture<CopyObjectResult> copy(CopyObjectRequest request) {
    BucketKey source = request.source();
    BucketKey target = request.target();
    String copySource = UriEncoding.path(source.bucket() + "/" + source.key())
        + (request.sourceVersionId() == null ? "" : "?versionId=" + UriEncoding.query(request.sourceVersionId()));
    S3Call.Builder b = S3Call.builder("CopyObject", "PUT").bucket(target.bucket()).key(target.key())
        .header("x-amz-copy-source", copySource)
        .header("x-amz-metadata-directive", request.directive().name());
    if (request.tags() != null) {
      b.header("x-amz-tagging-directive", "REPLACE");
    }
    objectHeaders(b, request.directive() == MetadataDirective.REPLACE ? request.metadata() : null, request.tags(),
        request.acl(), request.encryption(), request.customerKey());
    RequestHeaders.customerKey(b, request.sourceCustomerKey(), RequestHeaders.COPY_SOURCE_PREFIX);
    Headers.conditions(b, request.sourceConditions(), "x-amz-copy-source-");
    RequestHeaders.options(b, request.options());
    S3Call call = b.build();
    return pipeline.execute(call)
        .thenCompose(r -> Xml.read(call, r, S3Xml::readCopyObjectResult).thenApply(x -> new CopyObjectResult(target,
            Headers.unquoted(x.eTag()), x.lastModified(), r.headers().first("x-amz-version-id").orElse(null),
            r.headers().first("x-amz-copy-source-version-id").orElse(null))));
  }
}
