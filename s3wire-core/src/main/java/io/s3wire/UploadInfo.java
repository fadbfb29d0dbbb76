package io.s3wire;

import java.time.Instant;

/** A multipart upload as ListMultipartUploads returns it. */
public record UploadInfo(MultipartUpload upload, Instant initiated, String storageClass) {}
