package io.s3wire.internal;

import io.s3wire.BucketKey;
import io.s3wire.MultipartUpload;
import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.UploadLeft;

/** Puts an {@link UploadLeft} note on failures after which a multipart upload may remain on the server. */
public final class LeftUploads {
  private LeftUploads() {}

  /**
   * A failed CreateMultipartUpload: when it failed without an answer after the request may have
   * reached the server (a connection cut, a timeout), the server may have made the upload anyway.
   */
  public static void createFailed(Throwable err, BucketKey object) {
    Throwable t = Futures.unwrap(err);
    if (t instanceof S3Exception s && !(s instanceof ClientException) && !(s instanceof ServiceException)
        && s.retrySafety() != RetrySafety.UNPROCESSED) {
      t.addSuppressed(new UploadLeft(object, null, "CreateMultipartUpload got no answer (" + s.getMessage() + ")"));
    }
  }

  /**
   * The abort after {@code cause} failed too: its failure joins the cause, with a note unless the
   * upload is gone already (404, NoSuchUpload).
   */
  public static void abortFailed(Throwable cause, MultipartUpload upload, Throwable abortErr) {
    Throwable a = Futures.unwrap(abortErr);
    cause.addSuppressed(a);
    if (!(a instanceof ServiceException se && se.status() == 404)) {
      cause.addSuppressed(new UploadLeft(upload.object(), upload.uploadId(), "aborting it failed (" + a.getMessage() + ")"));
    }
  }
}
