package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.net.SingleByteRead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Wraps a request body so it is decoded (aws-chunked) and verified (signed SHA-256, Content-MD5)
 * while it streams. A mismatch is thrown at the end of the body, before the store makes anything
 * visible.
 */
final class PayloadStreams {
  private PayloadStreams() {}

  static InputStream wrap(S3Call call, Authenticator.Verdict verdict) {
    InputStream in = call.exchange.body();
    if (ProfileChecks.isAwsChunked(call)) {
      in = new AwsChunkedInputStream(in, verdict.chunkSigning(), call.trailers);
    } else if (verdict.payloadSha256() != null) {
      in = new Verifying(in, "SHA-256", HexFormat.of().parseHex(verdict.payloadSha256()),
          S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH);
    }
    String md5 = call.header("content-md5");
    if (md5 != null) {
      byte[] expected;
      try {
        expected = Base64.getDecoder().decode(md5.trim());
      } catch (IllegalArgumentException e) {
        throw new S3ErrorException(S3ErrorCode.INVALID_DIGEST);
      }
      if (expected.length != 16) {
        throw new S3ErrorException(S3ErrorCode.INVALID_DIGEST);
      }
      in = new Verifying(in, "MD5", expected, S3ErrorCode.BAD_DIGEST);
    }
    return in;
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has " + algorithm, e);
    }
  }

  /** Digests what passes and throws {@code error} at the end when the digest differs. */
  static final class Verifying extends FilterInputStream {
    private final MessageDigest digest;
    private final byte[] expected;
    private final S3ErrorCode error;
    private boolean checked;

    Verifying(InputStream in, String algorithm, byte[] expected, S3ErrorCode error) {
      super(in);
      this.digest = digest(algorithm);
      this.expected = expected;
      this.error = error;
    }

    @Override
    public int read() throws IOException {
      return SingleByteRead.of(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        digest.update(b, off, n);
      } else if (n < 0 && !checked) {
        checked = true;
        if (!MessageDigest.isEqual(digest.digest(), expected)) {
          throw new S3ErrorException(error);
        }
      }
      return n;
    }
  }
}
