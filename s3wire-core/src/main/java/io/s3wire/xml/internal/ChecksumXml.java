package io.s3wire.xml.internal;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.EnumMap;
import java.util.Map;

/** The {@code <ChecksumCRC32>}, {@code <ChecksumCRC32C>}... elements several documents share. */
final class ChecksumXml {
  private ChecksumXml() {}

  /** The algorithm whose value element the cursor is on, else {@code null}. */
  static ChecksumAlgorithm algorithm(XmlCursor c) {
    String name = c.name();
    return name.startsWith("Checksum") ? ChecksumAlgorithm.forName(name.substring("Checksum".length())) : null;
  }

  /**
   * Puts the value of the checksum element the cursor is on into {@code values}; {@code false}, with
   * nothing read, when the element is not a checksum value.
   */
  static boolean read(XmlCursor c, Map<ChecksumAlgorithm, String> values) {
    ChecksumAlgorithm a = algorithm(c);
    if (a == null) {
      return false;
    }
    values.put(a, c.text());
    return true;
  }

  /** A map to collect values into. */
  static Map<ChecksumAlgorithm, String> values() {
    return new EnumMap<>(ChecksumAlgorithm.class);
  }

  /** Writes each value under its element, in S3's order (CRC32, CRC32C, CRC64NVME, SHA1, SHA256). */
  static XmlOut write(XmlOut out, Map<ChecksumAlgorithm, String> values) {
    for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
      out.leaf(a.xmlElement(), values.get(a));
    }
    return out;
  }
}
