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
  GET_OBJECT_ATTRIBUTES("GetObjectAttributes"),
  /** A known S3 sub-resource this server does not implement (acl, policy, tagging, ...). */
  NOT_IMPLEMENTED("NotImplemented"),
  /** A method S3 does not allow on the resource. */
  METHOD_NOT_ALLOWED("MethodNotAllowed");

  private static final Set<String> UNIMPLEMENTED_SUBRESOURCES = Set.of("acl", "policy", "cors", "lifecycle",
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
        case "PUT" -> query.containsKey("versioning") ? NOT_IMPLEMENTED : CREATE_BUCKET;
        case "DELETE" -> DELETE_BUCKET;
        case "HEAD" -> HEAD_BUCKET;
        case "POST" -> query.containsKey("delete") ? DELETE_OBJECTS : METHOD_NOT_ALLOWED;
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
}
