package io.s3wire.xml;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The {@code <ChecksumCRC32>}... values of a document element, kept in S3's element order. */
final class ChecksumValues {
  private ChecksumValues() {}

  /** An unmodifiable copy in algorithm order; empty for {@code null}. */
  static Map<ChecksumAlgorithm, String> copy(Map<ChecksumAlgorithm, String> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new EnumMap<>(values));
  }
}
