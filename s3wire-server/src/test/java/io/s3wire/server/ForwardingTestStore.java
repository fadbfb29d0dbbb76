package io.s3wire.server;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * A test store that forwards the operations it has to a memory store ({@link #d}); a subclass overrides
 * the ones it makes misbehave. What it does not forward keeps {@link ObjectStore}'s defaults.
 */
public abstract class ForwardingTestStore implements ObjectStore {
  /** The memory store every forwarded call goes to. */
  protected final ObjectStore d = ObjectStore.memory();

  @Override
  public void createBucket(String bucket) throws IOException { d.createBucket(bucket); }

  @Override
  public void deleteBucket(String bucket) throws IOException { d.deleteBucket(bucket); }

  @Override
  public boolean bucketExists(String bucket) throws IOException { return d.bucketExists(bucket); }

  @Override
  public List<BucketInfo> listBuckets() throws IOException { return d.listBuckets(); }

  @Override
  public StoredObject putObject(String bucket, String key, ObjectAttributes a, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    return d.putObject(bucket, key, a, checksum, body);
  }

  @Override
  public StoredObject headObject(String bucket, String key) throws IOException { return d.headObject(bucket, key); }

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException {
    return d.getObject(bucket, key, offset, length);
  }

  @Override
  public void deleteObject(String bucket, String key) throws IOException { d.deleteObject(bucket, key); }

  @Override
  public Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) throws IOException {
    return d.listObjects(bucket, prefix, startAfter);
  }

  @Override
  public String createMultipartUpload(String bucket, String key, ObjectAttributes a, ChecksumAlgorithm algorithm,
      ChecksumType type) throws IOException {
    return d.createMultipartUpload(bucket, key, a, algorithm, type);
  }

  @Override
  public StoredPart uploadPart(String bucket, String key, String uploadId, int n, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    return d.uploadPart(bucket, key, uploadId, n, checksum, body);
  }

  @Override
  public List<StoredPart> listParts(String bucket, String key, String uploadId) throws IOException {
    return d.listParts(bucket, key, uploadId);
  }

  @Override
  public StoredUpload upload(String bucket, String key, String uploadId) throws IOException {
    return d.upload(bucket, key, uploadId);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> parts, String etag,
      ObjectChecksum checksum) throws IOException {
    return d.completeMultipartUpload(bucket, key, uploadId, parts, etag, checksum);
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException {
    d.abortMultipartUpload(bucket, key, uploadId);
  }

  @Override
  public List<StoredUpload> listMultipartUploads(String bucket) throws IOException { return d.listMultipartUploads(bucket); }
}
