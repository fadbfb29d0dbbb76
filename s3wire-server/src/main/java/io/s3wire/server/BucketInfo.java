package io.s3wire.server;

import java.time.Instant;

/** A bucket's name and creation time. */
public record BucketInfo(String name, Instant creationDate) {}
