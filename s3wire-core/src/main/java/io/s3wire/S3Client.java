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

  public static S3ClientBuilder builder() {
    return new S3ClientBuilder();
  }

  /** The asynchronous client this one waits on. */
  public S3AsyncClient async() {
    return published;
  }

  /** A builder with this client's options that shares its transport. */
  public S3ClientBuilder newBuilder() {
    return async.newBuilder();
  }

  /** Makes presigned URLs with this client's endpoint, region and credentials; sends nothing. */
  public S3Presigner presigner() { return async.presigner(); }

  public List<Bucket> listBuckets() { return Futures.await(async.listBuckets()); }

  public void createBucket(String bucket) { Futures.await(async.createBucket(bucket)); }

  public void deleteBucket(String bucket) { Futures.await(async.deleteBucket(bucket)); }

  public void headBucket(String bucket) { Futures.await(async.headBucket(bucket)); }

  /** A lazy listing: pages are fetched as the iteration reaches them, following continuation tokens. */
  public ListObjectsPaginator listObjects(ListObjectsRequest request) {
    return new ListObjectsPaginator(async, request);
  }

  public ListObjectsPage listObjectsPage(ListObjectsRequest request, String token) {
    return Futures.await(async.listObjectsPage(request, token));
  }

  public PutObjectResult putObject(BucketKey object, byte[] bytes) { return Futures.await(async.putObject(object, bytes)); }

  public PutObjectResult putObject(BucketKey object, byte[] bytes, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, bytes, metadata));
  }

  public PutObjectResult putObject(BucketKey object, Path file, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, file, metadata));
  }

  public PutObjectResult putObject(BucketKey object, InputStream in, long length, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, in, length, metadata));
  }

  public PutObjectResult putObject(BucketKey object, RequestBody body, ObjectMetadata metadata) {
    return Futures.await(async.putObject(object, body, metadata));
  }

  /**
   * Writes {@code bytes} as {@code request} says; see {@link S3AsyncClient#putObject(PutObjectRequest, byte[])}.
   *
   * @param request what to send
   * @param bytes the bytes (not copied)
   * @return the put object result
   */
  public PutObjectResult putObject(PutObjectRequest request, byte[] bytes) {
    return Futures.await(async.putObject(request, bytes));
  }

  /**
   * Writes a body as {@code request} says; see {@link S3AsyncClient#putObject(PutObjectRequest, RequestBody)}.
   *
   * @param request what to send
   * @param body the body
   * @return the put object result
   */
  public PutObjectResult putObject(PutObjectRequest request, RequestBody body) {
    return Futures.await(async.putObject(request, body));
  }

  public ObjectBytes getObjectBytes(GetObjectRequest request) { return Futures.await(async.getObjectBytes(request)); }

  public ObjectBytes getObjectBytes(BucketKey object) { return Futures.await(async.getObjectBytes(object)); }

  /** The caller must close the stream. */
  public ObjectStream getObjectStream(GetObjectRequest request) { return Futures.await(async.getObjectStream(request)); }

  public ObjectInfo getObjectToFile(GetObjectRequest request, Path target) {
    return Futures.await(async.getObjectToFile(request, target));
  }

  public ObjectInfo headObject(BucketKey object) { return Futures.await(async.headObject(object)); }

  public ObjectInfo headObject(BucketKey object, Conditions conditions) { return Futures.await(async.headObject(object, conditions)); }

  /** HEAD, with {@code withChecksums} asking for the stored checksums ({@code x-amz-checksum-mode: ENABLED}). */
  public ObjectInfo headObject(BucketKey object, Conditions conditions, boolean withChecksums) {
    return Futures.await(async.headObject(object, conditions, withChecksums));
  }

  /**
   * HEAD as {@code request} says: a version, an SSE-C key, stored checksums, extras.
   *
   * @param request what to send
   * @return the object info
   */
  public ObjectInfo headObject(HeadObjectRequest request) { return Futures.await(async.headObject(request)); }

  public void deleteObject(BucketKey object) { Futures.await(async.deleteObject(object)); }

  /**
   * Deletes an object or one version; the result has the version id and delete-marker flag answered.
   *
   * @param request what to send
   * @return the delete object result
   */
  public DeleteObjectResult deleteObject(DeleteObjectRequest request) { return Futures.await(async.deleteObject(request)); }

  public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) { return Futures.await(async.deleteObjects(bucket, keys)); }

  public CopyObjectResult copyObject(CopyObjectRequest request) { return Futures.await(async.copyObject(request)); }

  public MultipartUpload createMultipartUpload(BucketKey object, ObjectMetadata metadata) {
    return Futures.await(async.createMultipartUpload(object, metadata));
  }

  /**
   * Starts an upload with a PUT's headers; see {@link S3AsyncClient#createMultipartUpload(PutObjectRequest)}.
   *
   * @param request what to send
   * @return the multipart upload
   */
  public MultipartUpload createMultipartUpload(PutObjectRequest request) {
    return Futures.await(async.createMultipartUpload(request));
  }

  public CompletedPart uploadPart(MultipartUpload upload, int partNumber, RequestBody body) {
    return Futures.await(async.uploadPart(upload, partNumber, body));
  }

  public PutObjectResult completeMultipartUpload(MultipartUpload upload, List<CompletedPart> parts) {
    return Futures.await(async.completeMultipartUpload(upload, parts));
  }

  public void abortMultipartUpload(MultipartUpload upload) { Futures.await(async.abortMultipartUpload(upload)); }

  public List<PartInfo> listParts(MultipartUpload upload) { return Futures.await(async.listParts(upload)); }

  public List<UploadInfo> listMultipartUploads(String bucket, String prefix) {
    return Futures.await(async.listMultipartUploads(bucket, prefix));
  }

  @Override
  public void close() {
    published.close();
  }
}
