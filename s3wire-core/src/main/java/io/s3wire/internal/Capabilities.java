package io.s3wire.internal;

import io.s3wire.config.AddressingStyle;

/**
 * The provider capabilities the operations consult, resolved from the provider profile and the
 * user's overrides. Code asks these questions; it never asks which provider it is talking to.
 *
 * @param addressing PATH or VIRTUAL, what AUTO means for this provider
 * @param defaultRegion the region to sign with when none is configured
 * @param supportsDeleteObjects whether {@code POST ?delete} works; without it each key is deleted alone
 * @param deleteObjectsNeedsContentMd5 whether {@code POST ?delete} must carry {@code Content-MD5}
 * @param listObjectsV2 whether ListObjectsV2 ({@code list-type=2}) works; otherwise v1 with markers
 * @param acceptsChecksumHeaders whether {@code x-amz-checksum-*} headers are accepted
 */
public record Capabilities(
    AddressingStyle addressing,
    String defaultRegion,
    boolean supportsDeleteObjects,
    boolean deleteObjectsNeedsContentMd5,
    boolean listObjectsV2,
    boolean acceptsChecksumHeaders) {}
