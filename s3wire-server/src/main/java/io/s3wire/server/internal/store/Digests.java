package io.s3wire.server.internal.store;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** MD5 bookkeeping for ETags and S3's flexible checksums, in one pass over a body. */
public final class Digests {
  private Digests() {}

  public static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }

  /** {@code "hex"} with the quotes S3 puts around ETags. */
  public static String quotedHex(byte[] digest) {
    return '"' + HexFormat.of().formatHex(digest) + '"';
  }

  /**
   * {@code body} itself when it is a {@link DigestingInputStream} nothing was read from yet that
   * computes {@code checksum} (the server wrapped it to check a client's checksum: the store reuses
   * its digests rather than computing them twice), else {@code body} wrapped in a new one computing
   * {@code checksum} ({@code null}: none).
   */
  public static DigestingInputStream digesting(InputStream body, ChecksumAlgorithm checksum) {
    if (body instanceof DigestingInputStream d && d.count == 0 && !d.ended
        && (checksum == null || d.checksums.containsKey(checksum))) {
      return d;
    }
    return new DigestingInputStream(body, checksum == null ? Set.of() : Set.of(checksum), d -> { });
  }

  /**
   * An input stream that computes the MD5 and the named checksums of what passes through it and
   * counts it. A read of 0 bytes into room fails with an IOException (the stores' fill loops would
   * spin on it). Not thread-safe: one reader.
   */
  public static final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest md5 = md5();
    private final Map<ChecksumAlgorithm, MessageDigest> checksums = new EnumMap<>(ChecksumAlgorithm.class);
    private final Map<ChecksumAlgorithm, byte[]> values = new EnumMap<>(ChecksumAlgorithm.class);
    private final Consumer<DigestingInputStream> atEnd;
    private long count;
    private boolean ended;
    private String etag;

    /**
     * {@code atEnd} runs once, when {@code in} reports its end, before that end reaches the reader;
     * what it throws (e.g. a checksum mismatch) is thrown from that read, so a store that reads a
     * body to its end before storing it stores nothing.
     */
    public DigestingInputStream(InputStream in, Set<ChecksumAlgorithm> checksums,
        Consumer<DigestingInputStream> atEnd) {
      super(in);
      checksums.forEach(a -> this.checksums.put(a, a.newDigest()));
      this.atEnd = atEnd;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n == 0 && len > 0) {
        // The stores fill buffers with loops that would ask such a stream again forever.
        throw new IOException("the body returned 0 bytes with room to read, after " + count
            + " bytes; an InputStream must block until it has a byte or its end");
      }
      if (n > 0) {
        md5.update(buf, off, n);
        for (MessageDigest d : checksums.values()) {
          d.update(buf, off, n);
        }
        count += n;
      } else if (n < 0 && !ended) {
        ended = true;
        checksums.forEach((a, d) -> values.put(a, d.digest()));
        atEnd.accept(this);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes are read all the same: they belong to the digests.
      byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int read = buf.length == 0 ? 0 : read(buf, 0, buf.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    public long count() {
      return count;
    }

    /** The quoted hex MD5 of everything read; call it once the body is read. */
    public String etag() {
      if (etag == null) {
        etag = quotedHex(md5.digest());
      }
      return etag;
    }

    /**
     * The value of checksum {@code algorithm} of the whole body, once it was read to its end.
     *
     * @throws IllegalStateException before the end, or for an algorithm this stream does not compute
     */
    public byte[] value(ChecksumAlgorithm algorithm) {
      byte[] v = values.get(algorithm);
      if (v == null) {
        throw new IllegalStateException(ended ? "this body was not checksummed with " + algorithm
            : "the body was not read to its end");
      }
      return v.clone();
    }
  }
}
