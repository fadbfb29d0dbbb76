package io.s3wire.server;

import java.time.Instant;

/** An open multipart upload: key, upload id, when it started and what the object will carry. */
public record UploadInfo(String key, String uploadId, Instant initiated, ObjectAttributes attributes) {}
