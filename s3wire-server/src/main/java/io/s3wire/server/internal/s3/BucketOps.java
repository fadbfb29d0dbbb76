package io.s3wire.server.internal.s3;

import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.BucketInfo;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.BucketSummary;
import io.s3wire.xml.ListAllMyBucketsResult;
import io.s3wire.xml.LocationConstraint;
import io.s3wire.xml.Owner;
import io.s3wire.xml.S3Xml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Bucket operations: list, create, delete (only when empty), head, location. */
final class BucketOps {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a", "s3wire");

  private BucketOps() {}

  static void listBuckets(S3Call call) throws IOException {
    List<BucketSummary> buckets = new ArrayList<>();
    for (BucketInfo b : Owners.ownedByCaller(call, call.store().listBuckets())) {
      buckets.add(new BucketSummary(b.name(), b.creationDate()));
    }
    call.xml(S3Xml.write(new ListAllMyBucketsResult(call.caller != null ? call.caller : call.ctx.users().defaultOwner(),
        buckets)));
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
    BucketConfigOps.CreationConfig config = BucketConfigOps.CreationConfig.of(call);
    java.util.List<io.s3wire.server.AclGrant> acl = AclOps.forCreateBucket(call);
    Owners.createBucket(call);
    config.apply(call);
    AclOps.applyToNewBucket(call, acl);
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
    call.xml(S3Xml.write(LocationConstraint.forRegion(call.ctx.profile().expectedRegion())));
  }
}
