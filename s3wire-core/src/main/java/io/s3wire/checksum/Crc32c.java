package io.s3wire.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) as S3 carries it: {@code x-amz-checksum-crc32c} is the base64 of the four
 * big-endian bytes. The JDK computes it (an intrinsic: many GB/s), so checksumming costs little next
 * to moving the bytes; {@link #combine} joins the CRCs of adjacent pieces without reading them
 * again, so pieces hashed in parallel (upload parts, download ranges) give the whole object's value.
 */
public final class Crc32c {
  /** The reflected Castagnoli polynomial. */
  private static final long POLY = 0x82F63B78L;

  private Crc32c() {}

  /**
   * The CRC32C of a whole byte array.
   *
   * @param bytes the data; not {@code null}
   * @return the checksum, as S3 would send it before base64
   */
  public static int of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /**
   * The CRC32C of a slice of a byte array.
   *
   * @param bytes the data; not {@code null}
   * @param offset where the slice starts
   * @param length how many bytes it holds
   * @return the checksum of the slice
   * @throws IndexOutOfBoundsException when the slice does not fit in {@code bytes}
   */
  public static int of(byte[] bytes, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(bytes, offset, length);
    return (int) c.getValue();
  }

  /**
   * The CRC32C of a buffer's remaining bytes.
   *
   * @param buf the data from its position to its limit; consumed (its position moves to the limit)
   * @return the checksum of those bytes
   */
  public static int of(ByteBuffer buf) {
    CRC32C c = new CRC32C();
    c.update(buf);
    return (int) c.getValue();
  }

  /**
   * S3's header and XML form of a checksum.
   *
   * @param crc the checksum
   * @return the base64 of its four big-endian bytes
   */
  public static String base64(int crc) {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt(crc).array());
  }

  /**
   * Parses S3's form.
   *
   * @param value the base64 text of a header, trailer or XML element
   * @return the checksum it carries
   * @throws IllegalArgumentException when {@code value} is not base64 of exactly four bytes (a
   *     composite checksum's {@code -N} suffix included)
   */
  public static int parse(String value) {
    byte[] b = Base64.getDecoder().decode(value);
    if (b.length != 4) {
      throw new IllegalArgumentException("a CRC32C is 4 bytes, not " + b.length + ": " + value);
    }
    return ByteBuffer.wrap(b).getInt();
  }

  /**
   * The CRC32C of A followed by B, from {@code crcA}, {@code crcB} and B's length: it appends
   * {@code lengthB} zero bytes to A's register by squaring the shift-by-one-bit operator (a 32x32
   * matrix over GF(2)), in O(log lengthB) steps, then adds B's CRC.
   *
   * @param crcA the CRC32C of the first piece
   * @param crcB the CRC32C of the piece that follows it
   * @param lengthB the length of the second piece in bytes
   * @return the CRC32C of both pieces, one after the other
   */
  public static int combine(int crcA, int crcB, long lengthB) {
    return (int) CrcCombine.combine(POLY, 32, crcA & 0xFFFFFFFFL, crcB & 0xFFFFFFFFL, lengthB);
  }
}
