package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Map;

/**
 * The answer to CompleteMultipartUpload. S3 may answer status 200 with an {@code <Error>} body
 * instead; the reader then throws {@link ErrorBodyException}.
 *
 * @param eTag the object's ETag, quotes included (for a multipart object not an MD5)
 * @param checksums the object's checksum ({@code <ChecksumCRC32>}...; a COMPOSITE one ends in
 *     {@code -N}), empty when the answer has none
 * @param checksumType {@code FULL_OBJECT} or {@code COMPOSITE} with a checksum, else {@code null}
 */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String eTag,
    Map<ChecksumAlgorithm, String> checksums, String checksumType) {
  public CompleteMultipartUploadResult {
    checksums = ChecksumValues.copy(checksums);
  }

  /** A result without a checksum. */
  public CompleteMultipartUploadResult(String location, String bucket, String key, String eTag) {
    this(location, bucket, key, eTag, Map.of(), null);
  }
}
