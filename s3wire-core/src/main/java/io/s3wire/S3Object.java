package io.s3wire;

import java.time.Instant;

/** One entry of an object listing. The key is decoded exactly as stored. */
public record S3Object(String key, long size, String eTag, Instant lastModified, String storageClass) {}
