package io.s3wire.xml;

import java.util.List;

/**
 * The answer to ListParts ({@code GET /bucket/key?uploadId=...}).
 *
 * @param partNumberMarker the marker of the request (0 when none)
 * @param nextPartNumberMarker the marker for the next page (0 when none)
 * @param checksumAlgorithm the algorithm the upload was created with ({@code CRC32}...), or {@code null}
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} with an algorithm, else {@code null}
 */
public record ListPartsResult(
    String bucket,
    String key,
    String uploadId,
    int partNumberMarker,
    int nextPartNumberMarker,
    int maxParts,
    boolean truncated,
    List<PartSummary> parts,
    Owner initiator,
    Owner owner,
    String storageClass,
    String checksumAlgorithm,
    String checksumType) {

  public ListPartsResult {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** An upload created without a checksum algorithm. */
  public ListPartsResult(String bucket, String key, String uploadId, int partNumberMarker, int nextPartNumberMarker,
      int maxParts, boolean truncated, List<PartSummary> parts, Owner initiator, Owner owner, String storageClass) {
    this(bucket, key, uploadId, partNumberMarker, nextPartNumberMarker, maxParts, truncated, parts, initiator, owner,
        storageClass, null, null);
  }
}
