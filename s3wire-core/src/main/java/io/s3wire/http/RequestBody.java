package io.s3wire.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
  /**
   * The body's length, known before it is read, so it can go in {@code content-length}.
   *
   * @return the length in bytes, or {@code -1} when it is not known before it is read
   */
  long contentLength();

  /**
   * Whether {@link #open()} may be called more than once, each time giving the same bytes: only
   * then may a retry or an HTTP/1.1 fallback send the body again.
   *
   * @return {@code true} when the body can be sent again (the bodies of bytes and files can, a stream cannot)
   */
  boolean isReplayable();

  /**
   * Opens the bytes for reading from the start. The caller closes the channel.
   *
   * <p>The channel is read in blocking mode: a read into a buffer with room gives at least one byte,
   * or -1 at the end. A read of 0 bytes fails the call with a {@link io.s3wire.error.ClientException}
   * instead of being asked again (which would spin a thread).
   *
   * @return a channel positioned at the body's first byte, in blocking mode
   * @throws IOException when the source cannot be opened (e.g. a file that is gone)
   * @throws IllegalStateException when the body is one-shot and was already opened
   */
  ReadableByteChannel open() throws IOException;

  /**
   * The file and region to send, when the body is a file region (lets the transport use zero-copy).
   *
   * @return the region, or {@code null} (the default) when the body is not a file region
   */
  default FileRegionSource fileRegion() {
    return null;
  }

  /**
   * The whole body, when it is already in memory: lets the transport send a small body with the
   * request's head, in one write, instead of reading it through {@link #open()} on another thread.
   * Each call gives a buffer of its own over the same bytes, which the caller must not change.
   *
   * @return the bytes, read-only, or {@code null} (the default) when the body must be read through {@link #open()}
   */
  default ByteBuffer inMemory() {
    return null;
  }

  /**
   * A region of a file.
   *
   * @param path the file
   * @param offset where the region starts, in bytes from the file's start
   * @param length the region's length in bytes
   */
  record FileRegionSource(Path path, long offset, long length) {}

  /** A body of no bytes, replayable; what {@link #empty()} returns. */
  RequestBody EMPTY = ofBytes(new byte[0]);

  /**
   * A body of no bytes, for requests without one.
   *
   * @return the shared {@link #EMPTY} body
   */
  static RequestBody empty() {
    return EMPTY;
  }

  /**
   * The given bytes, replayable; the array is not copied, so the caller must not change it.
   *
   * @param bytes the bytes to send, not {@code null}
   * @return the body
   */
  static RequestBody ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return ofBytes(bytes, 0, bytes.length);
  }

  /**
   * {@code length} bytes of an array from {@code offset}, replayable; not copied, so the caller must
   * not change them.
   *
   * @param bytes the array holding the bytes to send
   * @param offset the index of the first byte to send
   * @param length how many bytes to send
   * @return the body
   * @throws IndexOutOfBoundsException when the range does not fit in the array
   */
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
      public ByteBuffer inMemory() {
        return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
      }

      @Override
      public ReadableByteChannel open() {
        ByteBuffer buf = inMemory();
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

  /**
   * A whole file, replayable; its length is read now, so the file must not change size before it is sent.
   *
   * @param path the file, not {@code null}
   * @return the body
   * @throws UncheckedIOException when the file's size cannot be read
   */
  static RequestBody ofFile(Path path) {
    try {
      return ofFile(path, 0, Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + path, e);
    }
  }

  /**
   * {@code length} bytes of a file from {@code offset}. Replayable. The file is opened on each attempt.
   *
   * @param path the file, not {@code null}
   * @param offset where to start, in bytes from the file's start
   * @param length how many bytes to send
   * @return the body
   * @throws IllegalArgumentException when {@code offset} or {@code length} is negative
   */
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
   *
   * @param in the stream to read from; the transport closes it through the channel {@link #open()} gives
   * @param contentLength how many bytes the stream will give, or {@code -1} when unknown
   * @return the body
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
        return new io.s3wire.http.internal.InputStreamChannel(in);
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
