package io.s3wire.server;

/**
 * The S3 error codes the server answers with, each with its HTTP status and S3's message.
 *
 * <p>One table for every error the server writes (s3proxy's {@code S3ErrorCode} is the model):
 * operations, stores and fault rules name a code, one renderer turns it into the XML body.
 */
public enum S3ErrorCode {
  ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
  ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
  ACCESS_FORBIDDEN("AccessForbidden", 403, "CORSResponse: CORS is not enabled for this bucket."),
  AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400, "The authorization header is malformed"),
  AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
      "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date,"
          + " X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
  BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
  BAD_REQUEST("BadRequest", 400, "Bad Request"),
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket"
      + " namespace is shared by all users of the system. Please select a different name and try again."),
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
      "Your previous request to create the named bucket succeeded and you already own it."),
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
  ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size"),
  ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
  EXCESS_HEADER_VALUES("ExcessHeaderValues", 400, "Multiple HTTP header values where one was expected."),
  INCOMPLETE_BODY("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header"),
  INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403,
      "The AWS Access Key Id you provided does not exist in our records."),
  INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
  INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP("InvalidBucketAclWithObjectOwnership", 400,
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"),
  INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
  INVALID_BUCKET_STATE("InvalidBucketState", 409, "Object Lock configuration cannot be enabled on existing buckets."),
  INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError", 400,
      "The encryption request that you specified is not valid. The valid value is AES256."),
  INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
  INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400,
      "The content of the form does not meet the conditions specified in the policy document."),
  INVALID_PART("InvalidPart", 400,
      "One or more of the specified parts could not be found.  The part may not have been uploaded,"
          + " or the specified entity tag may not match the part's entity tag."),
  INVALID_PART_NUMBER("InvalidPartNumber", 416, "The requested partnumber is not satisfiable"),
  INVALID_PART_ORDER("InvalidPartOrder", 400,
      "The list of parts was not in ascending order. The parts list must be specified in order by part number."),
  INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
  INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
  INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
  KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
  MALFORMED_TRAILER_ERROR("MalformedTrailerError", 400,
      "The request contained trailing data that was not well-formed or did not conform to our published schema."),
  MALFORMED_ACL_ERROR("MalformedACLError", 400,
      "The XML you provided was not well-formed or did not validate against our published schema"),
  MALFORMED_POLICY("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
  MALFORMED_XML("MalformedXML", 400,
      "The XML you provided was not well-formed or did not validate against our published schema"),
  MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400,
      "The body of your POST request is not well-formed multipart/form-data."),
  /** S3's own wording, grammar slip included: clients match on the code, people search for the text. */
  MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceeded", 400,
      "Your POST request fields preceeding the upload file was too large."),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
  MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
  MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request was missing a required header"),
  NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
  NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
  NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
  NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist"),
  NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION("NoSuchPublicAccessBlockConfiguration", 404,
      "The public access block configuration was not found"),
  /** GetObjectRetention or GetObjectLegalHold of a version that has no retention or legal hold. */
  NO_SUCH_OBJECT_LOCK_CONFIGURATION("NoSuchObjectLockConfiguration", 404,
      "The specified object does not have a ObjectLock configuration"),
  NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
  NO_SUCH_UPLOAD("NoSuchUpload", 404,
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
  NOT_IMPLEMENTED("NotImplemented", 501, "A header you provided implies functionality that is not implemented"),
  NOT_MODIFIED("NotModified", 304, "Not Modified"),
  OBJECT_LOCK_CONFIGURATION_NOT_FOUND("ObjectLockConfigurationNotFoundError", 404,
      "Object Lock configuration does not exist for this bucket"),
  OWNERSHIP_CONTROLS_NOT_FOUND("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"),
  PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold"),
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
      "The difference between the request time and the current time is too large."),
  REQUEST_TIMEOUT("RequestTimeout", 400,
      "Your socket connection to the server was not read from or written to within the timeout period."),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
      "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
  SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),
  /**
   * The file store's file system is full. MinIO's status and code for the same condition: 507 is no
   * status a client at its defaults retries (a full disk does not clear within a retry's backoff, and
   * a retried upload would send its body again for nothing), and tools that know MinIO know the code.
   */
  STORAGE_FULL("XMinioStorageFull", 507,
      "The server's disk is full, so nothing was stored. Delete objects or free space on the server, then try again."),
  UNEXPECTED_CONTENT("UnexpectedContent", 400, "This request does not support content"),
  UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS("UnresolvableGrantByEmailAddress", 400,
      "The email address you provided does not match any account on record."),
  X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400,
      "The provided 'x-amz-content-sha256' header does not match what was computed.");

  private final String code;
  private final int status;
  private final String message;

  S3ErrorCode(String code, int status, String message) {
    this.code = code;
    this.status = status;
    this.message = message;
  }

  /** {@return the code as S3 writes it in {@code <Code>}, e.g. {@code NoSuchKey}} */
  public String code() {
    return code;
  }

  /** {@return the HTTP status S3 answers this error with} */
  public int status() {
    return status;
  }

  /** {@return S3's default message for this error, for {@code <Message>} when the server has no better one} */
  public String message() {
    return message;
  }

  /**
   * {@return the enum constant for an S3 code such as {@code SlowDown}}
   *
   * @param code the code as S3 writes it, or the constant's name ({@code SLOW_DOWN})
   * @throws IllegalArgumentException for a code not in this table
   */
  public static S3ErrorCode fromCode(String code) {
    for (S3ErrorCode c : values()) {
      if (c.code.equals(code) || c.name().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown S3 error code: " + code);
  }
}
