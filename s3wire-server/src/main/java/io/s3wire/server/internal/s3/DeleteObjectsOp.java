package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.VersionEntry;
import io.s3wire.xml.DeleteError;
import io.s3wire.xml.DeleteRequest;
import io.s3wire.xml.DeleteResult;
import io.s3wire.xml.DeletedObject;
import io.s3wire.xml.ObjectIdentifier;
import io.s3wire.xml.S3Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DeleteObjects: up to 1,000 keys or versions, each deleted as DeleteObject would (delete markers
 * reported with DeleteMarker and DeleteMarkerVersionId), quiet mode reporting only errors.
 */
final class DeleteObjectsOp {
  private DeleteObjectsOp() {}

  static void deleteObjects(S3Call call) throws IOException {
    ChecksumHeaders.Claim claim = call.ctx.profile().acceptsFlexibleChecksums() ? ChecksumHeaders.claim(call) : null;
    if (call.ctx.profile().deleteObjectsNeedsContentMd5() && call.header("content-md5") == null && claim == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-MD5");
    }
    call.requireBucket();
    // The body's checksum (the SDKs send one: S3 requires Content-MD5 or a checksum here) is checked like a PUT's.
    java.io.InputStream body = claim == null ? call.body : Checksums.checkedBody(call, claim, claim.algorithm());
    DeleteRequest req = XmlIn.delete(XmlIn.readBody(body, XmlIn.MAX_BODY));
    List<DeletedObject> deleted = new ArrayList<>();
    List<DeleteError> errors = new ArrayList<>();
    ObjectLocks.Guard locks = ObjectLocks.guard(call);
    for (ObjectIdentifier o : req.objects()) {
      String key = o.key();
      try {
        if (key.getBytes(StandardCharsets.UTF_8).length > ObjectOps.MAX_KEY_BYTES) {
          throw new S3ErrorException(S3ErrorCode.KEY_TOO_LONG);
        }
        String versionId = VersioningOps.check(o.versionId(), "VersionId");
        locks.check(key, versionId);
        VersionEntry touched = call.store().delete(call.bucket, key, versionId);
        if (!req.quiet()) {
          boolean marker = touched != null && touched.deleteMarker();
          deleted.add(new DeletedObject(key, versionId, marker ? Boolean.TRUE : null,
              marker ? touched.versionId() : null));
        }
      } catch (S3ErrorException e) {
        errors.add(new DeleteError(key, o.versionId(), e.code().code(), e.getMessage()));
      }
    }
    call.xml(S3Xml.write(new DeleteResult(deleted, errors)));
  }
}
