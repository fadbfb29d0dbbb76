package io.s3wire.server.internal.store;

import io.s3wire.checksum.Crc32c;
import io.s3wire.server.PartInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/** MD5 bookkeeping for ETags and CRC32C for S3's flexible checksums, in one pass over a body. */
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
   * The FULL_OBJECT CRC32C (base64) of an object made of {@code parts} in that order: their CRCs
   * combined, equal to the CRC32C of all their bytes; {@code null} when a part has none.
   */
  public static String fullObjectCrc32c(List<PartInfo> parts) {
    int acc = 0; // the CRC of no bytes
    for (PartInfo p : parts) {
      if (p.checksumCrc32c() == null) {
        return null;
      }
      acc = Crc32c.combine(acc, Crc32c.parse(p.checksumCrc32c()), p.size());
    }
    return Crc32c.base64(acc);
  }

  /**
   * {@code body} itself when it is a {@link DigestingInputStream} nothing was read from yet (the
   * server wrapped it to check a client's checksum: the store reuses its digests rather than
   * computing them twice), else {@code body} wrapped in a new one.
   */
  public static DigestingInputStream digesting(InputStream body) {
    if (body instanceof DigestingInputStream d && d.count == 0 && !d.ended) {
      return d;
    }
    return new DigestingInputStream(body, d -> { });
  }

  /**
   * An input stream that computes the MD5 and the CRC32C of what passes through it and counts it.
   * A read of 0 bytes into room fails with an IOException (the stores' fill loops would spin on it).
   * Not thread-safe: one reader.
   */
  public static final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest md5 = md5();
    private final CRC32C crc32c = new CRC32C();
    private final Consumer<DigestingInputStream> atEnd;
    private long count;
    private boolean ended;
    private String etag;

    /**
     * {@code atEnd} runs once, when {@code in} reports its end, before that end reaches the reader;
     * what it throws (e.g. a checksum mismatch) is thrown from that read, so a store that reads a
     * body to its end before storing it stores nothing.
     */
    public DigestingInputStream(InputStream in, Consumer<DigestingInputStream> atEnd) {
      super(in);
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
        crc32c.update(buf, off, n);
        count += n;
      } else if (n < 0 && !ended) {
        ended = true;
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

    /** The CRC32C of everything read so far. */
    public int crc32c() {
      return (int) crc32c.getValue();
    }

    /** {@link #crc32c()} as S3 writes it. */
    public String crc32cBase64() {
      return Crc32c.base64(crc32c());
    }
  }
}
