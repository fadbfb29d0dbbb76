package io.s3wire.server;

/**
 * What a stored CRC32C covers, as S3's {@code x-amz-checksum-type} and {@code <ChecksumType>} name it.
 */
public enum ChecksumType {
  /** The CRC32C of the object's bytes, whole; for a multipart object, its parts' CRCs combined. */
  FULL_OBJECT,
  /**
   * A multipart object's checksum of checksums: the CRC32C of its parts' 4-byte CRCs one after
   * another, written {@code base64-N} with N the number of parts.
   */
  COMPOSITE;

  /** The type named {@code value} (any case); {@code null} when it names none. */
  public static ChecksumType parse(String value) {
    for (ChecksumType t : values()) {
      if (t.name().equalsIgnoreCase(value.trim())) {
        return t;
      }
    }
    return null;
  }
}
