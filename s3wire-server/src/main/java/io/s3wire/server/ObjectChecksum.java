package io.s3wire.server;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.util.Objects;

/**
 * The checksum a stored object or part keeps, as S3 reports it ({@code x-amz-checksum-crc32} and
 * {@code x-amz-checksum-type}, {@code <ChecksumCRC32>}...).
 *
 * @param algorithm what computed it
 * @param value S3's form: the base64 of its bytes (a CRC big-endian), for a {@link
 *     ChecksumType#COMPOSITE} one followed by {@code -N}, N the number of parts
 * @param type what it covers; a part's and a single-request object's checksum is FULL_OBJECT
 *     (SHA1 and SHA256 included: only multipart objects need the COMPOSITE form for them)
 */
public record ObjectChecksum(ChecksumAlgorithm algorithm, String value, ChecksumType type) {
  /**
   * Checks that the value is one {@code algorithm} can produce for {@code type}.
   *
   * @param algorithm what computed it
   * @param value S3's form of the value
   * @param type what it covers
   * @throws IllegalArgumentException when {@code value} is not a value of {@code algorithm} in S3's
   *     form, or {@code algorithm} has no checksums of {@code type} (a COMPOSITE CRC64NVME)
   */
  public ObjectChecksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
    if (type == ChecksumType.COMPOSITE && !algorithm.supportsComposite()) {
      throw new IllegalArgumentException("S3 has no COMPOSITE " + algorithm + " checksums: " + value);
    }
    if (type == ChecksumType.COMPOSITE && !value.matches(".*-[0-9]+")) {
      throw new IllegalArgumentException("a COMPOSITE checksum ends in -N: " + value);
    }
    decode(algorithm, value, type); // throws IllegalArgumentException for what is not base64 of the right length
  }

  /**
   * The FULL_OBJECT checksum whose bytes are {@code value}.
   *
   * @param algorithm what computed it
   * @param value the raw digest, as many bytes as {@code algorithm} produces
   * @return the checksum, its value in S3's base64 form
   * @throws IllegalArgumentException when {@code value} has the wrong length for {@code algorithm}
   */
  public static ObjectChecksum fullObject(ChecksumAlgorithm algorithm, byte[] value) {
    return new ObjectChecksum(algorithm, algorithm.base64(value), ChecksumType.FULL_OBJECT);
  }

  /** {@return the checksum's bytes} For a COMPOSITE one, those of the checksum of checksums, without {@code -N}. */
  public byte[] bytes() {
    return decode(algorithm, value, type);
  }

  private static byte[] decode(ChecksumAlgorithm algorithm, String value, ChecksumType type) {
    return algorithm.parse(type == ChecksumType.COMPOSITE ? value.substring(0, value.lastIndexOf('-')) : value);
  }
}
