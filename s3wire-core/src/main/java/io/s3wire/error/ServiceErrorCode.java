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
  /** {@code AccessDenied}: access to the resource was denied. */
  ACCESS_DENIED("AccessDenied", "access to the resource was denied",
      "check the credentials in use and what the bucket's owner allows them"),
  /** {@code AuthorizationHeaderMalformed}: the Authorization header is malformed. */
  AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", "the Authorization header is malformed",
      "check the region the request is signed for: the bucket may live in another one"),
  /** {@code BadDigest}: the body's checksum did not match the one the request gave. */
  BAD_DIGEST("BadDigest", "the body's checksum did not match the one the request gave",
      "send the request again; if it fails the same way, the data changed on its way or the checksum was computed over other bytes"),
  /** {@code BucketAlreadyExists}: the bucket name is taken by another account. */
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", "the bucket name is taken by another account",
      "choose another name: bucket names are shared by every user of the service"),
  /** {@code BucketAlreadyOwnedByYou}: you own a bucket of that name already. */
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", "you own a bucket of that name already", null),
  /** {@code BucketNotEmpty}: the bucket is not empty. */
  BUCKET_NOT_EMPTY("BucketNotEmpty", "the bucket is not empty",
      "delete its objects (and abort its multipart uploads) first, then the bucket"),
  /** {@code EntityTooLarge}: the body is larger than the service allows for one request. */
  ENTITY_TOO_LARGE("EntityTooLarge", "the body is larger than the service allows for one request",
      "upload it in parts (multipart upload)"),
  /** {@code EntityTooSmall}: a part other than the last is smaller than the minimum part size (5 MiB on S3). */
  ENTITY_TOO_SMALL("EntityTooSmall", "a part other than the last is smaller than the minimum part size (5 MiB on S3)",
      "use larger parts"),
  /** {@code ExpiredToken}: the session token has expired. */
  EXPIRED_TOKEN("ExpiredToken", "the session token has expired", "get fresh temporary credentials"),
  /** {@code IllegalLocationConstraintException}: None. */
  ILLEGAL_LOCATION_CONSTRAINT("IllegalLocationConstraintException",
      "the bucket's region does not match the endpoint the request was sent to",
      "send requests for the bucket to its region's endpoint"),
  /** {@code InternalError}: the server failed internally. */
  INTERNAL_ERROR("InternalError", "the server failed internally", "try again later"),
  /** {@code InvalidAccessKeyId}: the access key is not known to the server. */
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", "the access key is not known to the server",
      "check the access key (AWS_ACCESS_KEY_ID or ~/.aws/credentials) and that it belongs to this endpoint"),
  /** {@code InvalidArgument}: an argument of the request is not valid. */
  INVALID_ARGUMENT("InvalidArgument", "an argument of the request is not valid", null),
  /** {@code InvalidBucketName}: the bucket name is not valid. */
  INVALID_BUCKET_NAME("InvalidBucketName", "the bucket name is not valid",
      "use 3 to 63 lower-case letters, digits, dots and hyphens"),
  /** {@code InvalidObjectState}: the operation is not valid for the object's state (e.g. an archived storage class). */
  INVALID_OBJECT_STATE("InvalidObjectState", "the operation is not valid for the object's state (e.g. an archived storage class)",
      null),
  /** {@code InvalidPart}: a part the completion lists was not found, or its ETag does not match. */
  INVALID_PART("InvalidPart", "a part the completion lists was not found, or its ETag does not match",
      "list the upload's parts and complete with their ETags"),
  /** {@code InvalidPartOrder}: the parts are not listed in ascending order of part number. */
  INVALID_PART_ORDER("InvalidPartOrder", "the parts are not listed in ascending order of part number", null),
  /** {@code InvalidRange}: the requested range is not within the object. */
  INVALID_RANGE("InvalidRange", "the requested range is not within the object", null),
  /** {@code InvalidRequest}: the server refused the request as invalid. */
  INVALID_REQUEST("InvalidRequest", "the server refused the request as invalid", null),
  /** {@code InvalidToken}: the session token is malformed or not valid. */
  INVALID_TOKEN("InvalidToken", "the session token is malformed or not valid", "check AWS_SESSION_TOKEN"),
  /** {@code KeyTooLongError}: the key is longer than the service allows. */
  KEY_TOO_LONG("KeyTooLongError", "the key is longer than the service allows", "use a key of at most 1,024 bytes"),
  /** {@code MalformedXML}: the XML the request carried is not what the server expects. */
  MALFORMED_XML("MalformedXML", "the XML the request carried is not what the server expects", null),
  /** {@code MethodNotAllowed}: the method is not allowed on this resource. */
  METHOD_NOT_ALLOWED("MethodNotAllowed", "the method is not allowed on this resource", null),
  /** {@code MissingContentLength}: the request has a body but no Content-Length. */
  MISSING_CONTENT_LENGTH("MissingContentLength", "the request has a body but no Content-Length", null),
  /** {@code NoSuchBucket}: the bucket does not exist. */
  NO_SUCH_BUCKET("NoSuchBucket", "the bucket does not exist", "check its name and the endpoint and region"),
  /** {@code NoSuchKey}: the object does not exist. */
  NO_SUCH_KEY("NoSuchKey", "the object does not exist", "check the key, including its case and any prefix"),
  /** {@code NoSuchUpload}: the multipart upload does not exist: it was completed, aborted or never started. */
  NO_SUCH_UPLOAD("NoSuchUpload", "the multipart upload does not exist: it was completed, aborted or never started", null),
  /** {@code NoSuchVersion}: the version does not exist. */
  NO_SUCH_VERSION("NoSuchVersion", "the version does not exist", "check the version id"),
  /** {@code NotImplemented}: the server does not implement this. */
  NOT_IMPLEMENTED("NotImplemented", "the server does not implement this", null),
  /** {@code NotModified}: the object was not modified since the given time or ETag. */
  NOT_MODIFIED("NotModified", "the object was not modified since the given time or ETag", null),
  /** {@code PermanentRedirect}: the bucket must be addressed through another endpoint. */
  PERMANENT_REDIRECT("PermanentRedirect", "the bucket must be addressed through another endpoint",
      "use the bucket's region (and that region's endpoint)"),
  /** {@code PreconditionFailed}: None. */
  PRECONDITION_FAILED("PreconditionFailed",
      "a condition of the request (If-Match, If-None-Match, If-Unmodified-Since) did not hold", null),
  /** {@code RequestTimeout}: the server timed out waiting for the request's body. */
  REQUEST_TIMEOUT("RequestTimeout", "the server timed out waiting for the request's body", "send it again"),
  /** {@code RequestTimeTooSkewed}: the request's time is too far from the server's. */
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", "the request's time is too far from the server's",
      "set this machine's clock right (NTP)"),
  /** {@code ServiceUnavailable}: the service is unavailable for now. */
  SERVICE_UNAVAILABLE("ServiceUnavailable", "the service is unavailable for now", "retry with backoff"),
  // explain() says more about this one (a wrong secret, or a request changed after signing).
  /** {@code SignatureDoesNotMatch}: the signature the server computed differs from the request's. */
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", "the signature the server computed differs from the request's", null),
  /** {@code SlowDown}: the server asks to reduce the request rate. */
  SLOW_DOWN("SlowDown", "the server asks to reduce the request rate", "retry with backoff"),
  /** {@code TemporaryRedirect}: the bucket is answered by another endpoint for now. */
  TEMPORARY_REDIRECT("TemporaryRedirect", "the bucket is answered by another endpoint for now",
      "use the bucket's region endpoint"),
  /**
   * {@code XAmzContentSHA256Mismatch}: the payload hash the request signed does not match its body,
   * or the server does not take the upload's encoding.
   */
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

  /**
   * The typed code for S3's spelling, matched case-sensitively as S3 sends it.
   *
   * @param code the {@code <Code>} of an error response, e.g. {@code NoSuchKey}; may be {@code null}
   * @return the matching constant; {@link #UNKNOWN} for any other code or {@code null}
   */
  public static ServiceErrorCode of(String code) {
    return code == null ? UNKNOWN : BY_CODE.getOrDefault(code, UNKNOWN);
  }

  /**
   * S3's spelling of the code, as it appears in an error response's {@code <Code>}.
   *
   * @return e.g. {@code NoSuchKey}; {@code null} for {@link #UNKNOWN}
   */
  public String code() {
    return code;
  }

  /**
   * What the code means, for explanations when the server's message is empty or absent.
   *
   * @return a lower-case phrase; {@code null} for {@link #UNKNOWN}
   */
  public String meaning() {
    return meaning;
  }

  /**
   * What to do about it.
   *
   * @return a lower-case phrase, or {@code null} where nothing general helps
   */
  public String advice() {
    return advice;
  }
}
