package io.s3wire.checksum;

/**
 * Joins the CRCs of two adjacent pieces of data without their bytes, for the reflected CRCs S3
 * uses (CRC32, CRC32C, CRC64NVME; all start from and end with an all-ones XOR): appending
 * {@code lengthB} zero bytes to A's register is a linear operator over GF(2), a width x width
 * matrix, squared for one byte, two, four... and applied where the length has a 1 bit (zlib's
 * {@code crc32_combine}); B's CRC is then added.
 */
final class CrcCombine {
  private CrcCombine() {}

  /**
   * The CRC of A followed by B.
   *
   * @param poly the reflected polynomial
   * @param width 32 or 64; a 32-bit CRC is passed and returned in the low 32 bits
   * @throws IllegalArgumentException when {@code lengthB} is negative
   */
  static long combine(long poly, int width, long crcA, long crcB, long lengthB) {
    if (lengthB < 0) {
      throw new IllegalArgumentException("lengthB must not be negative, was " + lengthB);
    }
    long mask = width == 64 ? -1L : (1L << width) - 1;
    if (lengthB == 0) {
      return crcA & mask;
    }
    long[] odd = new long[width];
    long[] even = new long[width];
    odd[0] = poly; // the operator for one zero bit
    long row = 1;
    for (int n = 1; n < width; n++) {
      odd[n] = row;
      row <<= 1;
    }
    square(even, odd, width); // two zero bits
    square(odd, even, width); // four zero bits
    long crc = crcA & mask;
    long len = lengthB;
    do {
      square(even, odd, width); // the first pass makes the one-byte operator
      if ((len & 1) != 0) {
        crc = times(even, crc);
      }
      len >>>= 1;
      if (len == 0) {
        break;
      }
      square(odd, even, width);
      if ((len & 1) != 0) {
        crc = times(odd, crc);
      }
      len >>>= 1;
    } while (len != 0);
    return (crc ^ crcB) & mask;
  }

  private static long times(long[] matrix, long vector) {
    long sum = 0;
    for (int i = 0; vector != 0; i++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[i];
      }
    }
    return sum;
  }

  private static void square(long[] square, long[] matrix, int width) {
    for (int n = 0; n < width; n++) {
      square[n] = times(matrix, matrix[n]);
    }
  }
}
