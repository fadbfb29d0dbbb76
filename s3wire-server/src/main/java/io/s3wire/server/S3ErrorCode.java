package io.s3wire.server;

/**
 * The S3 error codes the server answers with, each with its HTTP status and S3's message.
 *
 * <p>One table for every error the server writes (s3proxy's {@code S3ErrorCode} is the model):
 * operations, stores and fault rules name a code, one renderer turns it into the XML body.
 */
public enum S3ErrorCode {
  /**
   * The signer may not do this: no ACL grant or bucket policy allows it, an object lock forbids it, or an SSE-C read
   * or copy came with a key other than the object's. A client should not retry; it needs other credentials or a
   * grant.
   */
  ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
  /**
   * An ACL was sent (a canned {@code x-amz-acl}, grant headers or an AccessControlPolicy) to a bucket whose
   * ownership is BucketOwnerEnforced, where ACLs are off. Send the request without it.
   */
  ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
  /**
   * A CORS preflight ({@code OPTIONS}) for a bucket without a CORS configuration, or one whose rules allow neither
   * the origin nor the method asked for.
   */
  ACCESS_FORBIDDEN("AccessForbidden", 403, "CORSResponse: CORS is not enabled for this bucket."),
  /**
   * The {@code Authorization} header does not parse as SigV4 (credential scope, signed headers, signature), or names
   * a region the server's profile does not accept. Usually a signer bug or a wrong region.
   */
  AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400, "The authorization header is malformed"),
  /**
   * A presigned URL lacks one of its {@code X-Amz-*} parameters, or one is malformed (an expiry outside 1 second to
   * 7 days, say).
   */
  AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
      "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date,"
          + " X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
  /**
   * The body's bytes do not match the {@code Content-MD5} or {@code x-amz-checksum-*} value sent with them: the body
   * changed on the way or the client hashed something else. Nothing was stored; send again.
   */
  BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
  /**
   * A request the server could not read as HTTP, or one S3 answers with this generic code (more than 10 tags on an
   * object, a malformed CORS preflight).
   */
  BAD_REQUEST("BadRequest", 400, "Bad Request"),
  /** CreateBucket of a name another user of this server owns: bucket names are one namespace; pick another. */
  BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available. The bucket"
      + " namespace is shared by all users of the system. Please select a different name and try again."),
  /** CreateBucket of a bucket the signer already owns. Harmless for a client that only wants the bucket to exist. */
  BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
      "Your previous request to create the named bucket succeeded and you already own it."),
  /**
   * DeleteBucket of a bucket that still holds objects, versions or delete markers: delete them (and abort its
   * multipart uploads) first.
   */
  BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
  /**
   * The body is larger than allowed: {@link ServerLimits#maxRequestBodyBytes()}, S3's 5 GiB for one PUT or part, or
   * a POST policy's {@code content-length-range}. Large objects go as multipart uploads.
   */
  ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size"),
  /**
   * CompleteMultipartUpload where a part other than the last is under 5 MiB, or a POST upload under its policy's
   * {@code content-length-range} minimum.
   */
  ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
  /** A header S3 takes once came more than once; the server's profile decides which it checks. */
  EXCESS_HEADER_VALUES("ExcessHeaderValues", 400, "Multiple HTTP header values where one was expected."),
  /**
   * The connection delivered fewer bytes than {@code Content-Length} or an {@code aws-chunked} chunk announced.
   * Retrying the request whole is safe.
   */
  INCOMPLETE_BODY("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length HTTP header"),
  /**
   * The server or its store failed unexpectedly while handling the request (the server log has the cause). S3
   * clients retry it; the request may or may not have taken effect.
   */
  INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
  /** The access key the request was signed with belongs to no user of this server ({@link S3Server#users()}). */
  INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403,
      "The AWS Access Key Id you provided does not exist in our records."),
  /**
   * A header or query parameter has a value S3 refuses (an unknown storage class, SSE-KMS options without {@code
   * aws:kms}, an SSE-C key of the wrong length, ...); the {@code ArgumentName} detail names it.
   */
  INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
  /**
   * CreateBucket with {@code x-amz-object-ownership: BucketOwnerEnforced} and ACL headers granting anyone but
   * the owner: such a bucket has no ACLs to set.
   */
  INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP("InvalidBucketAclWithObjectOwnership", 400,
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"),
  /**
   * A bucket name outside S3's rules: 3 to 63 characters, lower-case letters, digits, dots and hyphens, not shaped
   * like an IP address.
   */
  INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
  /**
   * A request the bucket's state does not allow: Object Lock settings on a bucket created without Object Lock, or
   * suspending versioning where Object Lock needs it.
   */
  INVALID_BUCKET_STATE("InvalidBucketState", 409, "Object Lock configuration cannot be enabled on existing buckets."),
  /**
   * An SSE-C request ({@code x-amz-server-side-encryption-customer-algorithm}) naming an algorithm other than {@code
   * AES256}.
   */
  INVALID_ENCRYPTION_ALGORITHM("InvalidEncryptionAlgorithmError", 400,
      "The encryption request that you specified is not valid. The valid value is AES256."),
  /**
   * A {@code Content-MD5} (or checksum) header that is not a well-formed base64 digest of the right length; nothing
   * was compared.
   */
  INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
  /**
   * A browser-form POST whose fields break the conditions of its signed policy (key prefix, content type, expiry,
   * ...).
   */
  INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400,
      "The content of the form does not meet the conditions specified in the policy document."),
  /**
   * CompleteMultipartUpload names a part that was never uploaded, or with an ETag (or checksum) other than the
   * part's. List the parts (ListParts) and complete with what they say.
   */
  INVALID_PART("InvalidPart", 400,
      "One or more of the specified parts could not be found.  The part may not have been uploaded,"
          + " or the specified entity tag may not match the part's entity tag."),
  /** GetObject or HeadObject with {@code partNumber} beyond the parts the object was uploaded in. */
  INVALID_PART_NUMBER("InvalidPartNumber", 416, "The requested partnumber is not satisfiable"),
  /** CompleteMultipartUpload whose parts are not in ascending part-number order. */
  INVALID_PART_ORDER("InvalidPartOrder", 400,
      "The list of parts was not in ascending order. The parts list must be specified in order by part number."),
  /**
   * A {@code Range} that starts at or past the object's end (an empty object has no satisfiable range). The answer's
   * {@code Content-Range} gives the size.
   */
  INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
  /**
   * A request whose combination of headers or parameters S3 refuses (SSE-C over plain HTTP or without its key, two
   * checksum algorithms at once, a copy onto itself without a change, ...); the message says which.
   */
  INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
  /**
   * A tag S3 refuses: a key over 128 or a value over 256 characters, a repeated key, an {@code aws:} prefix, or a
   * badly encoded {@code x-amz-tagging} header.
   */
  INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
  /** An object key longer than S3's 1,024 bytes in UTF-8. */
  KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
  /**
   * An {@code aws-chunked} body whose trailer (the {@code x-amz-checksum-*} sent after the data) is missing,
   * repeated or does not parse.
   */
  MALFORMED_TRAILER_ERROR("MalformedTrailerError", 400,
      "The request contained trailing data that was not well-formed or did not conform to our published schema."),
  /**
   * An AccessControlPolicy document (or grant header) that does not parse or names an unknown permission or grantee
   * type.
   */
  MALFORMED_ACL_ERROR("MalformedACLError", 400,
      "The XML you provided was not well-formed or did not validate against our published schema"),
  /** A bucket policy that is not valid JSON or not shaped as an IAM policy. */
  MALFORMED_POLICY("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
  /**
   * A request body that is not well-formed XML, or not the document the operation takes (DeleteObjects,
   * CompleteMultipartUpload, tagging, versioning, ...).
   */
  MALFORMED_XML("MalformedXML", 400,
      "The XML you provided was not well-formed or did not validate against our published schema"),
  /** A browser-form POST whose body is not well-formed {@code multipart/form-data}. */
  MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400,
      "The body of your POST request is not well-formed multipart/form-data."),
  /** S3's own wording, grammar slip included: clients match on the code, people search for the text. */
  MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceeded", 400,
      "Your POST request fields preceeding the upload file was too large."),
  /**
   * The method does not apply to the resource: a delete marker read by its version id (the answer's headers
   * say so), or a method the bucket, object or subresource ({@code ?acl}, {@code ?retention}, ...) has no
   * operation for.
   */
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
  /**
   * A PUT or POST with a body but neither {@code Content-Length} nor a decoded length ({@code
   * x-amz-decoded-content-length}): S3 takes no HTTP/1.1 chunked uploads without one.
   */
  MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
  /** PutObjectAcl or PutBucketAcl without a body and without any ACL header: there is nothing to set. */
  MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request was missing a required header"),
  /**
   * The bucket named does not exist (or was deleted); for every operation on it, objects included. Create it or
   * fix the name.
   */
  NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
  /** GetBucketPolicy of a bucket without a policy: a normal answer meaning "none set". */
  NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
  /** GetBucketCors of a bucket without a CORS configuration: "none set". */
  NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
  /**
   * The object does not exist, or its current version is a delete marker. HEAD answers the same status without a
   * body.
   */
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
  /**
   * A {@code versionId} that names no version of the key (a well-formed id the bucket never issued, or one deleted
   * for good).
   */
  NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
  /** GetBucketLifecycleConfiguration of a bucket without lifecycle rules: "none set". */
  NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist"),
  /** GetPublicAccessBlock of a bucket without a public access block: "none set". */
  NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION("NoSuchPublicAccessBlockConfiguration", 404,
      "The public access block configuration was not found"),
  /** GetObjectRetention or GetObjectLegalHold of a version that has no retention or legal hold. */
  NO_SUCH_OBJECT_LOCK_CONFIGURATION("NoSuchObjectLockConfiguration", 404,
      "The specified object does not have a ObjectLock configuration"),
  /** GetBucketTagging of a bucket without tags: "none set" (objects without tags answer an empty set instead). */
  NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
  /**
   * The multipart upload id is unknown to the bucket and key: never created, already completed or aborted. A client
   * resuming an upload must start a new one.
   */
  NO_SUCH_UPLOAD("NoSuchUpload", 404,
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
  /**
   * An S3 operation or feature this server does not have, or one the store does not keep (versions, bucket
   * configuration in a custom {@link ObjectStore}). Not retryable.
   */
  NOT_IMPLEMENTED("NotImplemented", 501, "A header you provided implies functionality that is not implemented"),
  /**
   * A conditional GET or HEAD ({@code If-None-Match}, {@code If-Modified-Since}) whose object has not changed:
   * status 304 with no body, not a failure for a cache.
   */
  NOT_MODIFIED("NotModified", 304, "Not Modified"),
  /** GetObjectLockConfiguration of a bucket created without Object Lock. */
  OBJECT_LOCK_CONFIGURATION_NOT_FOUND("ObjectLockConfigurationNotFoundError", 404,
      "Object Lock configuration does not exist for this bucket"),
  /** GetBucketOwnershipControls of a bucket without ownership controls: "none set". */
  OWNERSHIP_CONTROLS_NOT_FOUND("OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"),
  /**
   * A condition did not hold: {@code If-Match} or {@code If-Unmodified-Since} on a read, copy source or write,
   * {@code If-None-Match: *} on a PUT of an existing key. Nothing was changed; read the object again before
   * deciding.
   */
  PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold"),
  /**
   * The request's signing time is more than 15 minutes from the server's clock (see {@link
   * S3Server.Builder#checkRequestTime(boolean)}). Fix the client's clock; the answer carries the server's time.
   */
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
      "The difference between the request time and the current time is too large."),
  /**
   * The body stopped arriving for longer than the server's read limits ({@link ServerLimits#readTimeout()}, {@link
   * ServerLimits#streamDeadline()}). S3 clients retry it.
   */
  REQUEST_TIMEOUT("RequestTimeout", 400,
      "Your socket connection to the server was not read from or written to within the timeout period."),
  /**
   * Not answered by the server itself; fault rules ({@link FaultRule}) use it to imitate an overloaded S3 front end.
   * Clients back off and retry.
   */
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
  /**
   * The signature the server computed differs from the request's: a wrong secret key, a header or path changed after
   * signing, or a signer bug. The answer carries the server's string to sign and canonical request to compare.
   */
  SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
      "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
  /**
   * Every worker thread is busy ({@link S3Server.Builder#workerThreads(int)}), or a fault rule asks for throttling.
   * Clients back off and retry.
   */
  SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),
  /**
   * The file store's file system is full. MinIO's status and code for the same condition: 507 is no
   * status a client at its defaults retries (a full disk does not clear within a retry's backoff, and
   * a retried upload would send its body again for nothing), and tools that know MinIO know the code.
   */
  STORAGE_FULL("XMinioStorageFull", 507,
      "The server's disk is full, so nothing was stored. Delete objects or free space on the server, then try again."),
  /** An ACL request with both a body and ACL headers: S3 takes one or the other. */
  UNEXPECTED_CONTENT("UnexpectedContent", 400, "This request does not support content"),
  /** An ACL grant to an e-mail address that matches no user of the server. */
  UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS("UnresolvableGrantByEmailAddress", 400,
      "The email address you provided does not match any account on record."),
  /**
   * The body's SHA-256 differs from the signed {@code x-amz-content-sha256}, or that header's value is not a hash or
   * a known keyword: the body changed after signing.
   */
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
