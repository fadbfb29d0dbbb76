package io.s3wire.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {
  /** The catalogue check value of CRC-64/NVME (reveng: width=64 poly=0xad93d23594c93659 refin refout). */
  @Test
  void theCheckValue() {
    assertThat(Crc64Nvme.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xAE8B14860A799888L);
    assertThat(Crc64Nvme.of(new byte[0])).isZero();
  }

  /** The NVM Command Set specification's 64-bit CRC test cases: 4 KiB buffers. */
  @Test
  void theNvmeSpecificationTestCases() {
    byte[] zeros = new byte[4096];
    byte[] ones = new byte[4096];
    Arrays.fill(ones, (byte) 0xFF);
    byte[] up = new byte[4096];
    byte[] down = new byte[4096];
    for (int i = 0; i < 4096; i++) {
      up[i] = (byte) i;
      down[i] = (byte) (0xFF - i);
    }
    assertThat(Crc64Nvme.of(zeros)).isEqualTo(0x6482D367EB22B64EL);
    assertThat(Crc64Nvme.of(ones)).isEqualTo(0xC0DDBA7302ECA3ACL);
    assertThat(Crc64Nvme.of(up)).isEqualTo(0x3E729F5F6750449CL);
    assertThat(Crc64Nvme.of(down)).isEqualTo(0x9A2DF64B8E9E517EL);
  }

  /** The eight-at-a-time tables give what the one-bit-at-a-time definition gives, at every length and offset. */
  @Test
  void tablesAgreeWithTheBitwiseDefinition() {
    SplittableRandom random = new SplittableRandom(3);
    byte[] data = new byte[1000];
    random.nextBytes(data);
    for (int off = 0; off < 9; off++) {
      for (int len = 0; len < 200; len++) {
        assertThat(Crc64Nvme.of(data, off, len)).as("%d+%d", off, len).isEqualTo(bitwise(data, off, len));
      }
    }
  }

  /** Past four strides the input runs as four interleaved streams, joined; the joins must be exact. */
  @Test
  void interleavedStreamsAgreeWithTheBitwiseDefinition() {
    SplittableRandom random = new SplittableRandom(11);
    byte[] data = new byte[3 * 4 * 4 * Crc64Nvme.STRIDE + 64];
    random.nextBytes(data);
    int four = 4 * Crc64Nvme.STRIDE;
    for (int len : new int[] {four - 1, four, four + 1, four + 7, four + 8, 2 * four - 1, 2 * four + 13, data.length - 64}) {
      for (int off = 0; off < 4; off++) {
        assertThat(Crc64Nvme.of(data, off, len)).as("%d+%d", off, len).isEqualTo(bitwise(data, off, len));
      }
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
    direct.put(data).flip();
    Crc64Nvme c = new Crc64Nvme();
    c.update(direct);
    assertThat(c.getValue()).isEqualTo(bitwise(data, 0, data.length));
    c.reset();
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, random.nextInt(3 * four));
      c.update(ByteBuffer.allocateDirect(n).put(data, at, n).flip());
      at += n;
    }
    assertThat(c.getValue()).isEqualTo(bitwise(data, 0, data.length));
  }

  private static long bitwise(byte[] b, int off, int len) {
    long crc = -1L;
    for (int i = off; i < off + len; i++) {
      crc ^= b[i] & 0xFFL;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
      }
    }
    return ~crc;
  }

  @Test
  void updatesInPiecesAndFromBuffersGiveTheSameValue() {
    byte[] data = new byte[100_003];
    new SplittableRandom(5).nextBytes(data);
    long whole = Crc64Nvme.of(data);
    Crc64Nvme c = new Crc64Nvme();
    c.update(data, 0, 7);
    c.update(data[7]);
    c.update(ByteBuffer.wrap(data, 8, 50_000));
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length - 50_008);
    direct.put(data, 50_008, data.length - 50_008).flip();
    c.update(direct);
    assertThat(c.getValue()).isEqualTo(whole);
    assertThat(direct.hasRemaining()).isFalse();
    c.reset();
    assertThat(c.getValue()).isZero();
  }

  @Test
  void s3FormIsBase64OfTheBigEndianBytes() {
    assertThat(Crc64Nvme.base64(0xAE8B14860A799888L)).isEqualTo("rosUhgp5mIg=");
    assertThat(Crc64Nvme.parse("rosUhgp5mIg=")).isEqualTo(0xAE8B14860A799888L);
    assertThat(Crc64Nvme.base64(0)).isEqualTo("AAAAAAAAAAA=");
    assertThatThrownBy(() -> Crc64Nvme.parse("4waSgw==")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 4");
  }

  @Test
  void combiningPiecesGivesTheCrcOfTheWhole() {
    SplittableRandom random = new SplittableRandom(7);
    byte[] data = new byte[200_000];
    random.nextBytes(data);
    long whole = Crc64Nvme.of(data);
    for (int trial = 0; trial < 100; trial++) {
      int cut = random.nextInt(data.length + 1);
      long a = Crc64Nvme.of(data, 0, cut);
      long b = Crc64Nvme.of(data, cut, data.length - cut);
      assertThat(Crc64Nvme.combine(a, b, data.length - cut)).as("cut at %d", cut).isEqualTo(whole);
    }
    assertThat(Crc64Nvme.combine(whole, 0, 0)).isEqualTo(whole);
    assertThatThrownBy(() -> Crc64Nvme.combine(1, 2, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combinesAcrossGibibyteLengthsWithoutReadingThem() {
    byte[] zeros = new byte[1 << 20];
    Crc64Nvme direct = new Crc64Nvme();
    direct.update("head".getBytes(StandardCharsets.US_ASCII), 0, 4);
    Crc64Nvme ofZeros = new Crc64Nvme();
    for (int i = 0; i < 64; i++) {
      direct.update(zeros, 0, zeros.length);
      ofZeros.update(zeros, 0, zeros.length);
    }
    long head = Crc64Nvme.of("head".getBytes(StandardCharsets.US_ASCII));
    assertThat(Crc64Nvme.combine(head, ofZeros.getValue(), 64L << 20)).isEqualTo(direct.getValue());
  }
}
