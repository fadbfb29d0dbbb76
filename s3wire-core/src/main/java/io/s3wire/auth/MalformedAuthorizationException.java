package io.s3wire.auth;

/**
 * A SigV4 {@code Authorization} header or presigned query that cannot be parsed. A server answers
 * it with {@code AuthorizationHeaderMalformed} ({@link #presigned()} false) or {@code
 * AuthorizationQueryParametersError} (true), using {@link #getMessage()} as the message: it says
 * which part is wrong and never repeats a signature or token.
 */
public final class MalformedAuthorizationException extends IllegalArgumentException {
  private final boolean presigned;

  public MalformedAuthorizationException(boolean presigned, String message) {
    super(message);
    this.presigned = presigned;
  }

  /** Whether the malformed input was presigned query parameters rather than a header. */
  public boolean presigned() {
    return presigned;
  }

  /** The S3 error code a server answers with. */
  public String s3ErrorCode() {
    return presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed";
  }
}
