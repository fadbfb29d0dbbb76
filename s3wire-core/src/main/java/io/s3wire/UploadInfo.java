package io.s3wire;

import java.time.Instant;

/**
 * A multipart upload as ListMultipartUploads returns it.
 *
 * @param upload the upload's object and id, enough to continue, list or abort it
 * @param initiated when the upload was started, or {@code null} when the server did not say
 * @param storageClass the storage class the object will get, or {@code null}
 */
public record UploadInfo(MultipartUpload upload, Instant initiated, String storageClass) {}
