package io.s3wire.xml;

import java.util.List;

/**
 * The answer to ListParts ({@code GET /bucket/key?uploadId=...}).
 *
 * @param partNumberMarker the marker of the request (0 when none)
 * @param nextPartNumberMarker the marker for the next page (0 when none)
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
    String storageClass) {

  public ListPartsResult {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}
