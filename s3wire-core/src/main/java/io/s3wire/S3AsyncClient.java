package io.s3wire;

import io.s3wire.http.RequestBody;
import io.s3wire.internal.ClientCore;
import io.s3wire.internal.CompletionHop;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous S3 client: every operation returns a {@link CompletableFuture}.
 *
 * <p>Thread-safe; share one instance. Futures complete exceptionally with an {@code
 * io.s3wire.error.S3Exception}: a {@code ClientException} for invalid input (nothing was sent), a
 * {@code ServiceException} for an error status, {@code TransportException} or {@code
 * StreamResetException} for what happened on the wire; each carries the attempts made. Bad input is
 * reported through the future too, never thrown from the call.
 *
 * <p>Futures complete on the client's completion executor ({@link
 * S3ClientBuilder#completionExecutor}), never on a transport I/O thread, so dependent stages may
 * block. Cancelling a future, or one derived from it, stops the call: the request is aborted on the
 * wire, a multipart upload it started is aborted, a partly written download file is removed.
 *
 * <p>Requests pass a fixed pipeline: retry, defaults, provider quirks, SigV4 signing (each attempt
 * signed afresh), transport. {@link #close()} closes the transport when this client made it.
 */
public final class S3AsyncClient implements AutoCloseable {
  private final ClientCore core;
  private final S3ClientBuilder origin;
  final AsyncCalls calls;

  S3AsyncClient(ClientCore core, S3ClientBuilder origin, CompletionHop completion) {
    this.core = core;
    this.origin = origin;
    this.calls = new AsyncCalls(completion);
  }

  /** This client completing its futures where the call completes, for {@link S3Client}, which waits anyway. */
  S3AsyncClient withoutCompletionHop() {
    return new S3AsyncClient(core, origin, CompletionHop.DIRECT);
  }

  /**
   * A new builder with default options; {@link S3ClientBuilder#endpoint} and credentials are set on it
   * before {@link S3ClientBuilder#buildAsync()} (or {@code build()} for the blocking client).
   *
   * @return a fresh builder, not shared with anything
   */
  public static S3ClientBuilder builder() {
    return new S3ClientBuilder();
  }

  /**
   * A builder with this client's options that shares its transport (event loop and pools); changing a
   * transport setting on it ({@link S3ClientBuilder#transportConfig}) makes the new client a transport of its own.
   *
   * @return a builder seeded with this client's options; this client is unchanged by what is set on it
   */
  public S3ClientBuilder newBuilder() {
    return origin.copyWithTransport(core.transport());
  }

  /**
   * Makes presigned URLs with this client's endpoint, region and credentials; sends nothing.
   *
   * @return a presigner that resolves credentials from this client's provider each time it signs
   */
  public S3Presigner presigner() {
    return new S3Presigner(core.endpoint(), core.region(), core::credentials, core.pipeline.clock());
  }

  // ---- buckets

  /**
   * Lists the buckets the credentials own (ListBuckets).
   *
   * @return a future of the buckets, in the order the server sent them
   */
  public CompletableFuture<List<Bucket>> listBuckets() {
    return calls.run(core.buckets::listBuckets);
  }

  /**
   * Creates a bucket (CreateBucket) in the client's region; one that already exists fails with
   * BucketAlreadyOwnedByYou or BucketAlreadyExists.
   *
   * @param bucket the bucket name; an invalid name fails the future with a {@code ClientException}
   * @return a future completed once the server accepted the bucket
   */
  public CompletableFuture<Void> createBucket(String bucket) {
    return calls.run(() -> core.buckets.createBucket(bucket));
  }

  /**
   * Deletes an empty bucket; a bucket with objects fails with BucketNotEmpty.
   *
   * @param bucket the bucket name
   * @return a future completed once the bucket is gone
   */
  public CompletableFuture<Void> deleteBucket(String bucket) {
    return calls.run(() -> core.buckets.deleteBucket(bucket));
  }

  /**
   * Completes normally when the bucket exists and is accessible.
   *
   * @param bucket the bucket name
   * @return a future completed when the bucket answers HEAD with success; a missing bucket fails it with a
   *     {@code ServiceException} (404), one without access with 403
   */
  public CompletableFuture<Void> headBucket(String bucket) {
    return calls.run(() -> core.buckets.headBucket(bucket));
  }

  // ---- listing

  /**
   * One page of a listing: the first when {@code token} is {@code null}, else the page after the
   * given {@link ListObjectsPage#nextToken()}.
   *
   * @param request bucket, prefix, delimiter and page size of the listing
   * @param token the continuation token of the previous page, or {@code null} for the first page
   * @return a future of the page
   */
  public CompletableFuture<ListObjectsPage> listObjectsPage(ListObjectsRequest request, String token) {
    return calls.run(() -> core.listings.page(Objects.requireNonNull(request, "request"), token));
  }

  /**
   * A listing as a {@link java.util.concurrent.Flow.Publisher} of pages with back-pressure: a page is
   * fetched only when the subscriber has demand for it, following continuation tokens until the
   * listing is complete. Each subscriber gets its own listing from the first page. Cancelling the
   * subscription cancels the page in flight; a failed page ends the listing with {@code onError}
   * (its {@code S3Exception}). Signals come on the completion executor, never on an I/O thread.
   *
   * @param request the listing to publish; not {@code null}
   * @return a cold publisher: nothing is sent until a subscriber requests a page
   */
  public java.util.concurrent.Flow.Publisher<ListObjectsPage> listObjectsPublisher(ListObjectsRequest request) {
    return ListObjectsPaginator.publisher(this, Objects.requireNonNull(request, "request"));
  }

  // ---- objects

  /**
   * Writes {@code bytes} (not copied: do not change them until the future completes).
   *
   * @param object where to write
   * @param bytes the object's content, used in place
   * @return a future of the server's answer (ETag, version id, checksums)
   */
  public CompletableFuture<PutObjectResult> putObject(BucketKey object, byte[] bytes) {
    return putObject(object, bytes, ObjectMetadata.NONE);
  }

  /**
   * Writes {@code bytes} (not copied) with metadata. Their SHA-256 is computed up front: it signs the
   * payload over plain HTTP and goes as {@code x-amz-checksum-sha256} where the provider accepts it.
   *
   * @param object where to write
   * @param bytes the object's content, used in place
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return a future of the server's answer (ETag, version id, checksums)
   */
  public CompletableFuture<PutObjectResult> putObject(BucketKey object, byte[] bytes, ObjectMetadata metadata) {
    return calls.run(() -> putObject(PutRouting.request(object, metadata), bytes));
  }

  /**
   * Writes {@code bytes} (not copied) as {@code request} says. Their SHA-256 is computed up front: it
   * signs the payload over plain HTTP and goes as {@code x-amz-checksum-sha256} where the provider
   * accepts it, unless the request names another checksum, which is sent instead.
   *
   * @param request the object and the headers to send with it
   * @param bytes the object's content, used in place
   * @return a future of the server's answer (ETag, version id, checksums)
   */
  public CompletableFuture<PutObjectResult> putObject(PutObjectRequest request, byte[] bytes) {
    return calls.run(() -> PutRouting.bytes(core, request, bytes));
  }

  /**
   * Writes a file. Its length is read when the upload starts; over 5 GiB it goes as a multipart upload.
   * A path that is not a regular file fails the future with a {@code ClientException} naming it.
   *
   * @param object where to write
   * @param file the file to send; it must not change while the upload runs
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return a future of the server's answer
   */
  public CompletableFuture<PutObjectResult> putObject(BucketKey object, Path file, ObjectMetadata metadata) {
    return calls.run(() -> putObject(object, RequestBody.ofFile(PutRouting.regularFile(file)), metadata));
  }

  /**
   * Writes what a stream holds, read once: {@code length} bytes, or until its end when {@code length}
   * is {@code -1} (then as a multipart upload of parts read into memory). The caller closes the
   * stream after the future completes.
   *
   * @param object where to write
   * @param in the content; read from a thread other than the caller's, so not used elsewhere meanwhile
   * @param length the number of bytes to send, or {@code -1} when unknown
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return a future of the server's answer
   */
  public CompletableFuture<PutObjectResult> putObject(BucketKey object, InputStream in, long length, ObjectMetadata metadata) {
    return putObject(object, RequestBody.ofStream(in, length), metadata);
  }

  /**
   * Writes a body. A known length up to 5 GiB goes as one PUT whose MD5 is checked against the ETag;
   * an unknown length, or over 5 GiB, as a multipart upload (aborted if any part fails).
   *
   * @param object where to write
   * @param body the content; only a replayable body is retried after a failed attempt
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return a future of the server's answer
   */
  public CompletableFuture<PutObjectResult> putObject(BucketKey object, RequestBody body, ObjectMetadata metadata) {
    return calls.run(() -> putObject(PutRouting.request(object, metadata), body));
  }

  /**
   * Writes a body as {@code request} says (metadata, tags, ACL, encryption, checksum, extras). A known
   * length up to 5 GiB goes as one PUT whose MD5 is checked against the ETag; an unknown length, or
   * over 5 GiB, as a multipart upload (aborted if any part fails) whose CreateMultipartUpload carries
   * the request's headers. A request checksum needs a replayable body of known length: it is computed
   * before sending.
   *
   * @param request the object and the headers to send with it
   * @param body the content; only a replayable body is retried after a failed attempt
   * @return a future of the server's answer
   */
  public CompletableFuture<PutObjectResult> putObject(PutObjectRequest request, RequestBody body) {
    return calls.run(() -> PutRouting.body(core, request, body));
  }

  /**
   * Reads the object, or the request's range, into memory; for large objects prefer
   * {@link #getObjectStream} or {@link #getObjectToFile}.
   *
   * @param request the object, range, conditions and version to read
   * @return a future of the bytes with the object's head
   */
  public CompletableFuture<ObjectBytes> getObjectBytes(GetObjectRequest request) {
    return calls.run(() -> core.downloads.bytes(request));
  }

  /**
   * Reads the whole current version of an object into memory.
   *
   * @param object the object to read
   * @return a future of the bytes with the object's head
   */
  public CompletableFuture<ObjectBytes> getObjectBytes(BucketKey object) {
    return getObjectBytes(GetObjectRequest.of(object));
  }

  /**
   * The object as a stream of bytes as they arrive; the caller must close it.
   *
   * @param request the object, range, conditions and version to read
   * @return a future completed when the head arrived; closing the stream early aborts the transfer
   */
  public CompletableFuture<ObjectStream> getObjectStream(GetObjectRequest request) {
    return calls.run(() -> core.downloads.stream(request));
  }

  /**
   * Writes the object to {@code target} via a temporary file renamed into place when complete.
   *
   * @param request the object, range, conditions and version to read
   * @param target the file to create or replace; untouched if the download fails
   * @return a future of the object's head once the file is in place
   */
  public CompletableFuture<ObjectInfo> getObjectToFile(GetObjectRequest request, Path target) {
    return calls.run(() -> core.downloads.toFile(request, target));
  }

  /**
   * Writes the object, or the request's range, to {@code target} as it arrives (off the event loop,
   * without copying through the heap) and completes with its head once every announced byte was
   * written. The target is not closed; a positional channel lets parallel ranges fill one file.
   *
   * @param request the object, range, conditions and version to read
   * @param target where the bytes go; the caller keeps ownership and closes it
   * @return a future of the object's head
   */
  public CompletableFuture<ObjectInfo> getObject(GetObjectRequest request, java.nio.channels.WritableByteChannel target) {
    return calls.run(() -> core.downloads.toChannel(request, target));
  }

  /**
   * Reads an object's head (HEAD) without its content.
   *
   * @param object the object
   * @return a future of its size, ETag, dates and metadata; a missing object fails it with a 404
   *     {@code ServiceException}
   */
  public CompletableFuture<ObjectInfo> headObject(BucketKey object) {
    return headObject(object, Conditions.NONE);
  }

  /**
   * Reads an object's head under conditions ({@code If-Match}, {@code If-Modified-Since}, ...).
   *
   * @param object the object
   * @param conditions the preconditions; {@link Conditions#NONE} for none
   * @return a future of the head; a failed condition fails it with 412 (or 304 for the
   *     {@code If-None-Match}/{@code If-Modified-Since} forms)
   */
  public CompletableFuture<ObjectInfo> headObject(BucketKey object, Conditions conditions) {
    return calls.run(() -> core.objects.head(object, conditions));
  }

  /**
   * HEAD as {@code request} says: a version, an SSE-C key, stored checksums, extras.
   *
   * @param request the object and what to ask about it
   * @return a future of the object's head
   */
  public CompletableFuture<ObjectInfo> headObject(HeadObjectRequest request) {
    return calls.run(() -> core.objects.head(Objects.requireNonNull(request, "request")));
  }

  /**
   * HEAD asking, with {@code withChecksums}, for the object's stored checksums ({@code
   * x-amz-checksum-mode: ENABLED}; in {@link ObjectInfo#checksums()}). Not sent to providers without
   * flexible checksums. On AWS, SSE-KMS objects then need kms:Decrypt.
   *
   * @param object the object
   * @param conditions the preconditions; {@link Conditions#NONE} for none
   * @param withChecksums whether to ask for the stored checksums
   * @return a future of the head
   */
  public CompletableFuture<ObjectInfo> headObject(BucketKey object, Conditions conditions, boolean withChecksums) {
    return calls.run(() -> core.objects.head(object, conditions, withChecksums));
  }

  /**
   * Deletes the current version of an object; S3 answers success for a key that does not exist too.
   *
   * @param object the object
   * @return a future completed when the server answered
   */
  public CompletableFuture<Void> deleteObject(BucketKey object) {
    return calls.run(() -> core.objects.delete(object));
  }

  /**
   * Deletes an object, or one version of it; the result has the version id and delete-marker flag
   * the server answered.
   *
   * @param request the object and, optionally, the version to delete
   * @return a future of the version id and delete-marker flag the server answered
   */
  public CompletableFuture<DeleteObjectResult> deleteObject(DeleteObjectRequest request) {
    return calls.run(() -> core.objects.delete(Objects.requireNonNull(request, "request")));
  }

  /**
   * Deletes many keys: batches of up to 1,000 (or one DELETE per key where the provider has no batch
   * delete), with a result per key.
   *
   * @param bucket the bucket holding the keys
   * @param keys the keys to delete (copied); may be empty
   * @return a future of the keys deleted and the per-key errors; a key that failed does not fail the future
   */
  public CompletableFuture<DeleteObjectsResult> deleteObjects(String bucket, List<String> keys) {
    return calls.run(() -> core.deletes.deleteObjects(bucket, List.copyOf(keys)));
  }

  /**
   * Copies an object on the server (CopyObject), without its bytes passing through the client.
   *
   * @param request source, target, metadata directive and conditions
   * @return a future of the new object's ETag and version id
   */
  public CompletableFuture<CopyObjectResult> copyObject(CopyObjectRequest request) {
    return calls.run(() -> core.objects.copy(request));
  }

  // ---- multipart

  /**
   * Starts a multipart upload; parts go with {@link #uploadPart} and end with
   * {@link #completeMultipartUpload} or {@link #abortMultipartUpload} (an upload left open keeps its
   * parts stored, and billed, on the server).
   *
   * @param object the object the upload will create
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return a future of the upload (its id)
   */
  public CompletableFuture<MultipartUpload> createMultipartUpload(BucketKey object, ObjectMetadata metadata) {
    return calls.run(() -> core.multipart.create(object, metadata));
  }

  /**
   * Starts an upload with a PUT's headers ({@code request}: metadata, tags, ACL, encryption, extras;
   * a checksum algorithm as {@link #createMultipartUploadWithChecksum}). With a customer key, the
   * upload returned carries it and every part sends it again.
   *
   * @param request the object and the headers the completed object gets
   * @return a future of the upload (its id, and the customer key if one was given)
   */
  public CompletableFuture<MultipartUpload> createMultipartUpload(PutObjectRequest request) {
    return calls.run(() -> core.multipart.create(Objects.requireNonNull(request, "request")));
  }

  /**
   * Starts an upload whose parts carry checksums of {@code algorithm} ({@link #uploadPartWithChecksum})
   * and whose object gets one ({@link #completeMultipartUploadWithChecksum}): FULL_OBJECT for CRC32,
   * CRC32C and CRC64NVME (the parts' values combined), COMPOSITE for SHA1 and SHA256 (S3 offers no
   * other).
   *
   * @param object the object the upload will create
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @param algorithm the checksum algorithm of every part and of the object
   * @return a future of the upload, carrying the algorithm
   */
  public CompletableFuture<MultipartUpload> createMultipartUploadWithChecksum(BucketKey object, ObjectMetadata metadata,
      io.s3wire.checksum.ChecksumAlgorithm algorithm) {
    return calls.run(() -> core.multipart.create(object, metadata, java.util.Objects.requireNonNull(algorithm, "algorithm")));
  }

  /**
   * Uploads a part with its checksum ({@code value}, of {@code algorithm}: the upload's) for the
   * server to check: a mismatch is refused (BadDigest). The body is sent untouched, a file region
   * without copies. A server that refuses the header (NotImplemented, or an InvalidArgument naming
   * it) gets the part once more with Content-MD5 when the body replays; one that answers without
   * echoing the checksum has the part's ETag compared with the MD5 of its bytes (read again). Both
   * are remembered for the endpoint and reported to the listeners as {@link
   * io.s3wire.wire.WireEvent.UploadStepDown} and {@link io.s3wire.wire.WireEvent.ChecksumUnconfirmed}.
   *
   * @param upload the upload, from {@link #createMultipartUploadWithChecksum}
   * @param partNumber the part's number, 1 to 10,000
   * @param body the part's content
   * @param algorithm the upload's checksum algorithm
   * @param value the checksum of the body, raw bytes (not Base64)
   * @return a future of the part (number, ETag, checksum) for the completion
   */
  public CompletableFuture<CompletedPart> uploadPartWithChecksum(MultipartUpload upload, int partNumber,
      RequestBody body, io.s3wire.checksum.ChecksumAlgorithm algorithm, byte[] value) {
    return calls.run(() -> core.multipart.uploadPart(upload, partNumber, body, algorithm, value));
  }

  /**
   * Uploads a part whose checksum is computed while it is sent, in an aws-chunked trailer
   * ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}) the server checks: the body is read once, where
   * {@link #uploadPartWithChecksum} needs the checksum first. For providers whose profile {@code
   * acceptsAwsChunkedTrailers}. The part returned carries the checksum. A server that refuses the
   * trailer (Ceph RGW 16.2 answers 400 XAmzContentSHA256Mismatch) gets the part once more as {@link
   * #uploadPartWithChecksum} does, and the endpoint's later parts go that way; never on BadDigest.
   *
   * @param upload the upload, from {@link #createMultipartUploadWithChecksum}
   * @param partNumber the part's number, 1 to 10,000
   * @param body the part's content
   * @param algorithm the upload's checksum algorithm
   * @return a future of the part (number, ETag, checksum) for the completion
   */
  public CompletableFuture<CompletedPart> uploadPartWithTrailingChecksum(MultipartUpload upload, int partNumber,
      RequestBody body, io.s3wire.checksum.ChecksumAlgorithm algorithm) {
    return calls.run(() -> core.multipart.uploadPartWithTrailingChecksum(upload, partNumber, body, algorithm));
  }

  /**
   * Whether the client speaks to its endpoint over TLS ({@code https}).
   *
   * @return {@code true} for an {@code https} endpoint
   */
  public boolean isTls() {
    return core.endpoint().isTls();
  }

  /**
   * Completes an upload started by {@link #createMultipartUploadWithChecksum}: {@code objectChecksum}
   * (S3's form: for a CRC the parts' values combined in order, {@link
   * io.s3wire.checksum.ChecksumAlgorithm#combine}; for SHA1 and SHA256 {@link
   * io.s3wire.checksum.ChecksumAlgorithm#composite}) goes to the server, which refuses a mismatch,
   * and the checksum it answers must match too.
   *
   * @param upload the upload
   * @param parts every part, in part-number order (copied)
   * @param algorithm the upload's checksum algorithm
   * @param objectChecksum the object's checksum in S3's form, Base64
   * @return a future of the object's ETag, version id and checksum
   */
  public CompletableFuture<PutObjectResult> completeMultipartUploadWithChecksum(MultipartUpload upload,
      List<CompletedPart> parts, io.s3wire.checksum.ChecksumAlgorithm algorithm, String objectChecksum) {
    return calls.run(() -> core.multipart.complete(upload, List.copyOf(parts), java.util.Objects.requireNonNull(algorithm,
        "algorithm"), java.util.Objects.requireNonNull(objectChecksum, "objectChecksum")));
  }

  /**
   * The provider profile the client speaks to (what it accepts: checksums, addressing, ...).
   *
   * @return the profile chosen at build time, or detected from the endpoint
   */
  public io.s3wire.provider.ProviderProfile provider() {
    return core.pipeline.capabilities().profile();
  }

  /**
   * Uploads a part; its MD5 is computed while it is sent and compared with the returned ETag.
   *
   * @param upload the upload
   * @param partNumber the part's number, 1 to 10,000; every part but the last at least 5 MiB
   * @param body the part's content, of known length
   * @return a future of the part (number and ETag) for the completion
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body) {
    return calls.run(() -> core.multipart.uploadPart(upload, partNumber, body));
  }

  /**
   * Uploads a part whose MD5 the caller computed ({@code null}: computed while sending). It is sent
   * as {@code Content-MD5} where the provider accepts it and compared with the returned ETag; a
   * mismatch fails the call naming the object.
   *
   * @param upload the upload
   * @param partNumber the part's number, 1 to 10,000
   * @param body the part's content, of known length
   * @param md5 the body's MD5, 16 raw bytes, or {@code null}
   * @return a future of the part (number and ETag) for the completion
   */
  public CompletableFuture<CompletedPart> uploadPart(MultipartUpload upload, int partNumber, RequestBody body, byte[] md5) {
    return calls.run(() -> core.multipart.uploadPart(upload, partNumber, body, md5));
  }

  /**
   * Copies a byte range of {@code source} ({@code null}: all of it) into a part, on the server
   * (UploadPartCopy), under optional conditions on the source.
   *
   * @param upload the upload
   * @param partNumber the part's number, 1 to 10,000
   * @param source the object to copy from
   * @param range the bytes of {@code source} to copy, or {@code null} for all
   * @param sourceConditions preconditions on the source; {@link Conditions#NONE} for none
   * @return a future of the part (number and ETag) for the completion
   */
  public CompletableFuture<CompletedPart> uploadPartCopy(MultipartUpload upload, int partNumber, BucketKey source,
      Range range, Conditions sourceConditions) {
    return calls.run(() -> core.multipart.uploadPartCopy(upload, partNumber, source, range, sourceConditions));
  }

  /**
   * Completes an upload from its parts: the object appears only now.
   *
   * @param upload the upload
   * @param parts every part, in part-number order (copied)
   * @return a future of the object's ETag and version id
   */
  public CompletableFuture<PutObjectResult> completeMultipartUpload(MultipartUpload upload, List<CompletedPart> parts) {
    return calls.run(() -> core.multipart.complete(upload, List.copyOf(parts)));
  }

  /**
   * Aborts an upload, so the server drops its parts.
   *
   * @param upload the upload
   * @return a future completed once the server answered
   */
  public CompletableFuture<Void> abortMultipartUpload(MultipartUpload upload) {
    return calls.run(() -> core.multipart.abort(upload));
  }

  /**
   * Lists the parts an upload holds so far (every page of ListParts).
   *
   * @param upload the upload
   * @return a future of the parts in part-number order
   */
  public CompletableFuture<List<PartInfo>> listParts(MultipartUpload upload) {
    return calls.run(() -> core.multipart.listParts(upload));
  }

  /**
   * Uploads in progress in {@code bucket}, under {@code prefix} ({@code null} for all).
   *
   * @param bucket the bucket
   * @param prefix the key prefix, or {@code null} for every key
   * @return a future of the uploads (key, upload id, start time)
   */
  public CompletableFuture<List<UploadInfo>> listMultipartUploads(String bucket, String prefix) {
    return calls.run(() -> core.multipart.listUploads(bucket, prefix));
  }

  /**
   * Closes the client: its transport when this client made it (not one shared from another client's
   * {@link #newBuilder()}), and its completion executor when the builder made that. Calls in flight fail.
   */
  @Override
  public void close() {
    core.close();
    calls.close();
  }
}
