package io.s3wire.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksum algorithms of S3's flexible checksums, named as S3 names them
 * ({@code x-amz-checksum-algorithm: CRC64NVME}, {@code <ChecksumAlgorithm>}).
 *
 * <p>A value travels as the base64 of its bytes (a CRC big-endian) in {@code x-amz-checksum-*}
 * headers, aws-chunked trailers and {@code <Checksum*>} elements. A multipart object's checksum is
 * either FULL_OBJECT, the checksum of all its bytes, which only the CRCs can form from the parts'
 * ({@link #combine}), or COMPOSITE, the checksum of the parts' checksums one after another followed
 * by {@code -N} ({@link #composite}), which CRC64NVME does not offer.
 */
public enum ChecksumAlgorithm {
  /** CRC-32 (the zip and Ethernet polynomial): 4 bytes, FULL_OBJECT or COMPOSITE. */
  CRC32(4, true, true),
  /** CRC-32C (Castagnoli, hardware-accelerated): 4 bytes, FULL_OBJECT or COMPOSITE. */
  CRC32C(4, true, true),
  /** The NVMe CRC-64: 8 bytes, FULL_OBJECT only; S3's default for new uploads. */
  CRC64NVME(8, true, false),
  /** SHA-1: 20 bytes, COMPOSITE only, since a hash of parts cannot be combined into the whole's. */
  SHA1(20, false, true),
  /** SHA-256: 32 bytes, COMPOSITE only, since a hash of parts cannot be combined into the whole's. */
  SHA256(32, false, true);

  private final int length;
  private final boolean fullObject;
  private final boolean composite;

  ChecksumAlgorithm(int length, boolean fullObject, boolean composite) {
    this.length = length;
    this.fullObject = fullObject;
    this.composite = composite;
  }

  /**
   * The algorithm S3 calls {@code name}, as in {@code x-amz-checksum-algorithm}.
   *
   * @param name e.g. {@code CRC64NVME}, any case, surrounding blanks ignored; not {@code null}
   * @return the algorithm, or {@code null} when {@code name} is none of them
   */
  public static ChecksumAlgorithm forName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    for (ChecksumAlgorithm a : values()) {
      if (a.name().equals(upper)) {
        return a;
      }
    }
    return null;
  }

  /**
   * The algorithm whose header is {@code headerName} ({@code x-amz-checksum-crc32}, any case);
   * {@code null} when it names none of them.
   *
   * @param headerName a header or trailer name; not {@code null}
   * @return the algorithm, or {@code null} for a name outside {@code x-amz-checksum-*}
   */
  public static ChecksumAlgorithm forHeader(String headerName) {
    String lower = headerName.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("x-amz-checksum-") ? forName(lower.substring("x-amz-checksum-".length())) : null;
  }

  /**
   * The header (and aws-chunked trailer) that carries a value of this algorithm.
   *
   * @return {@code x-amz-checksum-crc32} and so on, lower case
   */
  public String headerName() {
    return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
  }

  /**
   * The XML element that carries a value of this algorithm in listings and multipart documents.
   *
   * @return {@code ChecksumCRC32} and so on
   */
  public String xmlElement() {
    return "Checksum" + name();
  }

  /**
   * The length of a value, before base64.
   *
   * @return the number of bytes: 4, 8, 20 or 32
   */
  public int length() {
    return length;
  }

  /**
   * Whether a multipart object can have a FULL_OBJECT checksum of this algorithm.
   *
   * @return {@code true} for the CRCs, whose part values {@link #combine} into the whole's
   */
  public boolean supportsFullObject() {
    return fullObject;
  }

  /**
   * Whether a multipart object can have a COMPOSITE checksum of this algorithm.
   *
   * @return {@code true} for all but CRC64NVME, which S3 offers as FULL_OBJECT only
   */
  public boolean supportsComposite() {
    return composite;
  }

  /**
   * A fresh digest of this algorithm; a CRC's {@link MessageDigest#digest()} is its big-endian
   * bytes. Not thread-safe, like every {@link MessageDigest}.
   *
   * @return a new digest, never shared
   */
  public MessageDigest newDigest() {
    return switch (this) {
      case CRC32 -> new CrcDigest("CRC32", new CRC32(), 4);
      case CRC32C -> new CrcDigest("CRC32C", new CRC32C(), 4);
      case CRC64NVME -> new CrcDigest("CRC64NVME", new Crc64Nvme(), 8);
      case SHA1 -> jdk("SHA-1");
      case SHA256 -> jdk("SHA-256");
    };
  }

  /**
   * The checksum of a whole byte array.
   *
   * @param bytes the data; not {@code null}
   * @return the value, {@link #length()} bytes
   */
  public byte[] of(byte[] bytes) {
    return newDigest().digest(bytes);
  }

  /**
   * S3's text form of a value, as sent in headers, trailers and XML.
   *
   * @param value the value's bytes (a CRC big-endian)
   * @return the base64 of {@code value}, padded
   */
  public String base64(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  /**
   * The bytes of a value in S3's form.
   *
   * @param value the base64 text of a header, trailer or XML element
   * @return the value's {@link #length()} bytes
   * @throws IllegalArgumentException when {@code value} is not base64 of exactly {@link #length()}
   *     bytes (a composite checksum's {@code -N} suffix included)
   */
  public byte[] parse(String value) {
    byte[] b = Base64.getDecoder().decode(value);
    if (b.length != length) {
      throw new IllegalArgumentException("a " + name() + " is " + length + " bytes, not " + b.length + ": " + value);
    }
    return b;
  }

  /**
   * The value of A followed by B, from A's value, B's and B's length, without the bytes: how a
   * FULL_OBJECT checksum is formed from the parts' values.
   *
   * @param a the value of the first piece (start from {@link #empty()})
   * @param b the value of the piece that follows it
   * @param lengthB the length of the second piece in bytes
   * @return the value of both pieces, one after the other
   * @throws UnsupportedOperationException for SHA1 and SHA256, which do not combine
   */
  public byte[] combine(byte[] a, byte[] b, long lengthB) {
    return switch (this) {
      case CRC32 -> int4(CrcCombine.combine(0xEDB88320L, 32, uint(a), uint(b), lengthB));
      case CRC32C -> int4(CrcCombine.combine(0x82F63B78L, 32, uint(a), uint(b), lengthB));
      case CRC64NVME -> ByteBuffer.allocate(8)
          .putLong(Crc64Nvme.combine(ByteBuffer.wrap(a).getLong(), ByteBuffer.wrap(b).getLong(), lengthB)).array();
      case SHA1, SHA256 -> throw new UnsupportedOperationException(name() + " values do not combine");
    };
  }

  /**
   * The value of no bytes: what {@link #combine} starts from.
   *
   * @return the checksum of an empty input
   */
  public byte[] empty() {
    return newDigest().digest();
  }

  /**
   * A COMPOSITE checksum in S3's form: the base64 of this algorithm over the parts' values one
   * after another, then {@code -} and the number of parts.
   *
   * @param partValues the parts' values in part-number order
   * @return the base64 value, then {@code -3} for three parts
   * @throws UnsupportedOperationException for CRC64NVME, which S3 offers as FULL_OBJECT only
   */
  public String composite(List<byte[]> partValues) {
    if (!composite) {
      throw new UnsupportedOperationException(name() + " has no COMPOSITE checksums");
    }
    MessageDigest d = newDigest();
    partValues.forEach(d::update);
    return base64(d.digest()) + "-" + partValues.size();
  }

  private static long uint(byte[] four) {
    return ByteBuffer.wrap(four).getInt() & 0xFFFFFFFFL;
  }

  private static byte[] int4(long v) {
    return ByteBuffer.allocate(4).putInt((int) v).array();
  }

  private static MessageDigest jdk(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has " + name, e);
    }
  }

  /** A CRC as a {@link MessageDigest}: its digest is the CRC's big-endian bytes. */
  private static final class CrcDigest extends MessageDigest {
    private final Checksum crc;
    private final int bytes;

    CrcDigest(String name, Checksum crc, int bytes) {
      super(name);
      this.crc = crc;
      this.bytes = bytes;
    }

    @Override
    protected void engineUpdate(byte input) {
      crc.update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int len) {
      crc.update(input, offset, len);
    }

    @Override
    protected void engineUpdate(ByteBuffer input) {
      crc.update(input);
    }

    @Override
    protected int engineGetDigestLength() {
      return bytes;
    }

    @Override
    protected byte[] engineDigest() {
      long v = crc.getValue();
      crc.reset();
      return bytes == 4 ? int4(v) : ByteBuffer.allocate(8).putLong(v).array();
    }

    @Override
    protected void engineReset() {
      crc.reset();
    }
  }
}
