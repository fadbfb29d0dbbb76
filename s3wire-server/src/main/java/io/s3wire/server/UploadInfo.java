package io.s3wire.server;

import java.time.Instant;

/**
 * An open multipart upload: key, upload id, when it started and what the object will carry.
 *
 * @param checksumAlgorithm the checksum algorithm CreateMultipartUpload named
 *     ({@code x-amz-checksum-algorithm}, upper-case: {@code CRC32C}), or {@code null}
 * @param checksumType the checksum type it named ({@code x-amz-checksum-type}), or {@code null}
 */
public record UploadInfo(String key, String uploadId, Instant initiated, ObjectAttributes attributes,
    String checksumAlgorithm, ChecksumType checksumType) {
  /** An upload that named no checksum. */
  public UploadInfo(String key, String uploadId, Instant initiated, ObjectAttributes attributes) {
    this(key, uploadId, initiated, attributes, null, null);
  }
}
