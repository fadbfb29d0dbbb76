package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** DeleteObjects: up to 1,000 keys, quiet mode reporting only errors. */
final class DeleteObjectsOp {
  private DeleteObjectsOp() {}

  static void deleteObjects(S3Call call) throws IOException {
    if (call.ctx.profile().deleteObjectsNeedsContentMd5() && call.header("content-md5") == null
        && call.header("x-amz-checksum-crc32") == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-MD5");
    }
    call.requireBucket();
    XmlIn.DeleteRequest req = XmlIn.delete(XmlIn.readBody(call.body, XmlIn.MAX_BODY));
    XmlOut x = XmlOut.document("DeleteResult");
    for (String key : req.keys()) {
      try {
        if (key.getBytes(StandardCharsets.UTF_8).length > ObjectOps.MAX_KEY_BYTES) {
          throw new S3ErrorException(S3ErrorCode.KEY_TOO_LONG);
        }
        call.store().deleteObject(call.bucket, key);
        if (!req.quiet()) {
          x.start("Deleted").element("Key", key).end("Deleted");
        }
      } catch (S3ErrorException e) {
        x.start("Error").element("Key", key).element("Code", e.code().code()).element("Message", e.getMessage())
            .end("Error");
      }
    }
    call.xml(x.finish("DeleteResult"));
  }
}
