package io.s3wire;

import io.s3wire.http.RequestBody;
import io.s3wire.internal.Futures;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The blocking S3 client: each method waits for its {@link S3AsyncClient} twin and throws what the
 * future failed with ({@code io.s3wire.error.S3Exception}, never a {@code CompletionException}).
 *
 * <p>Thread-safe; share one instance. See {@link S3AsyncClient} for what each operation does.
 */
public final class S3Client implements AutoCloseable {
  /** The client the methods wait on: it completes where the call completes, sparing a thread hop. */
  private final S3AsyncClient async;
  private final S3AsyncClient published;

  S3Client(S3AsyncClient async) {
    this.published = async;
    this.async = async.withoutCompletionHop();
  }

  /**
   * A new builder with default options; set the endpoint and credentials, then {@code build()}.
   *
   * @return a fresh builder
   */
  public static S3ClientBuilder builder() {
    return new S3ClientBuilder();
  }

  /**
   * The asynchronous client this one waits on.
   *
   * @return the async twin, sharing this client's transport; closing either closes both
   */
  public S3AsyncClient async() {
    return published;
  }

  /**
   * A builder with this client's options that shares its transport.
   *
   * @return a builder seeded with this client's options; see {@link S3AsyncClient#newBuilder()}
   */
  public S3ClientBuilder newBuilder() {
    return async.newBuilder();
  }

  /**
   * Makes presigned URLs with this client's endpoint, region and credentials; sends nothing.
   *
   * @return a presigner using this client's credentials provider
   */
  public S3Presigner presigner() { return async.presigner(); }

  /**
   * Lists the buckets the credentials own.
   *
   * @return the buckets
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public List<Bucket> listBuckets() { return Futures.await(async.listBuckets()); }

  /**
   * Creates a bucket in the client's region; see {@link S3AsyncClient#createBucket}.
   *
   * @param bucket the bucket name
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public void createBucket(String bucket) { Futures.await(async.createBucket(bucket)); }

  /**
   * Deletes an empty bucket; a bucket with objects fails with BucketNotEmpty.
   *
   * @param bucket the bucket name
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public void deleteBucket(String bucket) { Futures.await(async.deleteBucket(bucket)); }

  /**
   * Returns normally when the bucket exists and is accessible.
   *
   * @param bucket the bucket name
   * @throws io.s3wire.error.S3Exception a {@code ServiceException} with 404 for a missing bucket, 403
   *     without access; or another failure of the call
   */
  public void headBucket(String bucket) { Futures.await(async.headBucket(bucket)); }

  /**
   * A lazy listing: pages are fetched as the iteration reaches them, following continuation tokens.
   *
   * @param request bucket, prefix, delimiter and page size of the listing
   * @return an iterable that sends nothing until iterated; a failed page throws from the iteration
   */
  public ListObjectsPaginator listObjects(ListObjectsRequest request) {
    return new ListObjectsPaginator(async, request);
  }

  /**
   * One page of a listing; see {@link S3AsyncClient#listObjectsPage}.
   *
   * @param request the listing
   * @param token the previous page's continuation token, or {@code null} for the first page
   * @return the page
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ListObjectsPage listObjectsPage(ListObjectsRequest request, String token) {
    return Futures.await(async.listObjectsPage(request, token));
  }

  /**
   * Writes {@code bytes}, not copied; see {@link S3AsyncClient#putObject(BucketKey, byte[])}.
   *
   * @param object where to write
   * @param bytes the content
   * @return the server's answer (ETag, version id, checksums)
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult putObject(BucketKey object, byte[] bytes) { return Futures.await(async.putObject(object, bytes)); }

  /**
   * Writes {@code bytes}, not copied, with metadata; see {@link S3AsyncClient#putObject(BucketKey, byte[], ObjectMetadata)}.
   *
   * @param object where to write
   * @param bytes the content
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return the server's answer
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult putObject(BucketKey object, byte[] bytes, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, bytes, metadata));
  }

  /**
   * Writes a file; see {@link S3AsyncClient#putObject(BucketKey, Path, ObjectMetadata)}.
   *
   * @param object where to write
   * @param file a regular file, unchanged while it is sent
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return the server's answer
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult putObject(BucketKey object, Path file, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, file, metadata));
  }

  /**
   * Writes what a stream holds, read once; the caller closes the stream afterwards. See
   * {@link S3AsyncClient#putObject(BucketKey, InputStream, long, ObjectMetadata)}.
   *
   * @param object where to write
   * @param in the content
   * @param length the number of bytes to send, or {@code -1} to read to the end (multipart upload)
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return the server's answer
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult putObject(BucketKey object, InputStream in, long length, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, in, length, metadata));
  }

  /**
   * Writes a body, as one PUT up to 5 GiB of known length, else as a multipart upload; see
   * {@link S3AsyncClient#putObject(BucketKey, RequestBody, ObjectMetadata)}.
   *
   * @param object where to write
   * @param body the content
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return the server's answer
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult putObject(BucketKey object, RequestBody body, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, body, metadata));
  }

  /**
   * Writes {@code bytes} as {@code request} says; see {@link S3AsyncClient#putObject(PutObjectRequest, byte[])}.
   *
   * @param request the object and the headers to send with it
   * @param bytes the object's content, used in place
   * @return the server's answer (ETag, version id, checksums)
   * @throws io.s3wire.error.S3Exception what the call failed with
   */
  public PutObjectResult putObject(PutObjectRequest request, byte[] bytes) {
    return Futures.await(async.putObject(request, bytes));
  }

  /**
   * Writes a body as {@code request} says; see {@link S3AsyncClient#putObject(PutObjectRequest, RequestBody)}.
   *
   * @param request the object and the headers to send with it
   * @param body the content
   * @return the server's answer
   * @throws io.s3wire.error.S3Exception what the call failed with
   */
  public PutObjectResult putObject(PutObjectRequest request, RequestBody body) {
    return Futures.await(async.putObject(request, body));
  }

  /**
   * Reads the object, or the request's range, into memory.
   *
   * @param request the object, range, conditions and version to read
   * @return the bytes with the object's head
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ObjectBytes getObjectBytes(GetObjectRequest request) { return Futures.await(async.getObjectBytes(request)); }

  /**
   * Reads the whole current version of an object into memory.
   *
   * @param object the object
   * @return the bytes with the object's head
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ObjectBytes getObjectBytes(BucketKey object) { return Futures.await(async.getObjectBytes(object)); }

  /**
   * The object as a stream of bytes as they arrive. The caller must close the stream.
   *
   * @param request the object, range, conditions and version to read
   * @return the stream, returned once the head arrived
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ObjectStream getObjectStream(GetObjectRequest request) { return Futures.await(async.getObjectStream(request)); }

  /**
   * Writes the object to {@code target} via a temporary file renamed into place when complete.
   *
   * @param request the object, range, conditions and version to read
   * @param target the file to create or replace; untouched if the download fails
   * @return the object's head
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ObjectInfo getObjectToFile(GetObjectRequest request, Path target) {
    return Futures.await(async.getObjectToFile(request, target));
  }

  /**
   * Reads an object's head without its content.
   *
   * @param object the object
   * @return its size, ETag, dates and metadata
   * @throws io.s3wire.error.S3Exception a {@code ServiceException} with 404 for a missing object, or
   *     another failure of the call
   */
  public ObjectInfo headObject(BucketKey object) { return Futures.await(async.headObject(object)); }

  /**
   * Reads an object's head under preconditions.
   *
   * @param object the object
   * @param conditions the preconditions; {@link Conditions#NONE} for none
   * @return the object's head
   * @throws io.s3wire.error.S3Exception a {@code ServiceException} for a failed condition, or another
   *     failure of the call
   */
  public ObjectInfo headObject(BucketKey object, Conditions conditions) { return Futures.await(async.headObject(object, conditions)); }

  /**
   * HEAD, with {@code withChecksums} asking for the stored checksums ({@code x-amz-checksum-mode: ENABLED}).
   *
   * @param object the object
   * @param conditions the preconditions; {@link Conditions#NONE} for none
   * @param withChecksums whether to ask for the stored checksums (in {@link ObjectInfo#checksums()})
   * @return the object's head
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public ObjectInfo headObject(BucketKey object, Conditions conditions, boolean withChecksums) {
    return Futures.await(async.headObject(object, conditions, withChecksums));
  }

  /**
   * HEAD as {@code request} says: a version, an SSE-C key, stored checksums, extras.
   *
   * @param request the object and what to ask about it
   * @return the object's head
   * @throws io.s3wire.error.S3Exception what the call failed with
   */
  public ObjectInfo headObject(HeadObjectRequest request) { return Futures.await(async.headObject(request)); }

  /**
   * Deletes the current version of an object; a missing key succeeds too, as S3 answers.
   *
   * @param object the object
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public void deleteObject(BucketKey object) { Futures.await(async.deleteObject(object)); }

  /**
   * Deletes an object or one version; the result has the version id and delete-marker flag answered.
   *
   * @param request the object and, optionally, the version to delete
   * @return the version id and delete-marker flag the server answered
   * @throws io.s3wire.error.S3Exception what the call failed with
   */
  public DeleteObjectResult deleteObject(DeleteObjectRequest request) { return Futures.await(async.deleteObject(request)); }

  /**
   * Deletes many keys, in batches of up to 1,000; see {@link S3AsyncClient#deleteObjects}.
   *
   * @param bucket the bucket holding the keys
   * @param keys the keys to delete
   * @return the keys deleted and the per-key errors (a key that failed throws nothing)
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) { return Futures.await(async.deleteObjects(bucket, keys)); }

  /**
   * Copies an object on the server, without its bytes passing through the client.
   *
   * @param request source, target, metadata directive and conditions
   * @return the new object's ETag and version id
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public CopyObjectResult copyObject(CopyObjectRequest request) { return Futures.await(async.copyObject(request)); }

  /**
   * Starts a multipart upload; end it with {@link #completeMultipartUpload} or {@link #abortMultipartUpload}.
   *
   * @param object the object the upload will create
   * @param metadata content type and user metadata; {@link ObjectMetadata#NONE} for none
   * @return the upload (its id)
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public MultipartUpload createMultipartUpload(BucketKey object, ObjectMetadata metadata) {
    return Futures.await(async.createMultipartUpload(object, metadata));
  }

  /**
   * Starts an upload with a PUT's headers; see {@link S3AsyncClient#createMultipartUpload(PutObjectRequest)}.
   *
   * @param request the object and the headers the completed object gets
   * @return the upload
   * @throws io.s3wire.error.S3Exception what the call failed with
   */
  public MultipartUpload createMultipartUpload(PutObjectRequest request) {
    return Futures.await(async.createMultipartUpload(request));
  }

  /**
   * Uploads a part, its MD5 checked against the returned ETag.
   *
   * @param upload the upload
   * @param partNumber the part's number, 1 to 10,000; every part but the last at least 5 MiB
   * @param body the part's content, of known length
   * @return the part (number and ETag) for the completion
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public CompletedPart uploadPart(MultipartUpload upload, int partNumber, RequestBody body) {
    return Futures.await(async.uploadPart(upload, partNumber, body));
  }

  /**
   * Completes an upload from its parts: the object appears only now.
   *
   * @param upload the upload
   * @param parts every part, in part-number order
   * @return the object's ETag and version id
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public PutObjectResult completeMultipartUpload(MultipartUpload upload, List<CompletedPart> parts) {
    return Futures.await(async.completeMultipartUpload(upload, parts));
  }

  /**
   * Aborts an upload, so the server drops its parts.
   *
   * @param upload the upload
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public void abortMultipartUpload(MultipartUpload upload) { Futures.await(async.abortMultipartUpload(upload)); }

  /**
   * Lists the parts an upload holds so far.
   *
   * @param upload the upload
   * @return the parts in part-number order
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public List<PartInfo> listParts(MultipartUpload upload) { return Futures.await(async.listParts(upload)); }

  /**
   * Uploads in progress in {@code bucket}, under {@code prefix}.
   *
   * @param bucket the bucket
   * @param prefix the key prefix, or {@code null} for every key
   * @return the uploads (key, upload id, start time)
   * @throws io.s3wire.error.S3Exception what the call failed with: bad input, an error status, a transport failure
   */
  public List<UploadInfo> listMultipartUploads(String bucket, String prefix) {
    return Futures.await(async.listMultipartUploads(bucket, prefix));
  }

  /**
   * Closes the client and its {@link #async()} twin; see {@link S3AsyncClient#close()}.
   */
  @Override
  public void close() {
    published.close();
  }
}
