package io.s3wire;

import java.util.Objects;

/** A multipart upload in progress: where it goes and the id the server gave it. */
public record MultipartUpload(BucketKey object, String uploadId) {
  public MultipartUpload {
    Objects.requireNonNull(object, "object");
    if (uploadId == null || uploadId.isEmpty()) {
      throw new io.s3wire.error.ClientException("upload id", "must not be empty");
    }
  }
}
