package io.s3wire.server.internal.s3;

import io.s3wire.server.AclGrant;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.s3wire.xml.Owner;

/**
 * Access control lists: Get/PutBucketAcl and Get/PutObjectAcl ({@code ?acl}), the ACL headers of
 * PutObject, CopyObject, CreateMultipartUpload and CreateBucket, the bucket's ownership controls
 * (under BucketOwnerEnforced ACLs are disabled: only the owner's FULL_CONTROL may be set, and ACLs
 * grant nothing), the public access block's BlockPublicAcls and IgnorePublicAcls, and whether an
 * unsigned read is let through. What an ACL lets another signed user do is {@link AccessChecks}'.
 *
 * <p>A bucket's ACL is stored as its {@code <AccessControlPolicy>} in the bucket configuration
 * under {@value #CONFIG}; an object's with the object's attributes.
 */
final class AclOps {
  static final String CONFIG = "acl";

  private AclOps() {}

  /** The operation of a request on {@code ?acl}, or {@code null} when it is not one. */
  static Operation resolve(String method, String bucket, String key, Map<String, String> query) {
    if (bucket == null || !query.containsKey("acl")) {
      return null;
    }
    return switch (method) {
      case "PUT" -> key == null ? Operation.PUT_BUCKET_ACL : Operation.PUT_OBJECT_ACL;
      case "GET" -> key == null ? Operation.GET_BUCKET_ACL : Operation.GET_OBJECT_ACL;
      default -> Operation.METHOD_NOT_ALLOWED;
    };
  }

  static void register(Map<Operation, OperationHandler> table) {
    table.put(Operation.PUT_BUCKET_ACL, AclOps::putBucketAcl);
    table.put(Operation.GET_BUCKET_ACL, AclOps::getBucketAcl);
    table.put(Operation.PUT_OBJECT_ACL, AclOps::putObjectAcl);
    table.put(Operation.GET_OBJECT_ACL, AclOps::getObjectAcl);
  }

  static void putBucketAcl(S3Call call) throws IOException {
    call.requireBucket();
    Owner owner = Owners.bucketOwner(call, call.bucket);
    List<AclGrant> grants = allowed(call, requested(call, owner.id(), owner.id()), owner.id());
    call.store().putBucketConfig(call.bucket, CONFIG, Acl.toXml(grants, owner));
    call.respond(200, call.responseHeaders());
  }

  static void getBucketAcl(S3Call call) throws IOException {
    call.requireBucket();
    Owner owner = Owners.bucketOwner(call, call.bucket);
    call.xml(Acl.toXml(bucketAcl(call).orElse(List.of()), owner));
  }

  static void putObjectAcl(S3Call call) throws IOException {
    call.requireBucket();
    String owner = Owners.objectOwner(call, call.store().headObject(call.bucket, call.key).attributes()).id();
    List<AclGrant> grants = allowed(call, requested(call, owner, Owners.bucketOwner(call, call.bucket).id()), owner);
    call.store().replaceObjectAttributes(call.bucket, call.key, a -> a.withAcl(grants));
    call.respond(200, call.responseHeaders());
  }

  static void getObjectAcl(S3Call call) throws IOException {
    call.requireBucket();
    io.s3wire.server.ObjectAttributes a = call.store().headObject(call.bucket, call.key).attributes();
    call.xml(Acl.toXml(a.acl(), Owners.objectOwner(call, a)));
  }

  /**
   * The ACL a PutBucketAcl or PutObjectAcl sets: from its headers or its body, not both
   * (UnexpectedContent), and from one of them (MissingSecurityHeader), as S3 answers.
   */
  private static List<AclGrant> requested(S3Call call, String ownerId, String bucketOwnerId) throws IOException {
    ChecksumHeaders.Claim claim = ChecksumHeaders.claim(call);
    InputStream in = claim == null ? call.body : Checksums.checkedBody(call, claim, claim.algorithm());
    byte[] body = in.readNBytes(XmlIn.MAX_BODY + 1);
    if (body.length > XmlIn.MAX_BODY) {
      throw new S3ErrorException(S3ErrorCode.MALFORMED_ACL_ERROR);
    }
    List<AclGrant> fromHeaders = Acl.fromHeaders(call, ownerId, bucketOwnerId);
    if (fromHeaders != null) {
      if (body.length > 0) {
        throw new S3ErrorException(S3ErrorCode.UNEXPECTED_CONTENT);
      }
      return fromHeaders;
    }
    if (body.length == 0) {
      throw new S3ErrorException(S3ErrorCode.MISSING_SECURITY_HEADER,
          S3ErrorCode.MISSING_SECURITY_HEADER.message(), Map.of("MissingHeaderName", Acl.HEADER));
    }
    return Acl.fromXml(body);
  }

  /**
   * The ACL a write sets from its {@code x-amz-acl} or {@code x-amz-grant-*} headers, checked
   * against the bucket's settings; empty (S3's default) without them.
   */
  static List<AclGrant> forWrite(S3Call call) throws IOException {
    String bucketOwner = Owners.bucketOwner(call, call.bucket).id();
    String owner = Owners.effectiveOwnerId(call, Owners.forWrite(call, call.header(Acl.HEADER)));
    List<AclGrant> grants = Acl.fromHeaders(call, owner, bucketOwner);
    return grants == null ? List.of() : allowed(call, grants, owner);
  }

  /** The ACL of a browser form's {@code acl} field (a canned ACL), checked like a header's; empty without it. */
  static List<AclGrant> forForm(S3Call call, String canned) throws IOException {
    if (canned == null) {
      return List.of();
    }
    String owner = Owners.effectiveOwnerId(call, Owners.forWrite(call, canned));
    return allowed(call, Acl.canned(canned.trim(), owner, Owners.bucketOwner(call, call.bucket).id()), owner);
  }

  /**
   * Refuses {@code grants} where the bucket does not allow them: AccessControlListNotSupported
   * when its ownership controls disable ACLs (only the owner's FULL_CONTROL, which private and
   * bucket-owner-full-control come to, passes), AccessDenied for a grant to everyone or to all
   * authenticated users under BlockPublicAcls.
   */
  private static List<AclGrant> allowed(S3Call call, List<AclGrant> grants, String ownerId) throws IOException {
    if (aclsDisabled(call) && !Acl.ownerOnly(grants, ownerId)) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
    }
    if (publicAccessBlock(call, "BlockPublicAcls") && grants.stream().anyMatch(g -> g.granteeType()
        .equals(AclGrant.GROUP) && !g.grantee().equals(Acl.LOG_DELIVERY))) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
    }
    return grants;
  }

  /**
   * What CreateBucket sets from its ACL headers: {@code null} without them. Checked before the
   * bucket is created: under {@code x-amz-object-ownership: BucketOwnerEnforced} only the owner's
   * FULL_CONTROL is allowed (InvalidBucketAclWithObjectOwnership otherwise, as S3 answers).
   */
  static List<AclGrant> forCreateBucket(S3Call call) {
    String creator = (call.caller != null ? call.caller : call.ctx.users().defaultOwner()).id();
    List<AclGrant> grants = Acl.fromHeaders(call, creator, creator);
    String ownership = call.header("x-amz-object-ownership");
    if (grants != null && ownership != null && ownership.trim().equals("BucketOwnerEnforced")
        && !Acl.ownerOnly(grants, creator)) {
      throw new S3ErrorException(S3ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP);
    }
    return grants;
  }

  /** Stores CreateBucket's ACL once the bucket exists. */
  static void applyToNewBucket(S3Call call, List<AclGrant> grants) throws IOException {
    if (grants != null) {
      call.store().putBucketConfig(call.bucket, CONFIG, Acl.toXml(grants, Owners.bucketOwner(call, call.bucket)));
    }
  }

  /**
   * Whether an unsigned request may read what it addresses because an ACL grants everyone that:
   * GetObject and HeadObject with READ on the object, ListObjects with READ on the bucket,
   * GetObjectAcl and GetBucketAcl with READ_ACP. Never where ACLs are disabled, ignored by the
   * public access block, or the resource is absent (S3 then answers AccessDenied too).
   */
  static boolean allowsUnsigned(S3Call call) throws IOException {
    if (call.bucket == null) {
      return false;
    }
    try {
      if (!call.store().bucketExists(call.bucket) || aclsDisabled(call)
          || publicAccessBlock(call, "IgnorePublicAcls")) {
        return false;
      }
      return switch (call.operation) {
        case GET_OBJECT, HEAD_OBJECT -> Acl.grantsEveryone(objectAcl(call), "READ");
        case GET_OBJECT_ACL -> Acl.grantsEveryone(objectAcl(call), "READ_ACP");
        case LIST_OBJECTS, LIST_OBJECTS_V2 -> Acl.grantsEveryone(bucketAcl(call).orElse(List.of()), "READ");
        case GET_BUCKET_ACL -> Acl.grantsEveryone(bucketAcl(call).orElse(List.of()), "READ_ACP");
        default -> false;
      };
    } catch (S3ErrorException e) {
      return false;
    }
  }

  static List<AclGrant> objectAcl(S3Call call) throws IOException {
    return call.store().headObject(call.bucket, call.key).attributes().acl();
  }

  static Optional<List<AclGrant>> bucketAcl(S3Call call) throws IOException {
    Optional<byte[]> stored = call.store().bucketConfig(call.bucket, CONFIG);
    return stored.isEmpty() ? Optional.empty() : Optional.of(Acl.fromXml(stored.get()));
  }

  /** Whether the bucket's ownership controls are BucketOwnerEnforced, which disables ACLs. */
  static boolean aclsDisabled(S3Call call) throws IOException {
    return aclsDisabled(call, call.bucket);
  }

  /** Whether {@code bucket}'s ownership controls are BucketOwnerEnforced. */
  static boolean aclsDisabled(S3Call call, String bucket) throws IOException {
    return call.store().bucketConfig(bucket, BucketConfigOps.Document.OWNERSHIP_CONTROLS.name)
        .map(d -> new String(d, StandardCharsets.UTF_8).contains("<ObjectOwnership>BucketOwnerEnforced<"))
        .orElse(false);
  }

  /** Whether the bucket's public access block sets {@code flag} (the stored document spells every flag out). */
  static boolean publicAccessBlock(S3Call call, String flag) throws IOException {
    return publicAccessBlock(call, call.bucket, flag);
  }

  /** Whether {@code bucket}'s public access block sets {@code flag}. */
  static boolean publicAccessBlock(S3Call call, String bucket, String flag) throws IOException {
    return call.store().bucketConfig(bucket, BucketConfigOps.Document.PUBLIC_ACCESS_BLOCK.name)
        .map(d -> new String(d, StandardCharsets.UTF_8).contains("<" + flag + ">true<"))
        .orElse(false);
  }
}
