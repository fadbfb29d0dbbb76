package io.s3wire;

import java.time.Instant;

/** The outcome of a server-side copy: the new object's ETag (no quotes) and modification time. */
public record CopyObjectResult(BucketKey target, String eTag, Instant lastModified) {}
