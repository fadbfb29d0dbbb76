package io.s3wire.server;

import java.io.Closeable;
import java.io.IOException;
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
 */
public final class ObjectContent implements Closeable {
  private final ObjectInfo info;
  private final long length;
  private final ReadableByteChannel channel;
  private final FileChannel file;
  private final long fileOffset;

  private ObjectContent(ObjectInfo info, long length, ReadableByteChannel channel, FileChannel file, long fileOffset) {
    this.info = Objects.requireNonNull(info, "info");
    this.length = length;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.file = file;
    this.fileOffset = fileOffset;
  }

  /** Content read from {@code channel}, which must yield {@code length} bytes. */
  public static ObjectContent of(ObjectInfo info, long length, ReadableByteChannel channel) {
    return new ObjectContent(info, length, channel, null, 0);
  }

  /** Content held in {@code file} from {@code offset} for {@code length} bytes; positions the file there. */
  public static ObjectContent ofFile(ObjectInfo info, FileChannel file, long offset, long length) throws IOException {
    file.position(offset);
    return new ObjectContent(info, length, file, file, offset);
  }

  public ObjectInfo info() {
    return info;
  }

  public long length() {
    return length;
  }

  public ReadableByteChannel channel() {
    return channel;
  }

  /** The file holding the bytes, or {@code null} when they are not in a file. */
  public FileChannel file() {
    return file;
  }

  public long fileOffset() {
    return fileOffset;
  }

  /** A stream of exactly {@link #length()} bytes from {@link #channel()}; closing it closes this content. */
  public java.io.InputStream newInputStream() {
    java.io.InputStream raw = java.nio.channels.Channels.newInputStream(channel);
    return new java.io.FilterInputStream(raw) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
