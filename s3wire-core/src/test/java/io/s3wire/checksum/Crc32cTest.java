package io.s3wire.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Crc32cTest {
  @Test
  void theCheckValueOfTheCastagnoliCrc() {
    assertThat(Crc32c.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xE3069283);
  }

  @Test
  void s3FormIsBase64OfTheBigEndianBytes() {
    assertThat(Crc32c.base64(0xE3069283)).isEqualTo("4waSgw==");
    assertThat(Crc32c.parse("4waSgw==")).isEqualTo(0xE3069283);
    assertThat(Crc32c.of(new byte[0])).isZero();
    assertThat(Crc32c.of("xx123456789yy".getBytes(StandardCharsets.US_ASCII), 2, 9)).isEqualTo(0xE3069283);
    assertThat(Crc32c.base64(0)).isEqualTo("AAAAAA==");
  }

  @Test
  void refusesWhatIsNotFourBytes() {
    assertThatThrownBy(() -> Crc32c.parse("AAAAAAAA")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6");
    assertThatThrownBy(() -> Crc32c.parse("4waSgw==-3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Crc32c.combine(1, 2, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combiningPiecesGivesTheCrcOfTheWhole() {
    SplittableRandom random = new SplittableRandom(7);
    byte[] data = new byte[300_000];
    random.nextBytes(data);
    int whole = Crc32c.of(data);
    for (int trial = 0; trial < 200; trial++) {
      int cut = random.nextInt(data.length + 1);
      int a = Crc32c.of(Arrays.copyOfRange(data, 0, cut));
      int b = Crc32c.of(Arrays.copyOfRange(data, cut, data.length));
      assertThat(Crc32c.combine(a, b, data.length - cut)).as("cut at %d", cut).isEqualTo(whole);
    }
  }

  @Test
  void combinesManyPiecesInOrder() {
    SplittableRandom random = new SplittableRandom(11);
    byte[] data = new byte[1 << 20];
    random.nextBytes(data);
    int crc = 0;
    int off = 0;
    while (off < data.length) {
      int len = Math.min(data.length - off, 1 + random.nextInt(70_000));
      crc = Crc32c.combine(crc, Crc32c.of(Arrays.copyOfRange(data, off, off + len)), len);
      off += len;
    }
    assertThat(crc).isEqualTo(Crc32c.of(data));
  }

  @Test
  void anEmptyPieceChangesNothingAndOrderMatters() {
    int a = Crc32c.of("left".getBytes(StandardCharsets.US_ASCII));
    int b = Crc32c.of("right".getBytes(StandardCharsets.US_ASCII));
    assertThat(Crc32c.combine(a, 0, 0)).isEqualTo(a);
    assertThat(Crc32c.combine(a, b, 5)).isEqualTo(Crc32c.of("leftright".getBytes(StandardCharsets.US_ASCII)));
    assertThat(Crc32c.combine(b, a, 4)).isNotEqualTo(Crc32c.combine(a, b, 5));
  }

  @Test
  void combinesAcrossGibibyteLengthsWithoutReadingThem() {
    // Zeros leave a CRC32C register unchanged only through the operator: check against a direct run.
    byte[] zeros = new byte[1 << 20];
    int a = Crc32c.of("head".getBytes(StandardCharsets.US_ASCII));
    java.util.zip.CRC32C direct = new java.util.zip.CRC32C();
    direct.update("head".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 64; i++) {
      direct.update(zeros);
    }
    int zerosCrc = 0;
    java.util.zip.CRC32C z = new java.util.zip.CRC32C();
    for (int i = 0; i < 64; i++) {
      z.update(zeros);
    }
    zerosCrc = (int) z.getValue();
    assertThat(Crc32c.combine(a, zerosCrc, 64L << 20)).isEqualTo((int) direct.getValue());
  }
}
