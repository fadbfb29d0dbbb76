package io.s3wire.server.internal.store;

import io.s3wire.server.ObjectContent;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a store's {@link ObjectContent} under its contract: a channel read with room in the buffer
 * gives at least one byte or reports the end. A read of 0 bytes would make a fill loop spin, so it
 * is taken as a broken store and fails with {@link StalledContentException}.
 */
public final class ContentReads {
  private ContentReads() {}

  /**
   * Reads once into {@code dst}: at least one byte when {@code dst} has room, -1 at the end.
   *
   * @param done how many of the content's bytes were read before, for the message
   * @throws StalledContentException when the channel returns 0 bytes although {@code dst} has room
   */
  public static int readSome(ObjectContent content, ByteBuffer dst, long done) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    int n = content.channel().read(dst);
    if (n == 0) {
      throw new StalledContentException(content, done);
    }
    return n;
  }

  /**
   * Fills {@code dst} from the content.
   *
   * @param done how many of the content's bytes were read before, for the messages
   * @throws EOFException when the content ends before {@code dst} is full
   * @throws StalledContentException when the channel returns 0 bytes although {@code dst} has room
   */
  public static void readFully(ObjectContent content, ByteBuffer dst, long done) throws IOException {
    long at = done;
    while (dst.hasRemaining()) {
      int n = readSome(content, dst, at);
      if (n < 0) {
        throw endedEarly(content, at);
      }
      at += n;
    }
  }

  /** The content ended after {@code done} of its bytes. */
  public static EOFException endedEarly(ObjectContent content, long done) {
    return new EOFException("the stored bytes of '" + content.info().key() + "' ended after " + done + " of "
        + content.length() + " bytes");
  }

  /** A store's content channel returned 0 bytes with room to read: it broke the blocking-read contract. */
  public static final class StalledContentException extends IOException {
    private static final long serialVersionUID = 1L;

    StalledContentException(ObjectContent content, long done) {
      super("the store's channel for '" + content.info().key() + "' (" + content.channel().getClass().getName()
          + ") returned 0 bytes with room to read, after " + done + " of " + content.length()
          + " bytes; an ObjectContent channel must block until it has a byte or its end");
    }
  }
}
