package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Map;

/**
 * One {@code <Part>} of a CompleteMultipartUpload request.
 *
 * @param eTag the part's ETag as UploadPart returned it, quotes included
 * @param checksums the part's checksums ({@code <ChecksumCRC32>}...) as UploadPart returned them:
 *     one, of the algorithm the upload was created with, else none (a request may carry more; S3
 *     then refuses it)
 */
public record CompletedPart(int partNumber, String eTag, Map<ChecksumAlgorithm, String> checksums) {
  public CompletedPart {
    checksums = ChecksumValues.copy(checksums);
  }

  /** A part without a checksum. */
  public CompletedPart(int partNumber, String eTag) {
    this(partNumber, eTag, Map.of());
  }

  /** A part with one checksum. */
  public CompletedPart(int partNumber, String eTag, ChecksumAlgorithm algorithm, String checksum) {
    this(partNumber, eTag, Map.of(algorithm, checksum));
  }
}
