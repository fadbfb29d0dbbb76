package io.s3wire.internal;

import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A body that computes the MD5 of the bytes as the transport reads them, so a single-part upload can
 * be checked against the ETag without reading the source twice. Each {@link #open()} starts a fresh
 * digest (a retry sends the bytes again); {@link #md5Hex()} tells the digest of the last open read
 * to its end, or of the bytes {@link #inMemory()} last gave the transport.
 */
final class Md5Body implements RequestBody {
  private final RequestBody delegate;
  private volatile String md5Hex;

  Md5Body(RequestBody delegate) {
    this.delegate = delegate;
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public boolean isReplayable() {
    return delegate.isReplayable();
  }

  /** The body beneath, whose reads are not hashed. */
  RequestBody source() {
    return delegate;
  }

  /** The MD5 of the bytes last read to their end, lower-case hex, or {@code null}. */
  String md5Hex() {
    return md5Hex;
  }

  /** The bytes beneath when they are in memory, hashed now: the transport sends exactly these. */
  @Override
  public ByteBuffer inMemory() {
    ByteBuffer mem = delegate.inMemory();
    if (mem != null) {
      MessageDigest md = Digests.md5();
      md.update(mem.duplicate());
      md5Hex = HexFormat.of().formatHex(md.digest());
    }
    return mem;
  }

  @Override
  public ReadableByteChannel open() throws IOException {
    ReadableByteChannel in = delegate.open();
    MessageDigest md = Digests.md5();
    md5Hex = null;
    return new ReadableByteChannel() {
      private boolean done;
      private long total;

      @Override
      public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = in.read(dst);
        if (n > 0) {
          ByteBuffer view = dst.duplicate();
          view.flip();
          view.position(start);
          md.update(view);
          total += n;
        }
        // A transport may stop at the announced length without reading end-of-stream.
        if (!done && (n < 0 || total == delegate.contentLength())) {
          done = true;
          md5Hex = HexFormat.of().formatHex(md.digest());
        }
        return n;
      }

      @Override
      public boolean isOpen() {
        return in.isOpen();
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
