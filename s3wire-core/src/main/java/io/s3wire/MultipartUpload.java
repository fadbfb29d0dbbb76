package io.s3wire;

import java.util.Objects;

/**
 * A multipart upload in progress: where it goes and the id the server gave it.
 *
 * @param object where the upload goes
 * @param uploadId the server's id for it
 * @param customerKey the SSE-C key the upload was started with, sent again with every part and the
 *     completion; or {@code null}
 */
public record MultipartUpload(BucketKey object, String uploadId, CustomerKey customerKey) {
  /**
   * Checks the id.
   *
   * @param object the object
   * @param uploadId the server's id for the upload
   * @param customerKey the SSE-C key every part is sent with, or {@code null}
   */
  public MultipartUpload {
    Objects.requireNonNull(object, "object");
    if (uploadId == null || uploadId.isEmpty()) {
      throw new io.s3wire.error.ClientException("upload id", "must not be empty");
    }
  }

  /**
   * An upload without a customer key.
   *
   * @param object the object
   * @param uploadId the server's id for the upload
   */
  public MultipartUpload(BucketKey object, String uploadId) {
    this(object, uploadId, null);
  }
}
