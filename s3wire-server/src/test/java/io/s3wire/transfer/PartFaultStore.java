package io.s3wire.transfer;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.server.ForwardingTestStore;
import io.s3wire.server.StoredPart;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A memory store whose UploadPart misbehaves for one part number, {@code times} times, after reading
 * the whole body (so the client always sees a complete response): it answers a wrong ETag (the part
 * is stored intact; what a client sees when a part is damaged on the way in), or AccessDenied.
 */
final class PartFaultStore extends ForwardingTestStore {
  enum Fault { WRONG_ETAG, ACCESS_DENIED }

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
}
