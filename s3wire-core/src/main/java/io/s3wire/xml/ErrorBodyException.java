package io.s3wire.xml;

import java.util.Objects;

/**
 * A reader expected a result document but found an S3 {@code <Error>} document. S3 does this with
 * status 200 for CompleteMultipartUpload, CopyObject and UploadPartCopy: the status line was sent
 * before the work finished, so the failure arrives in the body. The caller must treat the call as
 * failed (see {@code io.s3wire.error.ServiceExceptions#from}).
 */
public final class ErrorBodyException extends S3XmlException {
  private final ErrorDocument error;

  public ErrorBodyException(ErrorDocument error) {
    super("expected a result document but the body is an S3 <Error>: "
        + Objects.requireNonNull(error, "error").code() + (error.message() == null ? "" : ": " + error.message()));
    this.error = error;
  }

  /** The error document the body holds. */
  public ErrorDocument error() {
    return error;
  }
}
