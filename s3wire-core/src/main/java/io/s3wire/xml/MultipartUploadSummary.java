package io.s3wire.xml;

import java.time.Instant;

/** One {@code <Upload>} of ListMultipartUploadsResult. */
public record MultipartUploadSummary(
    String key, String uploadId, Owner initiator, Owner owner, String storageClass, Instant initiated) {}
