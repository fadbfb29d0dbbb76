package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;

/**
 * One {@code <Part>} of ListPartsResult.
 *
 * @param checksums the part's checksum ({@code <ChecksumCRC32>}...), empty when it has none
 */
public record PartSummary(int partNumber, Instant lastModified, String eTag, long size,
    Map<ChecksumAlgorithm, String> checksums) {
  public PartSummary {
    checksums = ChecksumValues.copy(checksums);
  }

  /** A part without a checksum. */
  public PartSummary(int partNumber, Instant lastModified, String eTag, long size) {
    this(partNumber, lastModified, eTag, size, Map.of());
  }
}
