package io.s3wire.xml;

/**
 * The optional body of CreateBucket. For {@code us-east-1} S3 wants no body at all; {@link
 * S3Xml#write(CreateBucketConfiguration)} still writes one when asked, so the caller decides.
 *
 * @param locationConstraint the region, or {@code null} for none
 */
public record CreateBucketConfiguration(String locationConstraint) {}
