package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.util.regex.Pattern;

/** Bucket operations: list, create, delete (only when empty), head, location, versioning. */
final class BucketOps {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
  static final String OWNER_NAME = "s3wire";

  private BucketOps() {}

  static void listBuckets(S3Call call) throws IOException {
    XmlOut x = XmlOut.document("ListAllMyBucketsResult");
    x.start("Owner").element("ID", OWNER_ID).element("DisplayName", OWNER_NAME).end("Owner");
    x.start("Buckets");
    for (BucketInfo b : call.store().listBuckets()) {
      x.start("Bucket").element("Name", b.name()).element("CreationDate", S3Call.xmlDate(b.creationDate())).end("Bucket");
    }
    x.end("Buckets");
    call.xml(x.finish("ListAllMyBucketsResult"));
  }

  static void validateName(String bucket) {
    if (!NAME.matcher(bucket).matches() || bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")
        || IP.matcher(bucket).matches()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_BUCKET_NAME, "The specified bucket is not valid.",
          java.util.Map.of("BucketName", bucket));
    }
  }

  static void createBucket(S3Call call) throws IOException {
    validateName(call.bucket);
    // The optional CreateBucketConfiguration names a region; this server has one.
    XmlIn.readBody(call.body, XmlIn.MAX_BODY);
    call.store().createBucket(call.bucket);
    HttpHeaders h = call.responseHeaders();
    h.set("location", "/" + call.bucket);
    call.respond(200, h);
  }

  static void deleteBucket(S3Call call) throws IOException {
    call.store().deleteBucket(call.bucket);
    call.respond(204, call.responseHeaders());
  }

  static void headBucket(S3Call call) throws IOException {
    call.requireBucket();
    HttpHeaders h = call.responseHeaders();
    h.set("x-amz-bucket-region", call.ctx.profile().expectedRegion());
    call.respond(200, h);
  }

  static void getBucketLocation(S3Call call) throws IOException {
    call.requireBucket();
    String region = call.ctx.profile().expectedRegion();
    // S3 answers an empty LocationConstraint for us-east-1.
    XmlOut x = XmlOut.document("LocationConstraint");
    String doc = region.equals("us-east-1") ? x.finish("LocationConstraint")
        : x.finish("LocationConstraint").replace("\"></LocationConstraint>", "\">" + region + "</LocationConstraint>");
    call.xml(doc);
  }

  static void getBucketVersioning(S3Call call) throws IOException {
    call.requireBucket();
    // A bucket that was never versioned: no Status element at all.
    call.xml(XmlOut.document("VersioningConfiguration").finish("VersioningConfiguration"));
  }
}
