package io.s3wire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.checksum.Crc32c;
import io.s3wire.http.RequestBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The aws-chunked encoding with a checksum trailer, read back by a decoder written from the format. */
class TrailingChecksumBodyTest {
  private static final int CHUNK = TrailingChecksumBody.CHUNK;

  @ParameterizedTest(name = "{0} bytes read {1} at a time, {2}")
  @CsvSource({"0, 7, CRC32C", "1, 7, CRC32", "131071, 65536, CRC64NVME", "131072, 65536, SHA1",
      "131073, 1000000, SHA256", "393221, 3, CRC32C", "5242880, 16384, CRC64NVME"})
  void encodesEveryByteInChunksThenTheTrailerAndAnnouncesItsLength(int size, int readSize, ChecksumAlgorithm a)
      throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    TrailingChecksumBody body = new TrailingChecksumBody(RequestBody.ofBytes(data), a);

    byte[] wire = readAll(body, readSize);

    assertThat((long) wire.length).isEqualTo(body.contentLength())
        .isEqualTo(TrailingChecksumBody.encodedLength(size, a));
    Decoded d = decode(wire);
    assertThat(d.data).isEqualTo(data);
    assertThat(d.chunkSizes).allMatch(n -> n == CHUNK || n == size % CHUNK);
    assertThat(d.trailer).isEqualTo(a.headerName() + ":" + a.base64(a.of(data)));
    assertThat(body.checksum()).isEqualTo(a.of(data));
    assertThat(body.trailer()).isEqualTo(a.headerName());
    assertThat(body.decodedLength()).isEqualTo(size);
  }

  @Test
  void aSecondOpenSendsTheSameBytesAgain() throws IOException {
    int size = 200_000;
    int readSize = 4096;
    byte[] data = new byte[size];
    new Random(3).nextBytes(data);
    TrailingChecksumBody body = new TrailingChecksumBody(RequestBody.ofBytes(data), ChecksumAlgorithm.CRC32C);
    byte[] first = readAll(body, readSize);
    ReadableByteChannel half = body.open();
    half.read(ByteBuffer.allocate(1000));
    // A retry that stopped early leaves no checksum behind until it is read to the end.
    assertThat(body.checksum()).isNull();
    half.close();
    assertThat(readAll(body, readSize + 1)).isEqualTo(first);
    assertThat(body.checksum()).isEqualTo(ByteBuffer.allocate(4).putInt(Crc32c.of(data)).array());
  }

  private static byte[] readAll(RequestBody body, int readSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReadableByteChannel ch = body.open()) {
      // Direct buffers, as the transport reads into.
      ByteBuffer buf = ByteBuffer.allocateDirect(readSize);
      while (ch.read(buf) >= 0) {
        buf.flip();
        byte[] b = new byte[buf.remaining()];
        buf.get(b);
        out.write(b);
        buf.clear();
      }
    }
    return out.toByteArray();
  }

  private record Decoded(byte[] data, java.util.List<Integer> chunkSizes, String trailer) {}

  /** {@code HEX\r\nDATA\r\n}... {@code 0\r\n} then one trailer line and an empty line, nothing after. */
  private static Decoded decode(byte[] wire) {
    String s = new String(wire, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    int at = 0;
    while (true) {
      int eol = s.indexOf("\r\n", at);
      int n = Integer.parseInt(s.substring(at, eol), 16);
      at = eol + 2;
      if (n == 0) {
        break;
      }
      sizes.add(n);
      data.write(wire, at, n);
      at += n;
      assertThat(s.substring(at, at + 2)).isEqualTo("\r\n");
      at += 2;
    }
    int eol = s.indexOf("\r\n", at);
    String trailer = s.substring(at, eol);
    assertThat(s.substring(eol)).isEqualTo("\r\n\r\n");
    return new Decoded(data.toByteArray(), sizes, trailer);
  }
}
