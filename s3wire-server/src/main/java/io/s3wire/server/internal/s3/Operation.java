package io.s3wire.server.internal.s3;

import java.util.Map;
import java.util.Set;

/** The S3 operations the server knows, by the name AWS documents them under. */
public enum Operation {
  LIST_BUCKETS("ListBuckets"),
  CREATE_BUCKET("CreateBucket"),
  DELETE_BUCKET("DeleteBucket"),
  HEAD_BUCKET("HeadBucket"),
  GET_BUCKET_LOCATION("GetBucketLocation"),
  GET_BUCKET_VERSIONING("GetBucketVersioning"),
  PUT_BUCKET_VERSIONING("PutBucketVersioning"),
  LIST_OBJECTS("ListObjects"),
  LIST_OBJECTS_V2("ListObjectsV2"),
  LIST_OBJECT_VERSIONS("ListObjectVersions"),
  LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
  DELETE_OBJECTS("DeleteObjects"),
  PUT_OBJECT("PutObject"),
  COPY_OBJECT("CopyObject"),
  GET_OBJECT("GetObject"),
  HEAD_OBJECT("HeadObject"),
  DELETE_OBJECT("DeleteObject"),
  CREATE_MULTIPART_UPLOAD("CreateMultipartUpload"),
  UPLOAD_PART("UploadPart"),
  UPLOAD_PART_COPY("UploadPartCopy"),
  COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
  ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
  LIST_PARTS("ListParts"),
  /** A browser-form upload: {@code POST /bucket} with a multipart/form-data body. */
  POST_OBJECT("PostObject"),
  PUT_BUCKET_TAGGING("PutBucketTagging"),
  GET_BUCKET_TAGGING("GetBucketTagging"),
  DELETE_BUCKET_TAGGING("DeleteBucketTagging"),
  PUT_BUCKET_CORS("PutBucketCors"),
  GET_BUCKET_CORS("GetBucketCors"),
  DELETE_BUCKET_CORS("DeleteBucketCors"),
  /** A CORS preflight request, answered from the bucket's CORS rules without a signature. */
  OPTIONS_OBJECT("OptionsObject"),
  PUT_BUCKET_LIFECYCLE("PutBucketLifecycleConfiguration"),
  GET_BUCKET_LIFECYCLE("GetBucketLifecycleConfiguration"),
  DELETE_BUCKET_LIFECYCLE("DeleteBucketLifecycle"),
  PUT_BUCKET_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock"),
  GET_BUCKET_PUBLIC_ACCESS_BLOCK("GetPublicAccessBlock"),
  DELETE_BUCKET_PUBLIC_ACCESS_BLOCK("DeletePublicAccessBlock"),
  PUT_BUCKET_POLICY("PutBucketPolicy"),
  GET_BUCKET_POLICY("GetBucketPolicy"),
  DELETE_BUCKET_POLICY("DeleteBucketPolicy"),
  GET_BUCKET_POLICY_STATUS("GetBucketPolicyStatus"),
  PUT_BUCKET_OWNERSHIP_CONTROLS("PutBucketOwnershipControls"),
  GET_BUCKET_OWNERSHIP_CONTROLS("GetBucketOwnershipControls"),
  DELETE_BUCKET_OWNERSHIP_CONTROLS("DeleteBucketOwnershipControls"),
  PUT_BUCKET_OBJECT_LOCK("PutObjectLockConfiguration"),
  GET_BUCKET_OBJECT_LOCK("GetObjectLockConfiguration"),
  PUT_OBJECT_RETENTION("PutObjectRetention"),
  GET_OBJECT_RETENTION("GetObjectRetention"),
  PUT_OBJECT_LEGAL_HOLD("PutObjectLegalHold"),
  GET_OBJECT_LEGAL_HOLD("GetObjectLegalHold"),
  PUT_OBJECT_TAGGING("PutObjectTagging"),
  GET_OBJECT_TAGGING("GetObjectTagging"),
  DELETE_OBJECT_TAGGING("DeleteObjectTagging"),
  PUT_BUCKET_ENCRYPTION("PutBucketEncryption"),
  GET_BUCKET_ENCRYPTION("GetBucketEncryption"),
  DELETE_BUCKET_ENCRYPTION("DeleteBucketEncryption"),
  GET_OBJECT_ATTRIBUTES("GetObjectAttributes"),
  PUT_BUCKET_ACL("PutBucketAcl"),
  GET_BUCKET_ACL("GetBucketAcl"),
  PUT_OBJECT_ACL("PutObjectAcl"),
  GET_OBJECT_ACL("GetObjectAcl"),
  /** A known S3 sub-resource this server does not implement (website, logging, ...). */
  NOT_IMPLEMENTED("NotImplemented"),
  /** A method S3 does not allow on the resource. */
  METHOD_NOT_ALLOWED("MethodNotAllowed");

  private static final Set<String> UNIMPLEMENTED_SUBRESOURCES = Set.of("policy", "cors", "lifecycle",
      "tagging", "website", "logging", "notification", "replication", "encryption", "object-lock", "retention",
      "legal-hold", "accelerate", "requestPayment", "analytics", "inventory", "metrics", "ownershipControls",
      "publicAccessBlock", "intelligent-tiering", "restore", "select", "torrent", "attributes");

  private final String awsName;

  Operation(String awsName) {
    this.awsName = awsName;
  }

  /** The operation's name in AWS's API reference, e.g. {@code PutObject}. */
  public String awsName() {
    return awsName;
  }

  /** Resolves a request to its operation from method, addressed resource, query and headers. */
  static Operation resolve(String method, String bucket, String key, Map<String, String> query, boolean copySource) {
    Operation acl = AclOps.resolve(method, bucket, key, query);
    if (acl != null) {
      return acl;
    }
    Operation encryptionOrTagging = encryptionOrTagging(method, bucket, key, query);
    if (encryptionOrTagging != null) {
      return encryptionOrTagging;
    }
    Operation lock = ObjectLockOps.resolve(method, bucket, key, query);
    if (lock != null) {
      return lock;
    }
    Operation config = BucketConfigOps.resolve(method, bucket, key, query);
    if (config != null) {
      return config;
    }
    if (key != null && method.equals("GET") && query.containsKey("attributes")) {
      return GET_OBJECT_ATTRIBUTES; // "attributes" stays unimplemented on other methods and on buckets
    }
    for (String q : query.keySet()) {
      if (UNIMPLEMENTED_SUBRESOURCES.contains(q)) {
        return NOT_IMPLEMENTED;
      }
    }
    if (bucket == null) {
      return method.equals("GET") ? LIST_BUCKETS : METHOD_NOT_ALLOWED;
    }
    if (key == null) {
      return switch (method) {
        case "PUT" -> query.containsKey("versioning") ? PUT_BUCKET_VERSIONING : CREATE_BUCKET;
        case "DELETE" -> DELETE_BUCKET;
        case "HEAD" -> HEAD_BUCKET;
        case "POST" -> query.containsKey("delete") ? DELETE_OBJECTS : POST_OBJECT;
        case "GET" -> {
          if (query.containsKey("location")) {
            yield GET_BUCKET_LOCATION;
          } else if (query.containsKey("versioning")) {
            yield GET_BUCKET_VERSIONING;
          } else if (query.containsKey("versions")) {
            yield LIST_OBJECT_VERSIONS;
          } else if (query.containsKey("uploads")) {
            yield LIST_MULTIPART_UPLOADS;
          } else if ("2".equals(query.get("list-type"))) {
            yield LIST_OBJECTS_V2;
          }
          yield LIST_OBJECTS;
        }
        default -> METHOD_NOT_ALLOWED;
      };
    }
    return switch (method) {
      case "PUT" -> {
        if (query.containsKey("uploadId") && query.containsKey("partNumber")) {
          yield copySource ? UPLOAD_PART_COPY : UPLOAD_PART;
        }
        yield copySource ? COPY_OBJECT : PUT_OBJECT;
      }
      case "GET" -> query.containsKey("uploadId") ? LIST_PARTS : GET_OBJECT;
      case "HEAD" -> HEAD_OBJECT;
      case "DELETE" -> query.containsKey("uploadId") ? ABORT_MULTIPART_UPLOAD : DELETE_OBJECT;
      case "POST" -> {
        if (query.containsKey("uploads")) {
          yield CREATE_MULTIPART_UPLOAD;
        } else if (query.containsKey("uploadId")) {
          yield COMPLETE_MULTIPART_UPLOAD;
        }
        yield METHOD_NOT_ALLOWED;
      }
      default -> METHOD_NOT_ALLOWED;
    };
  }

  /**
   * {@code ?tagging} on a key (object tagging) and {@code ?encryption} on a bucket (default
   * encryption); {@code null} for anything else, bucket-level tagging included.
   */
  private static Operation encryptionOrTagging(String method, String bucket, String key, Map<String, String> query) {
    if (bucket == null) {
      return null;
    }
    if (key != null && query.containsKey("tagging")) {
      return switch (method) {
        case "PUT" -> PUT_OBJECT_TAGGING;
        case "GET" -> GET_OBJECT_TAGGING;
        case "DELETE" -> DELETE_OBJECT_TAGGING;
        default -> METHOD_NOT_ALLOWED;
      };
    }
    if (key == null && query.containsKey("encryption")) {
      return switch (method) {
        case "PUT" -> PUT_BUCKET_ENCRYPTION;
        case "GET" -> GET_BUCKET_ENCRYPTION;
        case "DELETE" -> DELETE_BUCKET_ENCRYPTION;
        default -> METHOD_NOT_ALLOWED;
      };
    }
    return null;
  }
}
