package io.s3wire.bench.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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
  static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(
      Unpooled.directBuffer(CHUNK).writeZero(CHUNK));

  private static volatile ByteBuf small = Unpooled.unreleasableBuffer(Unpooled.directBuffer(1024).writeZero(1024));

  private Routes() {}

  static void smallSize(int bytes) {
    small = Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes).writeZero(bytes));
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
