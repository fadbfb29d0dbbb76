package io.s3wire.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The body of a request: what it is, not how it is written.
 *
 * <p>A body knows its length ({@code -1} when unknown) and whether it can be replayed. Only a
 * replayable body may be sent twice (a retry, an HTTP/1.1 fallback). The transport calls {@link
 * #open()} once per attempt and closes the channel it gets; it reads only when the connection can
 * take more (channel writability, HTTP/2 flow control), so nothing buffers a whole body.
 */
public interface RequestBody {
  /** The body's length in bytes, or {@code -1} when it is not known before it is read. */
  long contentLength();

  /** Whether {@link #open()} may be called more than once, each time giving the same bytes. */
  boolean isReplayable();

  /**
   * Opens the bytes for reading from the start. The caller closes the channel.
   *
   * <p>The channel is read in blocking mode: a read into a buffer with room gives at least one byte,
   * or -1 at the end. A read of 0 bytes fails the call with a {@link io.s3wire.error.ClientException}
   * instead of being asked again (which would spin a thread).
   *
   * @throws IllegalStateException when the body is one-shot and was already opened
   */
  ReadableByteChannel open() throws IOException;

  /** The file and region to send, when the body is a file region (lets the transport use zero-copy). */
  default FileRegionSource fileRegion() {
    return null;
  }

  /** A region of a file. */
  record FileRegionSource(Path path, long offset, long length) {}

  RequestBody EMPTY = ofBytes(new byte[0]);

  static RequestBody empty() {
    return EMPTY;
  }

  /** The given bytes; the array is not copied, so the caller must not change it. */
  static RequestBody ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return ofBytes(bytes, 0, bytes.length);
  }

  /** {@code length} bytes of an array from {@code offset}; not copied, so the caller must not change them. */
  static RequestBody ofBytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new RequestBody() {
      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isReplayable() {
        return true;
      }

      @Override
      public ReadableByteChannel open() {
        ByteBuffer buf = ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
        return new ReadableByteChannel() {
          private boolean open = true;

          @Override
          public int read(ByteBuffer dst) {
            if (!buf.hasRemaining()) {
              return -1;
            }
            int n = Math.min(dst.remaining(), buf.remaining());
            ByteBuffer slice = buf.slice();
            slice.limit(n);
            dst.put(slice);
            buf.position(buf.position() + n);
            return n;
          }

          @Override
          public boolean isOpen() {
            return open;
          }

          @Override
          public void close() {
            open = false;
          }
        };
      }
    };
  }

  /** A whole file; its length is read now. */
  static RequestBody ofFile(Path path) {
    try {
      return ofFile(path, 0, Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path, e);
    }
  }

  /** {@code length} bytes of a file from {@code offset}. Replayable. */
  static RequestBody ofFile(Path path, long offset, long length) {
    Objects.requireNonNull(path, "path");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    FileRegionSource region = new FileRegionSource(path, offset, length);
    return new RequestBody() {
      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isReplayable() {
        return true;
      }

      @Override
      public FileRegionSource fileRegion() {
        return region;
      }

      @Override
      public ReadableByteChannel open() throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedChannel(ch, length);
      }
    };
  }

  /**
   * A one-shot stream of known length ({@code -1} for unknown). It cannot be retried or replayed
   * over another HTTP version.
   */
  static RequestBody ofStream(InputStream in, long contentLength) {
    Objects.requireNonNull(in, "in");
    return new RequestBody() {
      private boolean opened;

      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public boolean isReplayable() {
        return false;
      }

      @Override
      public synchronized ReadableByteChannel open() {
        if (opened) {
          throw new IllegalStateException("a one-shot stream body was already sent once");
        }
        opened = true;
        return Channels.newChannel(in);
      }
    };
  }

  /** Limits a channel to {@code remaining} bytes. */
  final class BoundedChannel implements ReadableByteChannel {
    private final ReadableByteChannel delegate;
    private long remaining;

    BoundedChannel(ReadableByteChannel delegate, long remaining) {
      this.delegate = delegate;
      this.remaining = remaining;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int limit = dst.limit();
      if (dst.remaining() > remaining) {
        dst.limit(dst.position() + (int) remaining);
      }
      try {
        int n = delegate.read(dst);
        if (n > 0) {
          remaining -= n;
        }
        return n;
      } finally {
        dst.limit(limit);
      }
    }

    @Override
    public boolean isOpen() {
      return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
