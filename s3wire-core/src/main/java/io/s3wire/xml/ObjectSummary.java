package io.s3wire.xml;

import java.time.Instant;

/**
 * One {@code <Contents>} entry of a listing.
 *
 * @param key the key, already url-decoded when the listing used {@code encoding-type=url}
 * @param eTag the ETag as S3 writes it, quotes included (e.g. {@code "d41d8cd9..."})
 * @param size the size in bytes
 * @param storageClass e.g. {@code STANDARD}, or {@code null}
 * @param owner the owner (ListObjectsV2 only with {@code fetch-owner=true}), or {@code null}
 */
public record ObjectSummary(String key, Instant lastModified, String eTag, long size, String storageClass, Owner owner) {}
