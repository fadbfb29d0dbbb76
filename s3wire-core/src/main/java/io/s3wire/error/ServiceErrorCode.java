package io.s3wire.error;

import java.util.HashMap;
import java.util.Map;

/**
 * The S3 error codes applications act on, typed: {@link ServiceException#code()} gives one, and
 * {@link #UNKNOWN} for any other code (the raw one stays in {@link ServiceException#errorCode()}).
 * Each knows what it means and, where something general helps, what to do: servers that send a
 * code with an empty {@code <Message>} (Ceph RGW does) or none at all (a HEAD) are explained from
 * here. Wording follows the meaning AWS documents for each code, written anew.
 */
public enum ServiceErrorCode {
  ACCESS_DENIED("AccessDenied", "access to the resource was denied",
      "check the credentials in use and what the bucket's owner allows them"),
  AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", "the Authorization header is malformed",
      "check the region the request is signed for: the bucket may live in another one"),
  BAD_DIGEST("BadDigest", "the body's checksum did not match the one the request gave",
      "send the request again; if it fails the same way, the data changed on its way or the checksum was computed over other bytes"),
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", "the bucket name is taken by another account",
      "choose another name: bucket names are shared by every user of the service"),
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", "you own a bucket of that name already", null),
  BUCKET_NOT_EMPTY("BucketNotEmpty", "the bucket is not empty",
      "delete its objects (and abort its multipart uploads) first, then the bucket"),
  ENTITY_TOO_LARGE("EntityTooLarge", "the body is larger than the service allows for one request",
      "upload it in parts (multipart upload)"),
  ENTITY_TOO_SMALL("EntityTooSmall", "a part other than the last is smaller than the minimum part size (5 MiB on S3)",
      "use larger parts"),
  EXPIRED_TOKEN("ExpiredToken", "the session token has expired", "get fresh temporary credentials"),
  ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException",
      "the bucket's region does not match the endpoint the request was sent to",
      "send requests for the bucket to its region's endpoint"),
  INTERNAL_ERROR("InternalError", "the server failed internally", "try again later"),
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", "the access key is not known to the server",
      "check the access key (AWS_ACCESS_KEY_ID or ~/.aws/credentials) and that it belongs to this endpoint"),
  INVALID_ARGUMENT("InvalidArgument", "an argument of the request is not valid", null),
  INVALID_BUCKET_NAME("InvalidBucketName", "the bucket name is not valid",
      "use 3 to 63 lower-case letters, digits, dots and hyphens"),
  INVALID_OBJECT_STATE("InvalidObjectState", "the operation is not valid for the object's state (e.g. an archived storage class)",
      null),
  INVALID_PART("InvalidPart", "a part the completion lists was not found, or its ETag does not match",
      "list the upload's parts and complete with their ETags"),
  INVALID_PART_ORDER("InvalidPartOrder", "the parts are not listed in ascending order of part number", null),
  INVALID_RANGE("InvalidRange", "the requested range is not within the object", null),
  INVALID_REQUEST("InvalidRequest", "the server refused the request as invalid", null),
  INVALID_TOKEN("InvalidToken", "the session token is malformed or not valid", "check AWS_SESSION_TOKEN"),
  KEY_TOO_LONG("KeyTooLongError", "the key is longer than the service allows", "use a key of at most 1,024 bytes"),
  MALFORMED_XML("MalformedXML", "the XML the request carried is not what the server expects", null),
  METHOD_NOT_ALLOWED("MethodNotAllowed", "the method is not allowed on this resource", null),
  MISSING_CONTENT_LENGTH("MissingContentLength", "the request has a body but no Content-Length", null),
  NO_SUCH_BUCKET("NoSuchBucket", "the bucket does not exist", "check its name and the endpoint and region"),
  NO_SUCH_KEY("NoSuchKey", "the object does not exist", "check the key, including its case and any prefix"),
  NO_SUCH_UPLOAD("NoSuchUpload", "the multipart upload does not exist: it was completed, aborted or never started", null),
  NO_SUCH_VERSION("NoSuchVersion", "the version does not exist", "check the version id"),
  NOT_IMPLEMENTED("NotImplemented", "the server does not implement this", null),
  NOT_MODIFIED("NotModified", "the object was not modified since the given time or ETag", null),
  PERMANENT_REDIRECT("PermanentRedirect", "the bucket must be addressed through another endpoint",
      "use the bucket's region (and that region's endpoint)"),
  PRECONDITION_FAILED("PreconditionFailed",
      "a condition of the request (If-Match, If-None-Match, If-Unmodified-Since) did not hold", null),
  REQUEST_TIMEOUT("RequestTimeout", "the server timed out waiting for the request's body", "send it again"),
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", "the request's time is too far from the server's",
      "set this machine's clock right (NTP)"),
  SERVICE_UNAVAILABLE("ServiceUnavailable", "the service is unavailable for now", "retry with backoff"),
  // explain() says more about this one (a wrong secret, or a request changed after signing).
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "the signature the server computed differs from the request's", null),
  SLOW_DOWN("SlowDown", "the server asks to reduce the request rate", "retry with backoff"),
  TEMPORARY_REDIRECT("TemporaryRedirect", "the bucket is answered by another endpoint for now",
      "use the bucket's region endpoint"),
  X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", "the payload hash the request signed does not match its"
      + " body, or the server does not take the upload's encoding", null),
  /** A code not in this list, or none; the raw code is {@link ServiceException#errorCode()}. */
  UNKNOWN(null, null, null);

  private static final Map<String, ServiceErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ServiceErrorCode c : values()) {
      if (c.code != null) {
        BY_CODE.put(c.code, c);
      }
    }
  }

  private final String code;
  private final String meaning;
  private final String advice;

  ServiceErrorCode(String code, String meaning, String advice) {
    this.code = code;
    this.meaning = meaning;
    this.advice = advice;
  }

  /** The code for S3's spelling ({@code NoSuchKey}); {@link #UNKNOWN} for any other or {@code null}. */
  public static ServiceErrorCode of(String code) {
    return code == null ? UNKNOWN : BY_CODE.getOrDefault(code, UNKNOWN);
  }

  /** S3's spelling of the code, e.g. {@code NoSuchKey}; {@code null} for {@link #UNKNOWN}. */
  public String code() {
    return code;
  }

  /** What the code means, in lower-case words; {@code null} for {@link #UNKNOWN}. */
  public String meaning() {
    return meaning;
  }

  /** What to do about it, or {@code null} where nothing general helps. */
  public String advice() {
    return advice;
  }
}
