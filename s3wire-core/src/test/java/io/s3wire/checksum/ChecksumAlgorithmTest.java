package io.s3wire.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumAlgorithmTest {
  static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  /** The catalogue check values (CRCs) and FIPS 180 test vector results (SHAs) of "123456789" and "abc". */
  @Test
  void publishedValues() {
    assertThat(hex(ChecksumAlgorithm.CRC32.of(CHECK))).isEqualTo("cbf43926");
    assertThat(hex(ChecksumAlgorithm.CRC32C.of(CHECK))).isEqualTo("e3069283");
    assertThat(hex(ChecksumAlgorithm.CRC64NVME.of(CHECK))).isEqualTo("ae8b14860a799888");
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    assertThat(hex(ChecksumAlgorithm.SHA1.of(abc))).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(hex(ChecksumAlgorithm.SHA256.of(abc)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void namesHeadersAndElementsAsS3Does() {
    assertThat(ChecksumAlgorithm.CRC64NVME.headerName()).isEqualTo("x-amz-checksum-crc64nvme");
    assertThat(ChecksumAlgorithm.SHA256.xmlElement()).isEqualTo("ChecksumSHA256");
    assertThat(ChecksumAlgorithm.forName(" crc32c ")).isEqualTo(ChecksumAlgorithm.CRC32C);
    assertThat(ChecksumAlgorithm.forName("MD5")).isNull();
    assertThat(ChecksumAlgorithm.forHeader("X-Amz-Checksum-Sha1")).isEqualTo(ChecksumAlgorithm.SHA1);
    assertThat(ChecksumAlgorithm.forHeader("x-amz-checksum-type")).isNull();
    assertThat(ChecksumAlgorithm.forHeader("content-md5")).isNull();
  }

  @Test
  void typesEachAlgorithmOffersForMultipartObjects() {
    assertThat(Arrays.stream(ChecksumAlgorithm.values()).filter(ChecksumAlgorithm::supportsFullObject))
        .containsExactly(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.CRC64NVME);
    assertThat(Arrays.stream(ChecksumAlgorithm.values()).filter(ChecksumAlgorithm::supportsComposite))
        .containsExactly(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA1,
            ChecksumAlgorithm.SHA256);
    assertThatThrownBy(() -> ChecksumAlgorithm.CRC64NVME.composite(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ChecksumAlgorithm.SHA1.combine(new byte[20], new byte[20], 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @EnumSource(ChecksumAlgorithm.class)
  void parsesOnlyBase64OfTheRightLength(ChecksumAlgorithm a) {
    byte[] value = a.of(CHECK);
    assertThat(value).hasSize(a.length());
    assertThat(a.parse(a.base64(value))).isEqualTo(value);
    assertThatThrownBy(() -> a.parse(a.base64(Arrays.copyOf(value, value.length + 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.parse("not base64!")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.parse(a.base64(value) + "-2")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
  void crcsCombineInOrder(ChecksumAlgorithm a) {
    SplittableRandom random = new SplittableRandom(a.ordinal());
    byte[] data = new byte[300_000];
    random.nextBytes(data);
    byte[] acc = a.empty();
    int off = 0;
    while (off < data.length) {
      int len = Math.min(data.length - off, random.nextInt(90_000));
      acc = a.combine(acc, a.of(Arrays.copyOfRange(data, off, off + len)), len);
      off += len;
    }
    assertThat(acc).isEqualTo(a.of(data));
  }

  @ParameterizedTest
  @EnumSource(ChecksumAlgorithm.class)
  void digestsTakeDirectBuffersAndReset(ChecksumAlgorithm a) {
    byte[] data = new byte[10_000];
    new SplittableRandom(9).nextBytes(data);
    MessageDigest d = a.newDigest();
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length - 10);
    direct.put(data, 10, data.length - 10).flip();
    d.update(data, 0, 10);
    d.update(direct);
    assertThat(d.digest()).isEqualTo(a.of(data));
    assertThat(d.digest()).isEqualTo(a.empty());
    assertThat(d.getDigestLength()).isEqualTo(a.length());
  }

  @Test
  void compositeIsTheChecksumOfThePartChecksumsAndTheirCount() {
    byte[] p1 = "part one".getBytes(StandardCharsets.US_ASCII);
    byte[] p2 = "part two".getBytes(StandardCharsets.US_ASCII);
    ChecksumAlgorithm a = ChecksumAlgorithm.SHA256;
    byte[] joined = ByteBuffer.allocate(64).put(a.of(p1)).put(a.of(p2)).array();
    assertThat(a.composite(List.of(a.of(p1), a.of(p2))))
        .isEqualTo(Base64.getEncoder().encodeToString(a.of(joined)) + "-2");
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
