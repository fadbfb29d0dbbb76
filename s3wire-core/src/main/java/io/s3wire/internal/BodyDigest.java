package io.s3wire.internal;

import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;

/** Reads a replayable body once, beforehand, for a digest of it. Blocks: never on an event loop. */
final class BodyDigest {
  private BodyDigest() {}

  /**
   * The digest of {@code body}'s bytes (an {@link Md5Body}'s source, so its own MD5 stays the one of
   * the bytes as sent).
   *
   * @param what names the body in messages, e.g. {@code PutObject s3://b/k}
   * @throws ClientException when the body cannot be read, or gives no bytes while not at its end
   */
  static byte[] of(RequestBody body, MessageDigest md, Object what) {
    RequestBody source = body instanceof Md5Body md5 ? md5.source() : body;
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try (ReadableByteChannel ch = source.open()) {
      int n;
      while ((n = ch.read(buf)) >= 0) {
        if (n == 0) {
          throw new ClientException("body", "the body of " + what + " gave 0 bytes with room to read while it was"
              + " hashed; a RequestBody's channel must block until it has a byte or its end");
        }
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    } catch (IOException e) {
      throw new ClientException("body", "cannot read the body of " + what + " to hash it: " + e.getMessage(), e);
    }
    return md.digest();
  }
}
