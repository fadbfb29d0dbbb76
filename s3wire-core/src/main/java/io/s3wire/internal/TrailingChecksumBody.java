package io.s3wire.internal;

import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A body in S3's {@code aws-chunked} encoding with its checksum in a trailer
 * ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}): {@code HEX-SIZE\r\nDATA\r\n} per chunk, then {@code
 * 0\r\nx-amz-checksum-crc32c:BASE64\r\n\r\n} (the algorithm's header). The checksum is computed as
 * the transport reads the bytes, so a body that must be read to be sent anyway (over TLS) is read
 * once, not once to checksum and once to send. Each {@link #open()} starts afresh (a retry sends the
 * bytes again); {@link #checksum()} tells the checksum of the last open read to its end.
 */
final class TrailingChecksumBody implements RequestBody {
  /** As the AWS SDKs chunk; the framing costs 10 bytes per chunk. */
  static final int CHUNK = 128 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};

  private final RequestBody delegate;
  private final ChecksumAlgorithm algorithm;
  private final long encodedLength;
  private volatile byte[] checksum;

  TrailingChecksumBody(RequestBody delegate, ChecksumAlgorithm algorithm) {
    long length = delegate.contentLength();
    if (length < 0) {
      throw new IllegalArgumentException("an aws-chunked body needs a known length");
    }
    this.delegate = delegate;
    this.algorithm = algorithm;
    this.encodedLength = encodedLength(length, algorithm);
  }

  /** The length on the wire of {@code length} bytes so encoded with a trailer of {@code algorithm}. */
  static long encodedLength(long length, ChecksumAlgorithm algorithm) {
    long full = length / CHUNK;
    int rest = (int) (length % CHUNK);
    long n = full * (Integer.toHexString(CHUNK).length() + 2 + CHUNK + 2);
    if (rest > 0) {
      n += Integer.toHexString(rest).length() + 2 + rest + 2;
    }
    // A value's base64 has a fixed length for its algorithm: the last chunk's length is known before.
    return n + lastChunk(algorithm, new byte[algorithm.length()]).length;
  }

  /** The terminating zero-size chunk and the trailer. */
  private static byte[] lastChunk(ChecksumAlgorithm algorithm, byte[] value) {
    return ("0\r\n" + algorithm.headerName() + ":" + algorithm.base64(value) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The trailer's name, for {@code x-amz-trailer}. */
  String trailer() {
    return algorithm.headerName();
  }

  ChecksumAlgorithm algorithm() {
    return algorithm;
  }

  /** The length of the bytes before encoding: {@code x-amz-decoded-content-length}. */
  long decodedLength() {
    return delegate.contentLength();
  }

  /** The checksum of the bytes last read to their end, or {@code null}. */
  byte[] checksum() {
    byte[] c = checksum;
    return c == null ? null : c.clone();
  }

  @Override
  public long contentLength() {
    return encodedLength;
  }

  @Override
  public boolean isReplayable() {
    return delegate.isReplayable();
  }

  @Override
  public ReadableByteChannel open() throws IOException {
    ReadableByteChannel in = delegate.open();
    checksum = null;
    return new ReadableByteChannel() {
      private final MessageDigest digest = algorithm.newDigest();
      private long dataLeft = delegate.contentLength();
      private int chunkLeft;
      /** Framing still to write: a chunk's size line, its closing CRLF, or the last chunk. */
      private ByteBuffer framing = ByteBuffer.allocate(0);
      private boolean ended;

      @Override
      public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        while (dst.hasRemaining()) {
          if (framing.hasRemaining()) {
            int n = Math.min(framing.remaining(), dst.remaining());
            dst.put(framing.slice(framing.position(), n));
            framing.position(framing.position() + n);
          } else if (chunkLeft > 0) {
            ByteBuffer window = dst.slice(dst.position(), Math.min(chunkLeft, dst.remaining()));
            int n = in.read(window);
            if (n < 0) {
              throw new IOException("the body ended " + dataLeft + " bytes short of its length");
            }
            if (n == 0) {
              break;
            }
            digest.update(window.flip());
            dst.position(dst.position() + n);
            chunkLeft -= n;
            dataLeft -= n;
            if (chunkLeft == 0) {
              framing = ByteBuffer.wrap(CRLF);
            }
          } else if (dataLeft > 0) {
            chunkLeft = (int) Math.min(CHUNK, dataLeft);
            framing = ByteBuffer.wrap((Integer.toHexString(chunkLeft) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          } else if (!ended) {
            ended = true;
            byte[] value = digest.digest();
            checksum = value;
            framing = ByteBuffer.wrap(lastChunk(algorithm, value));
          } else {
            break;
          }
        }
        int n = dst.position() - start;
        return n == 0 && ended && !framing.hasRemaining() ? -1 : n;
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
