package io.s3wire.server.internal.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 bookkeeping for ETags. */
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

  /** An input stream that digests and counts what passes through it. */
  public static final class Md5InputStream extends FilterInputStream {
    private final MessageDigest md5 = md5();
    private long count;

    public Md5InputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        md5.update((byte) b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        md5.update(buf, off, n);
        count += n;
      }
      return n;
    }

    public long count() {
      return count;
    }

    public String etag() {
      return quotedHex(md5.digest());
    }
  }
}
