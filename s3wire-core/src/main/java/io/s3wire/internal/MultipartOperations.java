package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PartInfo;
import io.s3wire.PutObjectRequest;
import io.s3wire.PutObjectResult;
import io.s3wire.UploadInfo;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import io.s3wire.http.RequestBody;
import io.s3wire.xml.CompleteMultipartUpload;
import io.s3wire.xml.ListMultipartUploadsResult;
import io.s3wire.xml.MultipartUploadSummary;
import io.s3wire.xml.PartSummary;
import io.s3wire.xml.S3Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads. */
public final class MultipartOperations {
  private final Pipeline pipeline;
  private final ObjectOperations objects;
  private final ChecksummedParts checksummed;

  public MultipartOperations(Pipeline pipeline, ObjectOperations objects) {
    this.pipeline = pipeline;
    this.objects = objects;
    this.checksummed = new ChecksummedParts(pipeline);
  }

  public CompletableFuture<MultipartUpload> create(BucketKey object, ObjectMetadata metadata) {
    return create(object, metadata, null);
  }

  /**
   * Starts an upload; with a {@code checksum} algorithm its parts carry checksums of it and the
   * object gets one ({@code x-amz-checksum-algorithm}): FULL_OBJECT for a CRC, COMPOSITE for SHA1
   * and SHA256, which S3 offers as COMPOSITE only ({@code x-amz-checksum-type}).
   */
  public CompletableFuture<MultipartUpload> create(BucketKey object, ObjectMetadata metadata, ChecksumAlgorithm checksum) {
    return create(PutObjectRequest.of(object).withMetadata(metadata).withChecksum(checksum));
  }

  /**
   * Starts an upload with the headers of a PUT ({@code request}): metadata, tags, ACL, encryption. With
   * a customer key, the upload returned carries it so every part sends it again, as S3 requires.
   */
  public CompletableFuture<MultipartUpload> create(PutObjectRequest request) {
    BucketKey object = request.object();
    ChecksumAlgorithm checksum = request.checksum();
    S3Call.Builder b = S3Call.builder("CreateMultipartUpload", "POST").bucket(object.bucket()).key(object.key())
        .query("uploads", null).idempotent(false);
    if (checksum != null) {
      b.header("x-amz-checksum-algorithm", checksum.name()).header("x-amz-checksum-type", checksumType(checksum));
    }
    ObjectOperations.objectHeaders(b, request.metadata(), request.tags(), request.acl(), request.encryption(),
        request.customerKey());
    RequestHeaders.options(b, request.options());
    S3Call call = b.build();
    return pipeline.execute(call)
        .thenCompose(r -> Xml.read(call, r, S3Xml::readInitiateMultipartUploadResult))
        .thenApply(r -> new MultipartUpload(object, r.uploadId(), request.customerKey()))
        .whenComplete((u, err) -> {
          if (err != null) {
            LeftUploads.createFailed(err, object);
          }
        });
  }

  /** The start of a call about one part: its address and, for an SSE-C upload, the customer key. */
  static S3Call.Builder partCall(String operation, MultipartUpload upload, int partNumber) {
    BucketKey object = upload.object();
    S3Call.Builder b = S3Call.builder(operation, "PUT").bucket(object.bucket()).key(object.key())
        .query("partNumber", Integer.toString(partNumber)).query("uploadId", upload.uploadId());
    RequestHeaders.customerKey(b, upload.customerKey(), RequestHeaders.OBJECT_PREFIX);
    return b;
  }

  /**
   * Uploads one part. Its MD5 is computed as it is sent and compared with the part's ETag.
   *
   * @throws ClientException (in the future) for a part number outside 1..10,000 or a part over 5 GiB
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body) {
    return uploadPart(upload, partNumber, body, null);
  }

  /**
   * Uploads one part whose MD5 the caller computed: it travels as {@code Content-MD5} where the
   * profile accepts it (the server then refuses altered bytes with BadDigest) and is compared with
   * the part's ETag; the body is not hashed again. With {@code md5 == null}, as {@link
   * #uploadPart(MultipartUpload, int, RequestBody)}.
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body, byte[] md5) {
    Validation.partNumber(partNumber);
    Validation.partSize(partNumber, body.contentLength(), true);
    BucketKey object = upload.object();
    Md5Body hashing = md5 == null ? new Md5Body(body) : null;
    S3Call.Builder b = partCall("UploadPart", upload, partNumber).body(hashing == null ? body : hashing);
    if (md5 != null && pipeline.capabilities().profile().acceptsContentMd5()) {
      b.header("Content-MD5", java.util.Base64.getEncoder().encodeToString(md5));
    }
    S3Call call = b.build();
    String given = md5 == null ? null : java.util.HexFormat.of().formatHex(md5);
    return pipeline.execute(call).thenApply(r -> {
      r.close();
      String eTag = Headers.unquoted(r.headers().first("ETag").orElse(null));
      ObjectOperations.checkMd5(object, given != null ? given : hashing.md5Hex(), eTag, r);
      return new CompletedPart(partNumber, eTag, body.contentLength());
    });
  }

  /** The type of object checksum an upload with {@code checksum} asks for: FULL_OBJECT where S3 offers it. */
  static String checksumType(ChecksumAlgorithm checksum) {
    return checksum.supportsFullObject() ? "FULL_OBJECT" : "COMPOSITE";
  }

  /**
   * Uploads one part with its checksum in {@code x-amz-checksum-<algorithm>}: the server computes the
   * checksum of what it received and refuses a mismatch (BadDigest), so the body is sent as it is (a
   * file region without passing through user space) and not hashed again here. A server that refuses
   * the header, or ignores it, gets Content-MD5 instead ({@link ChecksummedParts}).
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body,
      ChecksumAlgorithm algorithm, byte[] value) {
    Validation.partNumber(partNumber);
    Validation.partSize(partNumber, body.contentLength(), true);
    return checksummed.withHeader(upload, partNumber, body, algorithm, value);
  }

  /**
   * Uploads a part with its checksum computed while it is sent and carried in an aws-chunked trailer
   * ({@link TrailingChecksumBody}), for the server to check: the body is read once. For providers
   * that take trailers ({@code acceptsAwsChunkedTrailers}); a server that refuses them gets the
   * checksum in a header, then Content-MD5 ({@link ChecksummedParts}). The part returned carries the
   * checksum.
   */
  public CompletableFuture<CompletedPart> uploadPartWithTrailingChecksum(MultipartUpload upload, int partNumber,
      RequestBody body, ChecksumAlgorithm algorithm) {
    Validation.partNumber(partNumber);
    Validation.partSize(partNumber, body.contentLength(), true);
    return checksummed.withTrailer(upload, partNumber, body, algorithm);
  }

  private static TransportException integrityFailure(io.s3wire.http.HttpResponse r, String what) {
    TransportException e = new TransportException(TransportException.Kind.IO, "integrity check failed: " + what,
        RetrySafety.PROCESSED, null);
    r.attempts().forEach(e::addAttempt);
    return e;
  }

  /**
   * Copies {@code range} of {@code source} (the whole object when {@code null}) into part {@code
   * partNumber}, on the server (UploadPartCopy); nothing passes through the client. Idempotent: a
   * retry replaces the part.
   */
  public CompletableFuture<CompletedPart> uploadPartCopy(MultipartUpload upload, int partNumber, BucketKey source,
      io.s3wire.Range range, io.s3wire.Conditions sourceConditions) {
    Validation.partNumber(partNumber);
    BucketKey object = upload.object();
    S3Call.Builder b = partCall("UploadPartCopy", upload, partNumber)
        .header("x-amz-copy-source", UriEncoding.path(source.bucket() + "/" + source.key()));
    if (range != null) {
      b.header("x-amz-copy-source-range", range.headerValue());
    }
    Headers.conditions(b, sourceConditions == null ? io.s3wire.Conditions.NONE : sourceConditions, "x-amz-copy-source-");
    S3Call call = b.build();
    long size = range != null && range.first() >= 0 && range.last() >= 0 ? range.last() - range.first() + 1 : -1;
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readCopyPartResult))
        .thenApply(r -> new CompletedPart(partNumber, Headers.unquoted(r.eTag()), size));
  }

  /**
   * Completes an upload. The parts must be in ascending order without repeats, and every part but
   * the last of known size at least 5 MiB: both checked before anything is sent.
   */
  public CompletableFuture<PutObjectResult> complete(MultipartUpload upload, List<CompletedPart> parts) {
    return complete(upload, parts, null, null);
  }

  /**
   * Completes an upload created with a checksum algorithm: the parts' checksums travel in the XML and
   * {@code objectChecksum} (S3's form: the parts' CRCs combined, or for COMPOSITE the checksum of
   * their checksums and {@code -N}) in {@code x-amz-checksum-<algorithm>}, which the server checks
   * against what it stored; the checksum it answers is checked here too. {@code null}s: none.
   */
  public CompletableFuture<PutObjectResult> complete(MultipartUpload upload, List<CompletedPart> parts,
      ChecksumAlgorithm algorithm, String objectChecksum) {
    if (parts.isEmpty()) {
      throw new ClientException("parts", "a multipart upload needs at least one part");
    }
    List<io.s3wire.xml.CompletedPart> xmlParts = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      CompletedPart p = parts.get(i);
      if (i > 0 && p.partNumber() <= parts.get(i - 1).partNumber()) {
        throw new ClientException("parts", "part numbers must ascend without repeats; "
            + p.partNumber() + " follows " + parts.get(i - 1).partNumber());
      }
      Validation.partSize(p.partNumber(), p.size(), i == parts.size() - 1);
      xmlParts.add(p.checksum() == null ? new io.s3wire.xml.CompletedPart(p.partNumber(), Headers.quoted(p.eTag()))
          : new io.s3wire.xml.CompletedPart(p.partNumber(), Headers.quoted(p.eTag()), p.checksumAlgorithm(),
              p.checksum()));
    }
    byte[] xml = S3Xml.write(new CompleteMultipartUpload(xmlParts));
    BucketKey object = upload.object();
    String expected = algorithm == null ? null : objectChecksum;
    S3Call.Builder b = S3Call.builder("CompleteMultipartUpload", "POST").bucket(object.bucket()).key(object.key())
        .query("uploadId", upload.uploadId()).header("Content-Type", "application/xml")
        .body(RequestBody.ofBytes(xml)).payloadSha256(Digests.sha256Hex(xml)).idempotent(false);
    // S3 needs an SSE-C upload's key to complete it when the upload has a checksum algorithm; sent always, as the SDKs do.
    RequestHeaders.customerKey(b, upload.customerKey(), RequestHeaders.OBJECT_PREFIX);
    if (expected != null) {
      b.header(algorithm.headerName(), expected).header("x-amz-checksum-type", checksumType(algorithm));
    }
    S3Call call = b.build();
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readCompleteMultipartUploadResult)
        .thenApply(res -> {
          String made = algorithm == null ? null : res.checksums().get(algorithm);
          if (expected != null && made != null && !expected.equals(made)) {
            throw Futures.asCompletion(integrityFailure(r, "the parts of " + object + " combine to " + algorithm + " "
                + expected + " but the server made " + made + " of them"));
          }
          if (expected != null && made == null && r.headers().first(algorithm.headerName()).isEmpty()) {
            // S3 answers the object's checksum in the result; a server that says nothing may have ignored it.
            pipeline.encodings().unconfirmed("CompleteMultipartUpload", object.toString(), UploadEncoding.HEADER,
                algorithm.toString(), "the parts' own checks (the transfer engine also compares the object's ETag with"
                    + " the MD5 of the parts' MD5s)");
          }
          return new PutObjectResult(object, Headers.unquoted(res.eTag()),
              r.headers().first("x-amz-version-id").orElse(null), parts.size());
        }))
        .thenCompose(result -> result.eTag() == null || result.eTag().isBlank() ? withStoredETag(result)
            : CompletableFuture.completedFuture(result));
  }

  /**
   * The result with the completed object's ETag from a HEAD, for servers that complete an upload but
   * answer with an empty {@code <ETag>} (Ceph RGW 16.2 does): callers compare it with the MD5 of the
   * parts' MD5s, and an empty one would silently skip that check. Only an ETag of this many parts
   * ({@code <md5>-N}) is taken, so an object written over it meanwhile is not reported as this one;
   * otherwise, or when the HEAD fails (credentials that may write but not read), the result stays as
   * the server answered: the upload itself succeeded.
   */
  private CompletableFuture<PutObjectResult> withStoredETag(PutObjectResult result) {
    return objects.head(result.object(), io.s3wire.Conditions.NONE).handle((info, err) -> {
      String stored = err == null ? info.eTag() : null;
      if (stored == null || !stored.endsWith("-" + result.parts())) {
        return result;
      }
      return new PutObjectResult(result.object(), stored,
          result.versionId() != null ? result.versionId() : info.versionId(), result.parts());
    });
  }

  public CompletableFuture<Void> abort(MultipartUpload upload) {
    BucketKey object = upload.object();
    S3Call call = S3Call.builder("AbortMultipartUpload", "DELETE").bucket(object.bucket()).key(object.key())
        .query("uploadId", upload.uploadId()).build();
    return pipeline.execute(call).thenApply(r -> Bodies.discard(r, null));
  }

  /** Every part uploaded so far, following part-number markers. */
  public CompletableFuture<List<PartInfo>> listParts(MultipartUpload upload) {
    return listParts(upload, 0, new ArrayList<>());
  }

  private CompletableFuture<List<PartInfo>> listParts(MultipartUpload upload, int marker, List<PartInfo> acc) {
    BucketKey object = upload.object();
    S3Call.Builder b = S3Call.builder("ListParts", "GET").bucket(object.bucket()).key(object.key())
        .query("uploadId", upload.uploadId());
    if (marker > 0) {
      b.query("part-number-marker", Integer.toString(marker));
    }
    S3Call call = b.build();
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readListPartsResult)).thenCompose(r -> {
      for (PartSummary p : r.parts()) {
        acc.add(new PartInfo(p.partNumber(), Headers.unquoted(p.eTag()), p.size(), p.lastModified()));
      }
      if (r.truncated() && r.nextPartNumberMarker() > marker) {
        return listParts(upload, r.nextPartNumberMarker(), acc);
      }
      return CompletableFuture.completedFuture(List.copyOf(acc));
    });
  }

  /** Every upload in progress in {@code bucket} under {@code prefix} ({@code null}: all), following markers. */
  public CompletableFuture<List<UploadInfo>> listUploads(String bucket, String prefix) {
    Validation.bucketName(bucket);
    return listUploads(bucket, prefix, null, null, new ArrayList<>());
  }

  private CompletableFuture<List<UploadInfo>> listUploads(
      String bucket, String prefix, String keyMarker, String uploadIdMarker, List<UploadInfo> acc) {
    S3Call call = S3Call.builder("ListMultipartUploads", "GET").bucket(bucket).query("uploads", null)
        .queryIfPresent("prefix", prefix).queryIfPresent("key-marker", keyMarker)
        .queryIfPresent("upload-id-marker", uploadIdMarker).build();
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readListMultipartUploadsResult))
        .thenCompose((ListMultipartUploadsResult r) -> {
          for (MultipartUploadSummary u : r.uploads()) {
            acc.add(new UploadInfo(new MultipartUpload(new BucketKey(bucket, u.key()), u.uploadId()), u.initiated(),
                u.storageClass()));
          }
          if (r.truncated() && r.nextKeyMarker() != null
              && !(r.nextKeyMarker().equals(keyMarker) && java.util.Objects.equals(r.nextUploadIdMarker(), uploadIdMarker))) {
            return listUploads(bucket, prefix, r.nextKeyMarker(), r.nextUploadIdMarker(), acc);
          }
          return CompletableFuture.completedFuture(List.copyOf(acc));
        });
  }
}
