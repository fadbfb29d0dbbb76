package io.s3wire.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME, the CRC S3 calls CRC64NVME and keeps for every object uploaded without a checksum:
 * reflected polynomial {@code 0x9A6C9329AC4BC9B5}, initial value and final XOR all ones (check
 * value of {@code "123456789"}: {@code 0xAE8B14860A799888}). {@code x-amz-checksum-crc64nvme} is
 * the base64 of its eight big-endian bytes.
 *
 * <p>The JDK has no CRC64, so this one is table-driven, eight bytes a step ("slicing-by-8": eight
 * 256-entry tables, 16 KiB). An instance is a {@link Checksum} and, like the JDK's, not
 * thread-safe; {@link #combine} joins the CRCs of adjacent pieces without reading them again.
 */
public final class Crc64Nvme implements Checksum {
  /** The reflected polynomial. */
  static final long POLY = 0x9A6C9329AC4BC9B5L;
  private static final long[][] TABLES = tables();

  private long crc = -1L; // the register, before the final XOR

  /** A checksum of no bytes yet. */
  public Crc64Nvme() {}

  /**
   * The CRC64NVME of a whole byte array.
   *
   * @param bytes the data; not {@code null}
   * @return the checksum, as S3 would send it before base64
   */
  public static long of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /**
   * The CRC64NVME of a slice of a byte array.
   *
   * @param bytes the data; not {@code null}
   * @param offset where the slice starts
   * @param length how many bytes it holds
   * @return the checksum of the slice
   * @throws IndexOutOfBoundsException when the slice does not fit in {@code bytes}
   */
  public static long of(byte[] bytes, int offset, int length) {
    Crc64Nvme c = new Crc64Nvme();
    c.update(bytes, offset, length);
    return c.getValue();
  }

  @Override
  public void update(int b) {
    crc = TABLES[0][(int) (crc ^ b) & 0xff] ^ (crc >>> 8);
  }

  @Override
  public void update(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    long c = crc;
    int i = off;
    int end = off + len;
    long[] t0 = TABLES[0];
    long[] t1 = TABLES[1];
    long[] t2 = TABLES[2];
    long[] t3 = TABLES[3];
    long[] t4 = TABLES[4];
    long[] t5 = TABLES[5];
    long[] t6 = TABLES[6];
    long[] t7 = TABLES[7];
    for (; end - i >= 8; i += 8) {
      c ^= (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
          | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
      c = t7[(int) c & 0xff] ^ t6[(int) (c >>> 8) & 0xff] ^ t5[(int) (c >>> 16) & 0xff]
          ^ t4[(int) (c >>> 24) & 0xff] ^ t3[(int) (c >>> 32) & 0xff] ^ t2[(int) (c >>> 40) & 0xff]
          ^ t1[(int) (c >>> 48) & 0xff] ^ t0[(int) (c >>> 56) & 0xff];
    }
    for (; i < end; i++) {
      c = t0[(int) (c ^ b[i]) & 0xff] ^ (c >>> 8);
    }
    crc = c;
  }

  @Override
  public void update(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      int pos = buffer.position();
      update(buffer.array(), buffer.arrayOffset() + pos, buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    byte[] chunk = new byte[Math.min(buffer.remaining(), 8192)];
    while (buffer.hasRemaining()) {
      int n = Math.min(chunk.length, buffer.remaining());
      buffer.get(chunk, 0, n);
      update(chunk, 0, n);
    }
  }

  /** The CRC of the bytes so far (all 64 bits: compare as a {@code long}). */
  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = -1L;
  }

  /**
   * S3's header and XML form of a checksum.
   *
   * @param crc the checksum
   * @return the base64 of its eight big-endian bytes
   */
  public static String base64(long crc) {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(crc).array());
  }

  /**
   * Parses S3's form.
   *
   * @param value the base64 text of a header, trailer or XML element
   * @return the checksum it carries
   * @throws IllegalArgumentException when {@code value} is not base64 of exactly eight bytes
   */
  public static long parse(String value) {
    byte[] b = Base64.getDecoder().decode(value);
    if (b.length != 8) {
      throw new IllegalArgumentException("a CRC64NVME is 8 bytes, not " + b.length + ": " + value);
    }
    return ByteBuffer.wrap(b).getLong();
  }

  /**
   * The CRC64NVME of A followed by B, from {@code crcA}, {@code crcB} and B's length, in
   * O(log lengthB) steps (as zlib's {@code crc32_combine}, over a 64x64 matrix).
   *
   * @param crcA the CRC64NVME of the first piece
   * @param crcB the CRC64NVME of the piece that follows it
   * @param lengthB the length of the second piece in bytes
   * @return the CRC64NVME of both pieces, one after the other
   */
  public static long combine(long crcA, long crcB, long lengthB) {
    return CrcCombine.combine(POLY, 64, crcA, crcB, lengthB);
  }

  private static long[][] tables() {
    long[][] t = new long[8][256];
    for (int n = 0; n < 256; n++) {
      long c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      }
      t[0][n] = c;
    }
    for (int n = 0; n < 256; n++) {
      long c = t[0][n];
      for (int k = 1; k < 8; k++) {
        c = t[0][(int) c & 0xff] ^ (c >>> 8);
        t[k][n] = c;
      }
    }
    return t;
  }
}
