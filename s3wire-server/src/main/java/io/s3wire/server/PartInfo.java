package io.s3wire.server;

import java.time.Instant;

/** An uploaded part of a multipart upload: number, quoted ETag (MD5), size and upload time. */
public record PartInfo(int partNumber, String etag, long size, Instant lastModified) {}
