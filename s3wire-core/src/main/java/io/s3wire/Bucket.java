package io.s3wire;

import java.time.Instant;

/**
 * A bucket as ListBuckets returns it.
 *
 * @param name the bucket's name
 * @param creationDate when the bucket was created, or {@code null} when the server did not say
 */
public record Bucket(String name, Instant creationDate) {}
