package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;

/**
 * The answer to UploadPartCopy. A 200 with an {@code <Error>} body makes the reader throw {@link ErrorBodyException}.
 *
 * @param checksums the new part's checksum ({@code <ChecksumCRC32>}...), empty when the answer has none
 */
public record CopyPartResult(String eTag, Instant lastModified, Map<ChecksumAlgorithm, String> checksums) {
  public CopyPartResult {
    checksums = ChecksumValues.copy(checksums);
  }

  /** A result without a checksum. */
  public CopyPartResult(String eTag, Instant lastModified) {
    this(eTag, lastModified, Map.of());
  }
}
