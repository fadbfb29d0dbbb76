package io.s3wire.error;

/** Invalid input, found before anything was sent: nothing reached the server. */
public final class ClientException extends S3Exception {
  private final String subject;

  /**
   * @param subject what was wrong (a header name, "bucket name", "range", ...)
   * @param message the rule it broke, in words
   */
  public ClientException(String subject, String message) {
    this(subject, message, null);
  }

  public ClientException(String subject, String message, Throwable cause) {
    super(subject + ": " + message, RetrySafety.UNPROCESSED, cause);
    this.subject = subject;
  }

  /** What was wrong: a header name, "bucket name", "range", ... */
  public String subject() {
    return subject;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String explain() {
    return "The request was refused before anything was sent: " + getMessage()
        + ". Nothing reached the server; correct the input and try again.";
  }
}
