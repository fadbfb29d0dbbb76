package io.s3wire.server;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;

/**
 * An open multipart upload: key, upload id, when it started and what the object will carry.
 *
 * @param checksumAlgorithm the checksum algorithm CreateMultipartUpload named
 *     ({@code x-amz-checksum-algorithm}), or {@code null}
 * @param checksumType the checksum type of the object it makes ({@code x-amz-checksum-type}, else
 *     the algorithm's default), or {@code null} without an algorithm
 */
public record StoredUpload(String key, String uploadId, Instant initiated, ObjectAttributes attributes,
    ChecksumAlgorithm checksumAlgorithm, ChecksumType checksumType) {
  /**
   * An upload that named no checksum.
   *
   * @param key the key the completed object will have
   * @param uploadId the upload's id, as CreateMultipartUpload returned it
   * @param initiated when the upload was created
   * @param attributes the headers and metadata the completed object will carry
   */
  public StoredUpload(String key, String uploadId, Instant initiated, ObjectAttributes attributes) {
    this(key, uploadId, initiated, attributes, null, null);
  }
}
