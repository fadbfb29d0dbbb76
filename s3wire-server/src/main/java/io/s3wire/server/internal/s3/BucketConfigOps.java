package io.s3wire.server.internal.s3;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.bucketconfig.BucketPolicy;
import io.s3wire.server.internal.bucketconfig.BucketTagging;
import io.s3wire.server.internal.bucketconfig.CorsRules;
import io.s3wire.server.internal.bucketconfig.LifecycleRules;
import io.s3wire.server.internal.bucketconfig.ObjectLockConfiguration;
import io.s3wire.server.internal.bucketconfig.OwnershipControls;
import io.s3wire.server.internal.bucketconfig.PublicAccessBlock;
import io.s3wire.xml.internal.XmlOut;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Bucket configuration sub-resources (tagging, cors, lifecycle, publicAccessBlock, policy,
 * ownershipControls, object-lock): each PUT validates its document as S3 does and stores it in the
 * bucket's configuration ({@link io.s3wire.server.ObjectStore#putBucketConfig}), GET returns it or
 * S3's "no such configuration" error, DELETE removes it.
 */
final class BucketConfigOps {
  /** A sub-resource: its store name, the error of a GET when absent, and how a PUT body is checked. */
  enum Document {
    TAGGING("tagging", S3ErrorCode.NO_SUCH_TAG_SET, BucketTagging::validate, true,
        Operation.PUT_BUCKET_TAGGING, Operation.GET_BUCKET_TAGGING, Operation.DELETE_BUCKET_TAGGING),
    CORS("cors", S3ErrorCode.NO_SUCH_CORS_CONFIGURATION, CorsRules::validate, true,
        Operation.PUT_BUCKET_CORS, Operation.GET_BUCKET_CORS, Operation.DELETE_BUCKET_CORS),
    LIFECYCLE("lifecycle", S3ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION, LifecycleRules::validate, true,
        Operation.PUT_BUCKET_LIFECYCLE, Operation.GET_BUCKET_LIFECYCLE, Operation.DELETE_BUCKET_LIFECYCLE),
    PUBLIC_ACCESS_BLOCK("publicAccessBlock", S3ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION,
        PublicAccessBlock::validate, false, Operation.PUT_BUCKET_PUBLIC_ACCESS_BLOCK,
        Operation.GET_BUCKET_PUBLIC_ACCESS_BLOCK, Operation.DELETE_BUCKET_PUBLIC_ACCESS_BLOCK),
    POLICY("policy", S3ErrorCode.NO_SUCH_BUCKET_POLICY, BucketPolicy::validate, false,
        Operation.PUT_BUCKET_POLICY, Operation.GET_BUCKET_POLICY, Operation.DELETE_BUCKET_POLICY),
    OWNERSHIP_CONTROLS("ownershipControls", S3ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND, OwnershipControls::validate,
        false, Operation.PUT_BUCKET_OWNERSHIP_CONTROLS, Operation.GET_BUCKET_OWNERSHIP_CONTROLS,
        Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS),
    /** S3 has no DeleteObjectLockConfiguration: once enabled, object lock stays. */
    OBJECT_LOCK("object-lock", S3ErrorCode.OBJECT_LOCK_CONFIGURATION_NOT_FOUND, ObjectLockConfiguration::validate,
        true, Operation.PUT_BUCKET_OBJECT_LOCK, Operation.GET_BUCKET_OBJECT_LOCK, null);

    final String name;
    final S3ErrorCode absent;
    final UnaryOperator<byte[]> validator;
    /** Whether S3 requires Content-MD5 or a flexible checksum on the PUT. */
    final boolean integrityRequired;
    final Operation put;
    final Operation get;
    final Operation delete;

    Document(String name, S3ErrorCode absent, UnaryOperator<byte[]> validator, boolean integrityRequired,
        Operation put, Operation get, Operation delete) {
      this.name = name;
      this.absent = absent;
      this.validator = validator;
      this.integrityRequired = integrityRequired;
      this.put = put;
      this.get = get;
      this.delete = delete;
    }
  }

  private static final Map<String, Document> BY_QUERY = Map.of("tagging", Document.TAGGING, "cors", Document.CORS,
      "lifecycle", Document.LIFECYCLE, "publicAccessBlock", Document.PUBLIC_ACCESS_BLOCK, "policy", Document.POLICY,
      "ownershipControls", Document.OWNERSHIP_CONTROLS, "object-lock", Document.OBJECT_LOCK);

  private BucketConfigOps() {}

  /**
   * The operation of a request on a bucket configuration sub-resource or an OPTIONS preflight, or
   * {@code null} when the request is none of those.
   */
  static Operation resolve(String method, String bucket, String key, Map<String, String> query) {
    if (method.equals("OPTIONS")) {
      return bucket == null ? null : Operation.OPTIONS_OBJECT;
    }
    if (bucket == null || key != null) {
      return null;
    }
    if (query.containsKey("policyStatus")) {
      return method.equals("GET") ? Operation.GET_BUCKET_POLICY_STATUS : Operation.METHOD_NOT_ALLOWED;
    }
    for (Map.Entry<String, Document> e : BY_QUERY.entrySet()) {
      if (!query.containsKey(e.getKey())) {
        continue;
      }
      Operation op = switch (method) {
        case "PUT" -> e.getValue().put;
        case "GET" -> e.getValue().get;
        case "DELETE" -> e.getValue().delete;
        default -> null;
      };
      return op == null ? Operation.METHOD_NOT_ALLOWED : op;
    }
    return null;
  }

  static void register(Map<Operation, OperationHandler> table) {
    for (Document d : Document.values()) {
      table.put(d.put, call -> put(call, d));
      table.put(d.get, call -> get(call, d));
      if (d.delete != null) {
        table.put(d.delete, call -> delete(call, d));
      }
    }
    table.put(Operation.GET_BUCKET_POLICY_STATUS, BucketConfigOps::getPolicyStatus);
    table.put(Operation.OPTIONS_OBJECT, Cors::preflight);
  }

  static void put(S3Call call, Document d) throws IOException {
    ChecksumHeaders.Claim claim = ChecksumHeaders.claim(call);
    if (d.integrityRequired && claim == null && call.header("content-md5") == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-Md5");
    }
    call.requireBucket();
    if (d == Document.OBJECT_LOCK && call.store().bucketConfig(call.bucket, d.name).isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.INVALID_BUCKET_STATE);
    }
    InputStream body = claim == null ? call.body : Checksums.checkedBody(call, claim, claim.algorithm());
    byte[] document = d.validator.apply(readFully(body, d == Document.POLICY));
    call.store().putBucketConfig(call.bucket, d.name, document);
    HttpHeaders h = call.responseHeaders();
    if (d == Document.LIFECYCLE) {
      h.set("x-amz-transition-default-minimum-object-size", "all_storage_classes_128K");
    }
    call.respond(d == Document.POLICY || d == Document.TAGGING ? 204 : 200, h);
  }

  /** Reads the whole (small) body, so the checksums are checked at its end before anything is validated. */
  private static byte[] readFully(InputStream body, boolean policy) throws IOException {
    byte[] b = body.readNBytes(XmlIn.MAX_BODY + 1);
    if (b.length > XmlIn.MAX_BODY) {
      throw new S3ErrorException(policy ? S3ErrorCode.MALFORMED_POLICY : S3ErrorCode.MALFORMED_XML);
    }
    return b;
  }

  static void get(S3Call call, Document d) throws IOException {
    byte[] document = call.store().bucketConfig(call.bucket, d.name)
        .orElseThrow(() -> new S3ErrorException(d.absent, d.absent.message(), Map.of("BucketName", call.bucket)));
    HttpHeaders h = call.responseHeaders();
    if (d == Document.POLICY) {
      h.set("content-type", "application/json");
      call.exchange.respond(HttpResponseStatus.OK, h, Unpooled.wrappedBuffer(document));
      return;
    }
    if (d == Document.LIFECYCLE) {
      h.set("x-amz-transition-default-minimum-object-size", "all_storage_classes_128K");
    }
    call.xml(200, h, document);
  }

  static void delete(S3Call call, Document d) throws IOException {
    call.requireBucket();
    call.store().deleteBucketConfig(call.bucket, d.name);
    call.respond(204, call.responseHeaders());
  }

  static void getPolicyStatus(S3Call call) throws IOException {
    byte[] policy = call.store().bucketConfig(call.bucket, Document.POLICY.name)
        .orElseThrow(() -> new S3ErrorException(S3ErrorCode.NO_SUCH_BUCKET_POLICY,
            S3ErrorCode.NO_SUCH_BUCKET_POLICY.message(), Map.of("BucketName", call.bucket)));
    call.xml(XmlOut.document("PolicyStatus").leaf("IsPublic", BucketPolicy.isPublic(policy)).finish("PolicyStatus"));
  }

  /**
   * What CreateBucket stores from its headers: {@code x-amz-object-ownership} as the ownership
   * controls, {@code x-amz-bucket-object-lock-enabled: true} as an object lock configuration and
   * versioning enabled.
   * Read (and checked: InvalidArgument for an unknown ownership) before the bucket is created,
   * applied after.
   */
  record CreationConfig(byte[] ownershipControls, boolean objectLock) {
    static CreationConfig of(S3Call call) {
      String ownership = call.header("x-amz-object-ownership");
      String lock = call.header("x-amz-bucket-object-lock-enabled");
      return new CreationConfig(ownership == null ? null : OwnershipControls.fromHeader(ownership.trim()),
          lock != null && lock.trim().equalsIgnoreCase("true"));
    }

    void apply(S3Call call) throws IOException {
      if (ownershipControls != null) {
        call.store().putBucketConfig(call.bucket, Document.OWNERSHIP_CONTROLS.name, ownershipControls);
      }
      if (objectLock) {
        // S3 enables versioning with object lock, for good (PutBucketVersioning refuses Suspended).
        call.store().setVersioning(call.bucket, io.s3wire.server.BucketVersioning.ENABLED);
        call.store().putBucketConfig(call.bucket, Document.OBJECT_LOCK.name, ObjectLockConfiguration.enabled());
      }
    }
  }
}
