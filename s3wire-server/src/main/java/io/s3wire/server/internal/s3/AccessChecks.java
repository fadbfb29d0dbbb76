package io.s3wire.server.internal.s3;

import io.s3wire.server.AclGrant;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.xml.Owner;
import java.io.IOException;
import java.util.List;

/**
 * Whether a signed user may do what a request asks to another user's bucket or object, as S3's
 * ACLs decide it: a bucket's owner may do anything to it and to the objects it owns (reading an
 * object another user owns, or its ACL, needs a grant like anyone's); anyone else needs a grant, to
 * their canonical id, to AuthenticatedUsers or to AllUsers (group grants not under the public access
 * block's IgnorePublicAcls; no grant at all under BucketOwnerEnforced). READ on the bucket lists it,
 * WRITE on the bucket writes and deletes objects in it, READ on an object reads it, READ_ACP and
 * WRITE_ACP read and write an ACL, FULL_CONTROL is all of them, and an object's owner has full
 * control of it. Every other operation (bucket configuration, deleting the bucket, tagging) is the
 * bucket owner's. Refusals are 403 AccessDenied. A bucket that does not exist is left to the
 * operation (NoSuchBucket), as S3 answers it to everyone.
 */
final class AccessChecks {
  private AccessChecks() {}

  /** Refuses the call with AccessDenied unless its caller may do what it asks. */
  static void check(S3Call call) throws IOException {
    if (call.caller == null || call.bucket == null || call.operation == Operation.CREATE_BUCKET
        || !call.store().bucketExists(call.bucket)) {
      return;
    }
    if (!allowed(call, call.bucket)) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
    }
    if ((call.operation == Operation.COPY_OBJECT || call.operation == Operation.UPLOAD_PART_COPY)
        && call.header("x-amz-copy-source") != null) {
      CopyOps.Source src = CopyOps.source(call);
      if (call.store().bucketExists(src.bucket()) && !mayRead(call, src.bucket(), src.key())) {
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
      }
    }
  }

  private static boolean allowed(S3Call call, String bucket) throws IOException {
    String caller = call.caller.id();
    boolean bucketOwner = Owners.bucketOwner(call, bucket).id().equals(caller);
    return switch (call.operation) {
      case GET_OBJECT, HEAD_OBJECT, GET_OBJECT_ATTRIBUTES -> mayRead(call, bucket, call.key);
      case GET_OBJECT_ACL -> objectGrants(call, bucket, call.key, "READ_ACP");
      case PUT_OBJECT_ACL -> objectGrants(call, bucket, call.key, "WRITE_ACP");
      default -> bucketOwner || othersMay(call, bucket);
    };
  }

  /** What a user other than the bucket's owner may do to the bucket and its objects without owning them. */
  private static boolean othersMay(S3Call call, String bucket) throws IOException {
    return switch (call.operation) {
      case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, DELETE_OBJECT, DELETE_OBJECTS, CREATE_MULTIPART_UPLOAD, UPLOAD_PART,
          UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD, ABORT_MULTIPART_UPLOAD, LIST_PARTS ->
          bucketGrants(call, bucket, "WRITE");
      case LIST_OBJECTS, LIST_OBJECTS_V2, LIST_MULTIPART_UPLOADS, HEAD_BUCKET, GET_BUCKET_LOCATION ->
          bucketGrants(call, bucket, "READ");
      case GET_BUCKET_ACL -> bucketGrants(call, bucket, "READ_ACP");
      case PUT_BUCKET_ACL -> bucketGrants(call, bucket, "WRITE_ACP");
      default -> false;
    };
  }

  /**
   * Whether the caller may read {@code key} in {@code bucket}. A missing object is readable (to be
   * answered NoSuchKey) only by the bucket's owner or one who may list the bucket, as S3 hides what a
   * bucket holds from others behind AccessDenied.
   */
  private static boolean mayRead(S3Call call, String bucket, String key) throws IOException {
    return objectGrants(call, bucket, key, "READ");
  }

  private static boolean objectGrants(S3Call call, String bucket, String key, String permission) throws IOException {
    ObjectAttributes a;
    try {
      a = call.store().headObject(bucket, key).attributes();
    } catch (S3ErrorException e) {
      return e.code() == S3ErrorCode.NO_SUCH_KEY
          && (Owners.bucketOwner(call, bucket).id().equals(call.caller.id()) || bucketGrants(call, bucket, "READ"));
    }
    // An object another user wrote is theirs (ObjectWriter, or BucketOwnerPreferred without the
    // bucket owner's full control): even the bucket's owner reads it only by a grant, as in S3.
    // BucketOwnerEnforced makes the bucket's owner the owner of every object, whoever wrote it.
    String owner = a.owner() != null && !AclOps.aclsDisabled(call, bucket) ? a.owner()
        : Owners.bucketOwner(call, bucket).id();
    if (owner.equals(call.caller.id())) {
      return true;
    }
    List<AclGrant> acl = a.acl().isEmpty() ? Acl.ownerFullControl(owner) : a.acl();
    return grants(call, bucket, acl, permission);
  }

  private static boolean bucketGrants(S3Call call, String bucket, String permission) throws IOException {
    List<AclGrant> acl = call.store().bucketConfig(bucket, AclOps.CONFIG).map(Acl::fromXml).orElse(List.of());
    return grants(call, bucket, acl, permission);
  }

  /** Whether {@code acl} gives the caller {@code permission}, as the bucket's settings let ACLs count. */
  private static boolean grants(S3Call call, String bucket, List<AclGrant> acl, String permission)
      throws IOException {
    if (AclOps.aclsDisabled(call, bucket)) {
      return false;
    }
    boolean ignorePublic = AclOps.publicAccessBlock(call, bucket, "IgnorePublicAcls");
    Owner caller = call.caller;
    for (AclGrant g : acl) {
      boolean grantee = g.granteeType().equals(AclGrant.CANONICAL_USER) ? g.grantee().equals(caller.id())
          : !ignorePublic && (g.grantee().equals(Acl.ALL_USERS) || g.grantee().equals(Acl.AUTHENTICATED_USERS));
      if (grantee && (g.permission().equals(permission) || g.permission().equals("FULL_CONTROL"))) {
        return true;
      }
    }
    return false;
  }
}
