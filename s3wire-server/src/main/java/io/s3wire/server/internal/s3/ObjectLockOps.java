package io.s3wire.server.internal.s3;

import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.StoredObject;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.bucketconfig.ObjectLockDocuments;
import io.s3wire.server.internal.bucketconfig.ObjectLockDocuments.Retention;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Put/GetObjectRetention ({@code ?retention} on a key) and Put/GetObjectLegalHold
 * ({@code ?legal-hold}), of the current object or of version {@code versionId}, in a bucket with
 * object lock. The rules are {@link ObjectLocks}'; changes go through the store's in-place
 * attribute change, so a retention is checked against the version it replaces atomically.
 */
final class ObjectLockOps {
  private ObjectLockOps() {}

  /** The operation of {@code ?retention} or {@code ?legal-hold} on a key; {@code null} for anything else. */
  static Operation resolve(String method, String bucket, String key, Map<String, String> query) {
    if (bucket == null || key == null) {
      return null;
    }
    boolean retention = query.containsKey("retention");
    if (!retention && !query.containsKey("legal-hold")) {
      return null;
    }
    return switch (method) {
      case "PUT" -> retention ? Operation.PUT_OBJECT_RETENTION : Operation.PUT_OBJECT_LEGAL_HOLD;
      case "GET" -> retention ? Operation.GET_OBJECT_RETENTION : Operation.GET_OBJECT_LEGAL_HOLD;
      default -> Operation.METHOD_NOT_ALLOWED;
    };
  }

  static void register(Map<Operation, OperationHandler> table) {
    table.put(Operation.PUT_OBJECT_RETENTION, ObjectLockOps::putObjectRetention);
    table.put(Operation.GET_OBJECT_RETENTION, ObjectLockOps::getObjectRetention);
    table.put(Operation.PUT_OBJECT_LEGAL_HOLD, ObjectLockOps::putObjectLegalHold);
    table.put(Operation.GET_OBJECT_LEGAL_HOLD, ObjectLockOps::getObjectLegalHold);
  }

  static void putObjectRetention(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    byte[] body = checkedBody(call);
    Retention next = ObjectLockDocuments.readRetention(body);
    Instant now = ObjectLocks.now(call);
    if (!next.removes()) {
      ObjectLocks.requireFuture(next.retainUntil(), now);
    }
    boolean bypass = ObjectLocks.bypass(call);
    change(call, versionId, a -> ObjectLocks.withRetention(a, next, bypass, now));
  }

  static void getObjectRetention(S3Call call) throws IOException {
    ObjectAttributes a = lockedObject(call).attributes();
    Retention r = ObjectLocks.retention(a);
    if (r == null) {
      throw noLock();
    }
    call.xml(ObjectLockDocuments.retention(r.mode(), r.retainUntil()));
  }

  static void putObjectLegalHold(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    String status = ObjectLockDocuments.readLegalHold(checkedBody(call));
    change(call, versionId, a -> ObjectLocks.withLegalHold(a, status));
  }

  static void getObjectLegalHold(S3Call call) throws IOException {
    String status = lockedObject(call).attributes().header(ObjectLocks.LEGAL_HOLD);
    if (status == null) {
      throw noLock();
    }
    call.xml(ObjectLockDocuments.legalHold(status));
  }

  /**
   * The body of a PUT, after the checks S3 makes first: Content-MD5 or a flexible checksum present
   * (S3 requires one), bucket present with object lock; checked against its checksum at its end.
   */
  private static byte[] checkedBody(S3Call call) throws IOException {
    ChecksumHeaders.Claim claim = ChecksumHeaders.claim(call);
    if (claim == null && call.header("content-md5") == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-Md5");
    }
    call.requireBucket();
    ObjectLocks.requireConfiguration(call);
    InputStream body = claim == null ? call.body : Checksums.checkedBody(call, claim, claim.algorithm());
    return XmlIn.readBody(body, XmlIn.MAX_BODY);
  }

  /** Applies {@code change} to the current object or version {@code versionId}, answering 200. */
  private static void change(S3Call call, String versionId, UnaryOperator<ObjectAttributes> change)
      throws IOException {
    if (versionId == null) {
      call.store().replaceObjectAttributes(call.bucket, call.key, change);
    } else {
      call.store().replaceVersionAttributes(call.bucket, call.key, versionId, change);
    }
    call.respond(200, call.responseHeaders());
  }

  /** The object a GET reads the lock of, in a bucket that has object lock. */
  private static StoredObject lockedObject(S3Call call) throws IOException {
    String versionId = VersioningOps.versionId(call);
    call.requireBucket();
    ObjectLocks.requireConfiguration(call);
    return VersioningOps.head(call.store(), call.bucket, call.key, versionId, false);
  }

  private static S3ErrorException noLock() {
    return new S3ErrorException(S3ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
  }
}
