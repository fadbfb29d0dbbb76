package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;

/**
 * The answer to CopyObject. A 200 with an {@code <Error>} body makes the reader throw {@link ErrorBodyException}.
 *
 * @param checksums the new object's checksum ({@code <ChecksumCRC32>}...), empty when the answer has none
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} with a checksum, else {@code null}
 */
public record CopyObjectResult(String eTag, Instant lastModified, Map<ChecksumAlgorithm, String> checksums,
    String checksumType) {
  public CopyObjectResult {
    checksums = ChecksumValues.copy(checksums);
  }

  /** A result without a checksum. */
  public CopyObjectResult(String eTag, Instant lastModified) {
    this(eTag, lastModified, Map.of(), null);
  }
}
