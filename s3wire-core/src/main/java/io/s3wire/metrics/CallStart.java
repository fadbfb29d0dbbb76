package io.s3wire.metrics;

/**
 * A call about to be sent.
 *
 * @param callId an id unique within the JVM, the same in the call's {@link AttemptEnd}s and {@link CallEnd}
 * @param operation the S3 operation, e.g. {@code PutObject}
 * @param bucket the bucket, or {@code null} for ListBuckets
 * @param key the object key, or {@code null}
 */
public record CallStart(long callId, String operation, String bucket, String key) {}
