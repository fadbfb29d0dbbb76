package io.s3wire;

import java.time.Instant;

/**
 * One entry of an object listing. The key is decoded exactly as stored.
 *
 * @param key the object's key
 * @param size the object's length in bytes
 * @param eTag the entity tag without quotes (for a multipart object not an MD5 of its bytes)
 * @param lastModified when the object was last written, or {@code null} when the server did not say
 * @param storageClass the storage class as the server named it, or {@code null}
 */
public record S3Object(String key, long size, String eTag, Instant lastModified, String storageClass) {}
