package io.s3wire.xml;

/** The answer to CreateMultipartUpload ({@code POST /bucket/key?uploads}). */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId) {}
