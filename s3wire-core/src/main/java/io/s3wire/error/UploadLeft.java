package io.s3wire.error;

import io.s3wire.BucketKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A note on a failed upload: a multipart upload may remain on the server, holding its parts'
 * storage until someone aborts it. Found among the failure's suppressed exceptions ({@link #in}).
 *
 * <p>Two ways it happens: aborting the upload after the failure failed too (the upload id is
 * known), or CreateMultipartUpload got no answer, so the server may have made an upload whose id
 * nobody learnt (ListMultipartUploads on the key shows it; a bucket lifecycle rule with
 * AbortIncompleteMultipartUpload removes such uploads in S3).
 */
public final class UploadLeft extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The object the upload was for. */
  private final transient BucketKey object;
  /** The upload's id, or {@code null} when the answer with it was lost. */
  private final String uploadId;

  /**
   * Creates the note.
   *
   * @param object the object the upload was for
   * @param uploadId the upload's id, or {@code null} when the server's answer with it was lost
   * @param why what went wrong, one line without secrets
   */
  public UploadLeft(BucketKey object, String uploadId, String why) {
    super(message(Objects.requireNonNull(object, "object"), uploadId, why), null, false, false);
    this.object = object;
    this.uploadId = uploadId;
  }

  private static String message(BucketKey object, String uploadId, String why) {
    return uploadId != null
        ? "multipart upload " + uploadId + " of " + object + " is left on the server: " + why
        : "a multipart upload of " + object + " may be left on the server: " + why;
  }

  /** {@return the object the upload was for} */
  public BucketKey object() {
    return object;
  }

  /** {@return the upload's id; empty when the server may have made an upload whose id was lost} */
  public Optional<String> uploadId() {
    return Optional.ofNullable(uploadId);
  }

  /**
   * The note on {@code failure}, if it has one.
   *
   * @param failure what an upload failed with
   * @return the note among its suppressed exceptions (or theirs), or empty
   */
  public static Optional<UploadLeft> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof UploadLeft u) {
          return Optional.of(u);
        }
      }
    }
    return Optional.empty();
  }
}
