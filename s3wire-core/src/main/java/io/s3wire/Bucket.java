package io.s3wire;

import java.time.Instant;

/** A bucket as ListBuckets returns it. {@code creationDate} may be {@code null}. */
public record Bucket(String name, Instant creationDate) {}
