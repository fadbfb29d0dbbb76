package io.s3wire.server;

/**
 * What a stored checksum covers, as S3's {@code x-amz-checksum-type} and {@code <ChecksumType>} name it.
 */
public enum ChecksumType {
  /**
   * The checksum of the object's bytes, whole; for a multipart object the parts' CRCs combined
   * (CRC32, CRC32C, CRC64NVME only).
   */
  FULL_OBJECT,
  /**
   * A multipart object's checksum of checksums: the algorithm over its parts' checksums one after
   * another, written {@code base64-N} with N the number of parts (all algorithms but CRC64NVME).
   */
  COMPOSITE;

  /**
   * {@return the type named {@code value}, or {@code null} when it names none}
   *
   * @param value a type name such as {@code FULL_OBJECT}, any case, surrounding spaces ignored; not {@code null}
   */
  public static ChecksumType parse(String value) {
    for (ChecksumType t : values()) {
      if (t.name().equalsIgnoreCase(value.trim())) {
        return t;
      }
    }
    return null;
  }
}
