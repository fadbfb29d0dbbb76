package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.BucketVersioning;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectParts;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.StoredPart;
import io.s3wire.server.StoredUpload;
import io.s3wire.server.VersionEntry;
import io.s3wire.server.WriteCondition;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A store that passes every call to another, after {@link #before(String, boolean)} had its say;
 * decorators override only that hook.
 */
abstract class ForwardingStore implements ObjectStore {
  private final ObjectStore delegate;

  ForwardingStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  /** Called before each delegated call with the method's name and whether it changes the store. */
  abstract void before(String operation, boolean mutating) throws IOException;

  @Override
  public void createBucket(String bucket) throws IOException {
    before("createBucket", true);
    delegate.createBucket(bucket);
  }

  @Override
  public void deleteBucket(String bucket) throws IOException {
    before("deleteBucket", true);
    delegate.deleteBucket(bucket);
  }

  @Override
  public boolean bucketExists(String bucket) throws IOException {
    before("bucketExists", false);
    return delegate.bucketExists(bucket);
  }

  @Override
  public List<BucketInfo> listBuckets() throws IOException {
    before("listBuckets", false);
    return delegate.listBuckets();
  }

  @Override
  public StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    before("putObject", true);
    return delegate.putObject(bucket, key, attributes, checksum, body);
  }

  @Override
  public StoredObject putObject(String bucket, String key, ObjectAttributes attributes, ChecksumAlgorithm checksum,
      InputStream body, WriteCondition condition) throws IOException {
    before("putObject", true);
    return delegate.putObject(bucket, key, attributes, checksum, body, condition);
  }

  @Override
  public StoredObject headObject(String bucket, String key) throws IOException {
    before("headObject", false);
    return delegate.headObject(bucket, key);
  }

  @Override
  public StoredObject replaceObjectAttributes(String bucket, String key,
      java.util.function.UnaryOperator<ObjectAttributes> change) throws IOException {
    before("replaceObjectAttributes", true);
    return delegate.replaceObjectAttributes(bucket, key, change);
  }

  @Override
  public ObjectParts headObjectParts(String bucket, String key) throws IOException {
    before("headObject", false);
    return delegate.headObjectParts(bucket, key);
  }

  @Override
  public ObjectContent getObject(String bucket, String key, long offset, long length) throws IOException {
    before("getObject", false);
    return delegate.getObject(bucket, key, offset, length);
  }

  @Override
  public void deleteObject(String bucket, String key) throws IOException {
    before("deleteObject", true);
    delegate.deleteObject(bucket, key);
  }

  @Override
  public Iterator<StoredObject> listObjects(String bucket, String prefix, String startAfter) throws IOException {
    before("listObjects", false);
    return delegate.listObjects(bucket, prefix, startAfter);
  }

  @Override
  public String createMultipartUpload(String bucket, String key, ObjectAttributes attributes,
      ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) throws IOException {
    before("createMultipartUpload", true);
    return delegate.createMultipartUpload(bucket, key, attributes, checksumAlgorithm, checksumType);
  }

  @Override
  public StoredPart uploadPart(String bucket, String key, String uploadId, int partNumber, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    before("uploadPart", true);
    return delegate.uploadPart(bucket, key, uploadId, partNumber, checksum, body);
  }

  @Override
  public List<StoredPart> listParts(String bucket, String key, String uploadId) throws IOException {
    before("listParts", false);
    return delegate.listParts(bucket, key, uploadId);
  }

  @Override
  public StoredUpload upload(String bucket, String key, String uploadId) throws IOException {
    before("upload", false);
    return delegate.upload(bucket, key, uploadId);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum) throws IOException {
    before("completeMultipartUpload", true);
    return delegate.completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum);
  }

  @Override
  public StoredObject completeMultipartUpload(String bucket, String key, String uploadId, List<Integer> partNumbers,
      String etag, ObjectChecksum checksum, WriteCondition condition) throws IOException {
    before("completeMultipartUpload", true);
    return delegate.completeMultipartUpload(bucket, key, uploadId, partNumbers, etag, checksum, condition);
  }

  @Override
  public void abortMultipartUpload(String bucket, String key, String uploadId) throws IOException {
    before("abortMultipartUpload", true);
    delegate.abortMultipartUpload(bucket, key, uploadId);
  }

  @Override
  public List<StoredUpload> listMultipartUploads(String bucket) throws IOException {
    before("listMultipartUploads", false);
    return delegate.listMultipartUploads(bucket);
  }

  @Override
  public Optional<byte[]> bucketConfig(String bucket, String name) throws IOException {
    before("bucketConfig", false);
    return delegate.bucketConfig(bucket, name);
  }

  @Override
  public void putBucketConfig(String bucket, String name, byte[] document) throws IOException {
    before("putBucketConfig", true);
    delegate.putBucketConfig(bucket, name, document);
  }

  @Override
  public void deleteBucketConfig(String bucket, String name) throws IOException {
    before("deleteBucketConfig", true);
    delegate.deleteBucketConfig(bucket, name);
  }

  @Override
  public BucketVersioning versioning(String bucket) throws IOException {
    before("versioning", false);
    return delegate.versioning(bucket);
  }

  @Override
  public void setVersioning(String bucket, BucketVersioning state) throws IOException {
    before("setVersioning", true);
    delegate.setVersioning(bucket, state);
  }

  @Override
  public VersionEntry version(String bucket, String key, String versionId) throws IOException {
    before("version", false);
    return delegate.version(bucket, key, versionId);
  }

  @Override
  public ObjectContent getObjectVersion(String bucket, String key, String versionId, long offset, long length)
      throws IOException {
    before("getObjectVersion", false);
    return delegate.getObjectVersion(bucket, key, versionId, offset, length);
  }

  @Override
  public StoredObject replaceVersionAttributes(String bucket, String key, String versionId,
      UnaryOperator<ObjectAttributes> change) throws IOException {
    before("replaceVersionAttributes", true);
    return delegate.replaceVersionAttributes(bucket, key, versionId, change);
  }

  @Override
  public VersionEntry delete(String bucket, String key, String versionId) throws IOException {
    before("delete", true);
    return delegate.delete(bucket, key, versionId);
  }

  @Override
  public Iterator<VersionEntry> listVersions(String bucket, String prefix, String keyMarker, String versionIdMarker)
      throws IOException {
    before("listVersions", false);
    return delegate.listVersions(bucket, prefix, keyMarker, versionIdMarker);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
