package io.s3wire.transfer;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.ObjectChecksum;
import io.s3wire.server.ObjectContent;
import io.s3wire.server.StoredObject;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.StoredUpload;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memory store whose UploadPart misbehaves for one part number, {@code times} times, after reading
 * the whole body (so the client always sees a complete response): it answers a wrong ETag (the part
 * is stored intact; what a client sees when a part is damaged on the way in), or AccessDenied.
 */
final class PartFaultStore implements ObjectStore {
  enum Fault { WRONG_ETAG, ACCESS_DENIED }

  private final ObjectStore d = ObjectStore.memory();
  private final Fault fault;
  private final int partNumber;
  private final AtomicInteger remaining;

  PartFaultStore(Fault fault, int partNumber, int times) {
    this.fault = fault;
    this.partNumber = partNumber;
    this.remaining = new AtomicInteger(times);
  }

  @Override
  public StoredPart uploadPart(String bucket, String key, String uploadId, int n, ChecksumAlgorithm checksum,
      InputStream body) throws IOException {
    if (fault == Fault.ACCESS_DENIED && n == partNumber && remaining.getAndDecrement() > 0) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
    }
    StoredPart p = d.uploadPart(bucket, key, uploadId, n, checksum, body);
    if (fault == Fault.WRONG_ETAG && n == partNumber && remaining.getAndDecrement() > 0) {
      return new StoredPart(n, "\"00000000000000000000000000000000\"", p.size(), p.lastModified(), p.checksum());
    }
    return p;
  }

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
  public String createMultipartUpload(String bucket, String key, ObjectAttributes a, ChecksumAlgorithm checksum,
      ChecksumType type) throws IOException {
    return d.createMultipartUpload(bucket, key, a, checksum, type);
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
