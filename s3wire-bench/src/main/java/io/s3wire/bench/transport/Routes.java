package io.s3wire.bench.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * What the bench responder answers, the same on HTTP/1.1 and HTTP/2:
 *
 * <ul>
 *   <li>{@code GET /small}: 200 with {@link #smallBody()} ({@code --small-size} bytes);
 *   <li>{@code GET /bytes/N}: 200 with N zero bytes, streamed as the client takes them;
 *   <li>{@code PUT <any>}: reads and discards the body, then 200 with {@code x-received: <bytes>}.
 * </ul>
 *
 * Anything else is 404. The responder does no storage and no hashing, so the transfer figures are the
 * client's and the TLS stack's, not a store's.
 */
final class Routes {
  /** Bytes written per DATA frame / HTTP content chunk for streamed bodies. */
  static final int CHUNK = 64 * 1024;
  /** A shared chunk of zeros; write duplicates, never change or release it. */
  static final ByteBuf ZEROS = zeros(CHUNK);

  private static volatile ByteBuf small = zeros(1024);

  private Routes() {}

  static void smallSize(int bytes) {
    small = zeros(bytes);
  }

  /**
   * {@code n} zero bytes in a direct buffer that no one releases: wrapping a JDK buffer keeps it out
   * of Netty's leak detector (the GC frees it when a new size replaces it).
   */
  private static ByteBuf zeros(int n) {
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(n)));
  }

  static ByteBuf smallBody() {
    return small.duplicate();
  }

  /** The byte count of a {@code /bytes/N} path, {@code -1} for {@code /small}, or null when unknown. */
  static Long getLength(String path) {
    if (path.equals("/small")) {
      return -1L;
    }
    if (path.startsWith("/bytes/")) {
      try {
        return Long.parseLong(path.substring("/bytes/".length()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
