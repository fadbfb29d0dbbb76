package io.s3wire.server.internal.s3;

import java.util.EnumMap;
import java.util.Map;

/** The dispatch table: one handler per operation. */
final class Operations {
  private Operations() {}

  static Map<Operation, OperationHandler> table() {
    Map<Operation, OperationHandler> t = new EnumMap<>(Operation.class);
    t.put(Operation.LIST_BUCKETS, BucketOps::listBuckets);
    t.put(Operation.CREATE_BUCKET, BucketOps::createBucket);
    t.put(Operation.DELETE_BUCKET, BucketOps::deleteBucket);
    t.put(Operation.HEAD_BUCKET, BucketOps::headBucket);
    t.put(Operation.GET_BUCKET_LOCATION, BucketOps::getBucketLocation);
    t.put(Operation.GET_BUCKET_VERSIONING, VersioningOps::getBucketVersioning);
    t.put(Operation.PUT_BUCKET_VERSIONING, VersioningOps::putBucketVersioning);
    t.put(Operation.LIST_OBJECTS, ListOps::listObjectsV1);
    t.put(Operation.LIST_OBJECTS_V2, ListOps::listObjectsV2);
    t.put(Operation.LIST_OBJECT_VERSIONS, ListOps::listObjectVersions);
    t.put(Operation.LIST_MULTIPART_UPLOADS, MultipartOps::listUploads);
    t.put(Operation.DELETE_OBJECTS, DeleteObjectsOp::deleteObjects);
    t.put(Operation.PUT_OBJECT, ObjectOps::putObject);
    t.put(Operation.COPY_OBJECT, CopyOps::copyObject);
    t.put(Operation.GET_OBJECT, ObjectOps::getObject);
    t.put(Operation.HEAD_OBJECT, ObjectOps::headObject);
    t.put(Operation.DELETE_OBJECT, ObjectOps::deleteObject);
    t.put(Operation.CREATE_MULTIPART_UPLOAD, MultipartOps::create);
    t.put(Operation.UPLOAD_PART, MultipartOps::uploadPart);
    t.put(Operation.UPLOAD_PART_COPY, CopyOps::uploadPartCopy);
    t.put(Operation.COMPLETE_MULTIPART_UPLOAD, MultipartOps::complete);
    t.put(Operation.ABORT_MULTIPART_UPLOAD, MultipartOps::abort);
    t.put(Operation.LIST_PARTS, MultipartOps::listParts);
    t.put(Operation.POST_OBJECT, PostObjectOp::postObject);
    BucketConfigOps.register(t);
    t.put(Operation.PUT_OBJECT_TAGGING, ObjectTaggingOps::putObjectTagging);
    t.put(Operation.GET_OBJECT_TAGGING, ObjectTaggingOps::getObjectTagging);
    t.put(Operation.DELETE_OBJECT_TAGGING, ObjectTaggingOps::deleteObjectTagging);
    t.put(Operation.PUT_BUCKET_ENCRYPTION, BucketEncryptionOps::putBucketEncryption);
    t.put(Operation.GET_BUCKET_ENCRYPTION, BucketEncryptionOps::getBucketEncryption);
    t.put(Operation.DELETE_BUCKET_ENCRYPTION, BucketEncryptionOps::deleteBucketEncryption);
    t.put(Operation.GET_OBJECT_ATTRIBUTES, AttributesOp::getObjectAttributes);
    AclOps.register(t);
    ObjectLockOps.register(t);
    return t;
  }
}
