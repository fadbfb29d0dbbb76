package io.s3wire.error;

import java.util.Map;

/**
 * S3 error codes in words, for servers that send a code with an empty {@code <Message>} (Ceph RGW
 * does) or none at all (a HEAD): what the code means, and what to do about it. Wording follows the
 * meaning AWS documents for each code ("Error responses", list of error codes), written anew.
 */
final class ErrorCodeText {
  /** What a code means and what to do; {@code advice} is {@code null} where nothing general helps. */
  record Text(String meaning, String advice) {}

  private static final Map<String, Text> TEXTS = Map.ofEntries(
      Map.entry("AccessDenied", new Text("access to the resource was denied",
          "check the credentials in use and what the bucket's owner allows them")),
      Map.entry("BadDigest", new Text("the body's checksum did not match the one the request gave",
          "send the request again; if it fails the same way, the data changed on its way or the checksum was computed over other bytes")),
      Map.entry("BucketAlreadyExists", new Text("the bucket name is taken by another account",
          "choose another name: bucket names are shared by every user of the service")),
      Map.entry("BucketAlreadyOwnedByYou", new Text("you own a bucket of that name already", null)),
      Map.entry("BucketNotEmpty", new Text("the bucket is not empty",
          "delete its objects (and abort its multipart uploads) first, then the bucket")),
      Map.entry("EntityTooLarge", new Text("the body is larger than the service allows for one request",
          "upload it in parts (multipart upload)")),
      Map.entry("EntityTooSmall", new Text("a part other than the last is smaller than the minimum part size (5 MiB on S3)",
          "use larger parts")),
      Map.entry("InternalError", new Text("the server failed internally", "try again later")),
      Map.entry("InvalidAccessKeyId", new Text("the access key is not known to the server",
          "check the access key (AWS_ACCESS_KEY_ID or ~/.aws/credentials) and that it belongs to this endpoint")),
      Map.entry("InvalidArgument", new Text("an argument of the request is not valid", null)),
      Map.entry("InvalidBucketName", new Text("the bucket name is not valid",
          "use 3 to 63 lower-case letters, digits, dots and hyphens")),
      Map.entry("InvalidPart", new Text("a part the completion lists was not found, or its ETag does not match",
          "list the upload's parts and complete with their ETags")),
      Map.entry("InvalidPartOrder", new Text("the parts are not listed in ascending order of part number", null)),
      Map.entry("InvalidRange", new Text("the requested range is not within the object", null)),
      Map.entry("InvalidRequest", new Text("the server refused the request as invalid", null)),
      Map.entry("MalformedXML", new Text("the XML the request carried is not what the server expects", null)),
      Map.entry("MethodNotAllowed", new Text("the method is not allowed on this resource", null)),
      Map.entry("MissingContentLength", new Text("the request has a body but no Content-Length", null)),
      Map.entry("NoSuchBucket", new Text("the bucket does not exist", "check its name and the endpoint and region")),
      Map.entry("NoSuchKey", new Text("the object does not exist", "check the key, including its case and any prefix")),
      Map.entry("NoSuchUpload", new Text("the multipart upload does not exist: it was completed, aborted or never started", null)),
      Map.entry("NotImplemented", new Text("the server does not implement this", null)),
      Map.entry("NotModified", new Text("the object was not modified since the given time or ETag", null)),
      Map.entry("PreconditionFailed", new Text("a condition of the request (If-Match, If-None-Match, If-Unmodified-Since) did not hold", null)),
      Map.entry("RequestTimeTooSkewed", new Text("the request's time is too far from the server's",
          "set this machine's clock right (NTP)")),
      // explain() says more about this one (a wrong secret, or a request changed after signing).
      Map.entry("SignatureDoesNotMatch", new Text("the signature the server computed differs from the request's", null)),
      Map.entry("SlowDown", new Text("the server asks to reduce the request rate", "retry with backoff")),
      Map.entry("XAmzContentSHA256Mismatch", new Text("the payload hash the request signed does not match its body, or the"
          + " server does not take the upload's encoding", null)));

  private ErrorCodeText() {}

  /** The words for {@code code}, or {@code null} for a code not in the table. */
  static Text of(String code) {
    return code == null ? null : TEXTS.get(code);
  }
}
