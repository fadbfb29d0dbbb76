package io.s3wire.server;

import io.s3wire.server.internal.net.SingleByteRead;
import io.s3wire.server.internal.store.ContentReads;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * An open read of a stored object's bytes (the whole object or one range).
 *
 * <p>The caller owns it and must close it. {@link #channel()} yields exactly {@link #length()}
 * bytes starting at the requested offset. When the bytes live in a file, {@link #file()} is that
 * file's channel and {@link #fileOffset()} where the range starts in it, so the server can send
 * them without copying (a file region); otherwise {@code file()} is {@code null}.
 *
 * <p>The channel is read in blocking mode: a read into a buffer with room must give at least one
 * byte, or -1 once the bytes end. A read that returns 0 bytes is taken as a broken store: the
 * server cuts the response (or fails the copy) with an {@link IOException} naming the key, rather
 * than asking again. A read that blocks is cut by the server's stream deadline, which interrupts
 * the reading thread ({@link ServerLimits#streamDeadline()}).
 */
public final class ObjectContent implements Closeable {
  private final StoredObject info;
  private final long length;
  private final ReadableByteChannel channel;
  private final FileChannel file;
  private final long fileOffset;

  private ObjectContent(StoredObject info, long length, ReadableByteChannel channel, FileChannel file, long fileOffset) {
    this.info = Objects.requireNonNull(info, "info");
    this.length = length;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.file = file;
    this.fileOffset = fileOffset;
  }

  /**
   * Content read from {@code channel}, which must yield {@code length} bytes.
   *
   * @param info the description of the object (or version) read
   * @param length how many bytes the channel yields
   * @param channel the bytes, in blocking mode; the content owns it and closes it
   * @return the content
   */
  public static ObjectContent of(StoredObject info, long length, ReadableByteChannel channel) {
    return new ObjectContent(info, length, channel, null, 0);
  }

  /**
   * Content held in {@code file} from {@code offset} for {@code length} bytes; positions the file there.
   *
   * @param info the description of the object (or version) read
   * @param file the open file; the content owns it and closes it
   * @param offset where the bytes start in the file
   * @param length how many bytes to read from there
   * @return the content
   * @throws IOException when the file cannot be positioned
   */
  public static ObjectContent ofFile(StoredObject info, FileChannel file, long offset, long length) throws IOException {
    file.position(offset);
    return new ObjectContent(info, length, file, file, offset);
  }

  /** {@return the description of the object (or version) being read} */
  public StoredObject info() {
    return info;
  }

  /** {@return how many bytes {@link #channel()} yields} */
  public long length() {
    return length;
  }

  /** {@return the channel of the bytes, read in blocking mode (see the class comment)} */
  public ReadableByteChannel channel() {
    return channel;
  }

  /** {@return the file holding the bytes, or {@code null} when they are not in a file} */
  public FileChannel file() {
    return file;
  }

  /** {@return where the bytes start in {@link #file()}; 0 when there is no file} */
  public long fileOffset() {
    return fileOffset;
  }

  /**
   * A stream of exactly {@link #length()} bytes from {@link #channel()}; closing it closes this
   * content. It fails with an {@link java.io.EOFException} when the channel ends early and with an
   * {@link IOException} when a channel read gives 0 bytes (see the class comment).
   *
   * @return the stream; not thread-safe, like the channel under it
   */
  public java.io.InputStream newInputStream() {
    return new java.io.InputStream() {
      private long done;

      @Override
      public int read() throws IOException {
        return SingleByteRead.of(this);
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (done >= length) {
          return -1;
        }
        if (len == 0) {
          return 0;
        }
        ByteBuffer dst = ByteBuffer.wrap(b, off, (int) Math.min(len, length - done));
        int n = ContentReads.readSome(ObjectContent.this, dst, done);
        if (n < 0) {
          throw ContentReads.endedEarly(ObjectContent.this, done);
        }
        done += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        ObjectContent.this.close();
      }
    };
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
