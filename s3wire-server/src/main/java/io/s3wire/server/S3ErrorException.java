package io.s3wire.server;

import java.util.Map;
import java.util.Objects;

/**
 * An S3 error that the server answers with: a code from {@link S3ErrorCode}, a message and extra
 * XML elements (e.g. {@code StringToSign} for SignatureDoesNotMatch).
 *
 * <p>Stores throw it for the errors S3 defines (NoSuchKey, BucketNotEmpty, ...); the server renders
 * it as S3 error XML. It carries no stack trace: it is an answer, not a failure of the server.
 */
public final class S3ErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The error; serialized with the exception, unlike {@link #extra()}. */
  private final S3ErrorCode code;
  private final transient Map<String, String> extra;

  /**
   * The error with S3's default message for {@code code}.
   *
   * @param code the error; not {@code null}
   */
  public S3ErrorException(S3ErrorCode code) {
    this(code, code.message(), Map.of());
  }

  /**
   * The error with a message of its own, which goes to the client in {@code <Message>}: name what was
   * wrong, never a secret.
   *
   * @param code the error; not {@code null}
   * @param message the message
   */
  public S3ErrorException(S3ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  /**
   * The error with extra elements of the error document, written after {@code Message} in iteration order.
   *
   * @param code the error; not {@code null}
   * @param message the message, sent to the client
   * @param extra element names to text values; kept as given (not copied)
   */
  public S3ErrorException(S3ErrorCode code, String message, Map<String, String> extra) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.extra = extra;
  }

  /** {@return the error code} */
  public S3ErrorCode code() {
    return code;
  }

  /** {@return additional elements of the error document, in order} */
  public Map<String, String> extra() {
    return extra;
  }
}
