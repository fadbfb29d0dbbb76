package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Map;

/**
 * One {@code <Part>} of GetObjectAttributes' {@code <ObjectParts>}: a part of a completed multipart
 * object.
 *
 * @param checksums the part's own checksum ({@code <ChecksumCRC32>}...), empty when it has none
 */
public record ObjectPart(int partNumber, long size, Map<ChecksumAlgorithm, String> checksums) {
  public ObjectPart {
    checksums = ChecksumValues.copy(checksums);
  }
}
