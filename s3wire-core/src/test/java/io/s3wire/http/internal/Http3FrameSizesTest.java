package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frame scanner behind the QPACK sizes in the HTTP/3 trace: it finds each HEADERS frame's
 * length however the stream's bytes are cut into buffers, with varints of every size, and skips
 * DATA and unknown frames.
 */
class Http3FrameSizesTest {
  /** A QUIC variable-length integer in {@code size} bytes (1, 2, 4 or 8), RFC 9000 section 16. */
  private static void varint(ByteArrayOutputStream out, long v, int size) {
    int bits = Integer.numberOfTrailingZeros(size);
    for (int i = size - 1; i >= 0; i--) {
      int b = (int) (v >>> (8 * i)) & 0xff;
      out.write(i == size - 1 ? b | bits << 6 : b);
    }
  }

  private static void frame(ByteArrayOutputStream out, long type, int typeSize, int length, int lengthSize) {
    varint(out, type, typeSize);
    varint(out, length, lengthSize);
    out.write(new byte[length], 0, length);
  }

  /** HEADERS 6 (1-byte varints), DATA 300 (2-byte length), a reserved type 0x21 (4-byte), HEADERS 70000 (8-byte). */
  private static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frame(out, 0x01, 1, 6, 1);
    frame(out, 0x00, 1, 300, 2);
    frame(out, 0x21, 4, 17, 4);
    frame(out, 0x01, 2, 70_000, 8);
    frame(out, 0x00, 1, 0, 1);
    frame(out, 0x01, 1, 0, 1);
    return out.toByteArray();
  }

  private static List<Long> scan(byte[] bytes, int... cuts) {
    List<Long> found = new ArrayList<>();
    Http3FrameSizes.Scanner scanner = new Http3FrameSizes.Scanner();
    int from = 0;
    for (int cut : cuts) {
      scanInto(scanner, bytes, from, cut, found);
      from = cut;
    }
    scanInto(scanner, bytes, from, bytes.length, found);
    return found;
  }

  private static void scanInto(Http3FrameSizes.Scanner scanner, byte[] bytes, int from, int to, List<Long> found) {
    ByteBuf b = Unpooled.wrappedBuffer(bytes, from, to - from);
    int before = b.readerIndex();
    scanner.scan(b, found::add);
    assertThat(b.readerIndex()).as("the scanner leaves the bytes to the codec").isEqualTo(before);
  }

  @Test
  void findsEachHeadersFrameInOneBuffer() {
    assertThat(scan(stream())).containsExactly(6L, 70_000L, 0L);
  }

  @Test
  void findsThemWhereverTheBytesAreCut() {
    byte[] bytes = stream();
    for (int cut = 1; cut < bytes.length; cut += cut < 400 ? 1 : 997) {
      assertThat(scan(bytes, cut)).as("cut at %d", cut).containsExactly(6L, 70_000L, 0L);
    }
    int[] everyByteUpTo400 = new int[400];
    for (int i = 0; i < everyByteUpTo400.length; i++) {
      everyByteUpTo400[i] = i + 1;
    }
    assertThat(scan(bytes, everyByteUpTo400)).containsExactly(6L, 70_000L, 0L);
  }
}
