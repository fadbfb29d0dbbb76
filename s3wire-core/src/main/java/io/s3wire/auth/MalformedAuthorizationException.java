package io.s3wire.auth;

/**
 * A SigV4 {@code Authorization} header or presigned query that cannot be parsed. A server answers
 * it with {@code AuthorizationHeaderMalformed} ({@link #presigned()} false) or {@code
 * AuthorizationQueryParametersError} (true), using {@link #getMessage()} as the message: it says
 * which part is wrong and never repeats a signature or token.
 */
public final class MalformedAuthorizationException extends IllegalArgumentException {
  /** Where the malformed input came from; decides {@link #s3ErrorCode()}. */
  private final boolean presigned;

  /**
   * Creates the exception.
   *
   * @param presigned {@code true} when the input was presigned query parameters, {@code false}
   *     for an {@code Authorization} header
   * @param message what part is wrong, in words a client can act on; must not contain a signature
   *     or a session token
   */
  public MalformedAuthorizationException(boolean presigned, String message) {
    super(message);
    this.presigned = presigned;
  }

  /**
   * Whether the malformed input was presigned query parameters rather than a header.
   *
   * @return {@code true} for presigned query parameters, {@code false} for an {@code
   *     Authorization} header
   */
  public boolean presigned() {
    return presigned;
  }

  /**
   * The S3 error code a server answers with, as S3 itself does for the same input.
   *
   * @return {@code AuthorizationQueryParametersError} when {@link #presigned()}, otherwise {@code
   *     AuthorizationHeaderMalformed}
   */
  public String s3ErrorCode() {
    return presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed";
  }
}
