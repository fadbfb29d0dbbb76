package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PartInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.UploadInfo;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.checksum.Crc32c;
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

  public MultipartOperations(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  public CompletableFuture<MultipartUpload> create(BucketKey object, ObjectMetadata metadata) {
    return create(object, metadata, false);
  }

  /**
   * Starts an upload; with {@code fullObjectCrc32c} its parts carry CRC32C checksums and the object
   * gets a full-object CRC32C ({@code x-amz-checksum-algorithm: CRC32C}, {@code
   * x-amz-checksum-type: FULL_OBJECT}).
   */
  public CompletableFuture<MultipartUpload> create(BucketKey object, ObjectMetadata metadata, boolean fullObjectCrc32c) {
    S3Call.Builder b = S3Call.builder("CreateMultipartUpload", "POST").bucket(object.bucket()).key(object.key())
        .query("uploads", null).idempotent(false);
    if (fullObjectCrc32c) {
      b.header("x-amz-checksum-algorithm", "CRC32C").header("x-amz-checksum-type", "FULL_OBJECT");
    }
    Headers.metadata(b, metadata);
    S3Call call = b.build();
    return pipeline.execute(call)
        .thenCompose(r -> Xml.read(call, r, S3Xml::readInitiateMultipartUploadResult))
        .thenApply(r -> new MultipartUpload(object, r.uploadId()));
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
    S3Call.Builder b = S3Call.builder("UploadPart", "PUT").bucket(object.bucket()).key(object.key())
        .query("partNumber", Integer.toString(partNumber)).query("uploadId", upload.uploadId())
        .body(hashing == null ? body : hashing);
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

  /**
   * Uploads one part with its CRC32C in {@code x-amz-checksum-crc32c}: the server computes the CRC32C
   * of what it received and refuses a mismatch (BadDigest), so the body is sent as it is (a file
   * region without passing through user space) and not hashed again here.
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body, int crc32c) {
    Validation.partNumber(partNumber);
    Validation.partSize(partNumber, body.contentLength(), true);
    BucketKey object = upload.object();
    String checksum = Crc32c.base64(crc32c);
    S3Call call = S3Call.builder("UploadPart", "PUT").bucket(object.bucket()).key(object.key())
        .query("partNumber", Integer.toString(partNumber)).query("uploadId", upload.uploadId())
        .header("x-amz-checksum-crc32c", checksum).body(body).build();
    return pipeline.execute(call).thenApply(r -> {
      r.close();
      return partWithCrc32c(r, partNumber, object, body.contentLength(), checksum);
    });
  }

  /**
   * Uploads a part with its CRC32C computed while it is sent and carried in an aws-chunked trailer
   * ({@link TrailingCrc32cBody}), for the server to check: the body is read once. For providers that
   * take trailers ({@code acceptsAwsChunkedTrailers}). The part returned carries the CRC32C.
   */
  public CompletableFuture<CompletedPart> uploadPartWithTrailingCrc32c(MultipartUpload upload, int partNumber,
      RequestBody body) {
    Validation.partNumber(partNumber);
    Validation.partSize(partNumber, body.contentLength(), true);
    BucketKey object = upload.object();
    TrailingCrc32cBody chunked = new TrailingCrc32cBody(body);
    S3Call call = S3Call.builder("UploadPart", "PUT").bucket(object.bucket()).key(object.key())
        .query("partNumber", Integer.toString(partNumber)).query("uploadId", upload.uploadId())
        .header("Content-Encoding", "aws-chunked")
        .header("x-amz-decoded-content-length", Long.toString(chunked.decodedLength()))
        .header("x-amz-trailer", TrailingCrc32cBody.TRAILER).body(chunked).build();
    return pipeline.execute(call).thenApply(r -> {
      r.close();
      Integer sent = chunked.crc32c();
      if (sent == null) {
        throw Futures.asCompletion(integrityFailure(r, "part " + partNumber + " of " + object
            + " was answered before its body was sent to the end"));
      }
      return partWithCrc32c(r, partNumber, object, chunked.decodedLength(), Crc32c.base64(sent));
    });
  }

  /** The part the server answered for, sent with CRC32C {@code checksum}, which a value it echoes must match. */
  private static CompletedPart partWithCrc32c(io.s3wire.http.HttpResponse r, int partNumber, BucketKey object, long size,
      String checksum) {
    String echoed = r.headers().first("x-amz-checksum-crc32c").orElse(null);
    if (echoed != null && !echoed.equals(checksum)) {
      throw Futures.asCompletion(integrityFailure(r, "part " + partNumber + " of " + object + " was sent with CRC32C "
          + checksum + " but the server answered " + echoed));
    }
    String eTag = Headers.unquoted(r.headers().first("ETag").orElse(null));
    return new CompletedPart(partNumber, eTag, size, checksum);
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
    S3Call.Builder b = S3Call.builder("UploadPartCopy", "PUT").bucket(object.bucket()).key(object.key())
        .query("partNumber", Integer.toString(partNumber)).query("uploadId", upload.uploadId())
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
    return complete(upload, parts, null);
  }

  /**
   * Completes an upload created with a full-object CRC32C: the parts' CRC32Cs travel in the XML and
   * {@code fullObjectCrc32c} (the parts' combined, {@link Crc32c#combine}) in {@code
   * x-amz-checksum-crc32c}, which the server checks against what it stored; the checksum it answers
   * is checked here too. {@code null}: no object checksum.
   */
  public CompletableFuture<PutObjectResult> complete(MultipartUpload upload, List<CompletedPart> parts, Integer fullObjectCrc32c) {
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
      xmlParts.add(p.checksumCrc32c() == null ? new io.s3wire.xml.CompletedPart(p.partNumber(), Headers.quoted(p.eTag()))
          : new io.s3wire.xml.CompletedPart(p.partNumber(), Headers.quoted(p.eTag()), ChecksumAlgorithm.CRC32C,
              p.checksumCrc32c()));
    }
    byte[] xml = S3Xml.write(new CompleteMultipartUpload(xmlParts));
    BucketKey object = upload.object();
    String expected = fullObjectCrc32c == null ? null : Crc32c.base64(fullObjectCrc32c);
    S3Call.Builder b = S3Call.builder("CompleteMultipartUpload", "POST").bucket(object.bucket()).key(object.key())
        .query("uploadId", upload.uploadId()).header("Content-Type", "application/xml")
        .body(RequestBody.ofBytes(xml)).payloadSha256(Digests.sha256Hex(xml)).idempotent(false);
    if (expected != null) {
      b.header("x-amz-checksum-crc32c", expected).header("x-amz-checksum-type", "FULL_OBJECT");
    }
    S3Call call = b.build();
    return pipeline.execute(call).thenCompose(r -> Xml.read(call, r, S3Xml::readCompleteMultipartUploadResult)
        .thenApply(res -> {
          String made = res.checksums().get(ChecksumAlgorithm.CRC32C);
          if (expected != null && made != null && !expected.equals(made)) {
            throw Futures.asCompletion(integrityFailure(r, "the parts of " + object + " combine to CRC32C " + expected
                + " but the server made " + made + " of them"));
          }
          return new PutObjectResult(object, Headers.unquoted(res.eTag()),
              r.headers().first("x-amz-version-id").orElse(null), parts.size());
        }));
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
