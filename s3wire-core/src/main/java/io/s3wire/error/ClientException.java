package io.s3wire.error;

/** Invalid input, found before anything was sent: nothing reached the server. */
public final class ClientException extends S3Exception {
  /** What was wrong: a header name, "bucket name", "range", ... */
  private final String subject;

  /**
   * Creates the failure for input that broke a rule.
   *
   * @param subject what was wrong (a header name, "bucket name", "range", ...)
   * @param message the rule it broke, in words
   */
  public ClientException(String subject, String message) {
    this(subject, message, null);
  }

  /**
   * Creates the failure for input that broke a rule, keeping what detected it.
   *
   * @param subject what was wrong (a header name, "bucket name", "range", ...)
   * @param message the rule it broke, in words
   * @param cause the failure that revealed the problem (e.g. a parse error), or {@code null}
   */
  public ClientException(String subject, String message, Throwable cause) {
    super(subject + ": " + message, RetrySafety.UNPROCESSED, cause);
    this.subject = subject;
  }

  /**
   * What was wrong.
   *
   * @return a header name, "bucket name", "range", ...
   */
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
