package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scanner behind the HPACK sizes in the HTTP/2 trace: after the client's preface, each header
 * block's size (HEADERS plus its CONTINUATIONs, per stream) however the bytes are cut into buffers;
 * other frames skipped, the bytes left to the codec.
 */
class Http2FrameSizesTest {
  private static void frame(ByteArrayOutputStream out, int type, int flags, int stream, int length) {
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(type);
    out.write(flags);
    out.write(stream >>> 24);
    out.write(stream >>> 16);
    out.write(stream >>> 8);
    out.write(stream);
    out.write(new byte[length], 0, length);
  }

  /** The preface, SETTINGS, HEADERS 1 (39, END_HEADERS), DATA 1, HEADERS 3 + 2 CONTINUATIONs (100 + 16384 + 7), trailers on 1 (0). */
  private static byte[] connection() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    frame(out, 0x4, 0, 0, 18);
    frame(out, 0x1, 0x5, 1, 39);
    frame(out, 0x0, 0x1, 1, 70_000);
    frame(out, 0x1, 0x0, 3, 100);
    frame(out, 0x9, 0x0, 3, 16_384);
    frame(out, 0x9, 0x4, 3, 7);
    frame(out, 0x1, 0x5, 1, 0);
    return out.toByteArray();
  }

  private static List<String> scan(byte[] bytes, int cutEvery) {
    List<String> found = new ArrayList<>();
    Http2FrameSizes.Scanner scanner = new Http2FrameSizes.Scanner(24);
    for (int from = 0; from < bytes.length; from += cutEvery) {
      ByteBuf b = Unpooled.wrappedBuffer(bytes, from, Math.min(cutEvery, bytes.length - from));
      scanner.scan(b, (stream, length) -> found.add(stream + ":" + length));
      assertThat(b.readerIndex()).as("the scanner leaves the bytes to the codec").isZero();
    }
    return found;
  }

  @Test
  void findsEachHeaderBlockWhereverTheBytesAreCut() {
    byte[] bytes = connection();
    for (int cut : new int[] {bytes.length, 1, 2, 5, 9, 10, 24, 25, 4096, 16_393}) {
      assertThat(scan(bytes, cut)).as("cut every %d bytes", cut).containsExactly("1:39", "3:16491", "1:0");
    }
  }

  @Test
  void receivedBlocksWaitPerStreamUntilTaken() {
    Http2FrameSizes sizes = new Http2FrameSizes((stream, length) -> { });
    io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel(sizes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frame(out, 0x1, 0x4, 1, 52);
    frame(out, 0x1, 0x4, 3, 9);
    frame(out, 0x1, 0x5, 1, 4);
    ch.writeInbound(Unpooled.wrappedBuffer(out.toByteArray()));
    ByteBuf passed = ch.readInbound();
    assertThat(passed.readableBytes()).isEqualTo(out.size());
    passed.release();
    assertThat(sizes.takeReceived(1)).isEqualTo(52);
    assertThat(sizes.takeReceived(3)).isEqualTo(9);
    assertThat(sizes.takeReceived(1)).isEqualTo(4);
    assertThat(sizes.takeReceived(1)).isEqualTo(-1);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }
}
