package io.s3wire.xml;

import java.time.Instant;

/**
 * One {@code <Upload>} of ListMultipartUploadsResult.
 *
 * @param checksumAlgorithm the algorithm the upload was created with ({@code CRC32}...), or {@code null}
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} with an algorithm, else {@code null}
 */
public record MultipartUploadSummary(String key, String uploadId, Owner initiator, Owner owner, String storageClass,
    Instant initiated, String checksumAlgorithm, String checksumType) {

  /** An upload created without a checksum algorithm. */
  public MultipartUploadSummary(String key, String uploadId, Owner initiator, Owner owner, String storageClass,
      Instant initiated) {
    this(key, uploadId, initiator, owner, storageClass, initiated, null, null);
  }
}
