package io.s3wire.server.internal.s3;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.net.SingleByteRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decodes an {@code aws-chunked} body ({@code hex-size[;chunk-signature=sig]\r\n data \r\n ...
 * 0[;chunk-signature=sig]\r\n [trailers] \r\n}) and, when the seed signature is known, verifies each
 * chunk's signature as it ends (SignatureDoesNotMatch). Trailers (e.g. a CRC from the SDK) are put
 * into the map given, by lower-case name, before the body's end is reported; the trailer signature
 * is not checked.
 */
final class AwsChunkedInputStream extends InputStream {
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final int MAX_LINE = 4096;

  private final InputStream in;
  private final Authenticator.ChunkSigning signing;
  private final Map<String, String> trailers;
  private String previousSignature;
  private long chunkRemaining;
  private String chunkSignature;
  private MessageDigest chunkDigest;
  private boolean finished;

  AwsChunkedInputStream(InputStream in, Authenticator.ChunkSigning signing, Map<String, String> trailers) {
    this.in = in;
    this.signing = signing;
    this.trailers = trailers;
    this.previousSignature = signing == null ? null : signing.seedSignature();
  }

  @Override
  public int read() throws IOException {
    return SingleByteRead.of(this);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (chunkRemaining == 0) {
      if (finished) {
        return -1;
      }
      nextChunk();
    }
    int n = in.read(b, off, (int) Math.min(len, chunkRemaining));
    if (n < 0) {
      throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY);
    }
    if (chunkDigest != null) {
      chunkDigest.update(b, off, n);
    }
    chunkRemaining -= n;
    if (chunkRemaining == 0) {
      endChunk();
    }
    return n;
  }

  private void nextChunk() throws IOException {
    String header = line();
    int semi = header.indexOf(';');
    String size = (semi < 0 ? header : header.substring(0, semi)).trim();
    chunkSignature = null;
    if (semi >= 0) {
      String ext = header.substring(semi + 1).trim();
      if (ext.startsWith("chunk-signature=")) {
        chunkSignature = ext.substring("chunk-signature=".length());
      }
    }
    try {
      chunkRemaining = Long.parseLong(size, 16);
    } catch (NumberFormatException e) {
      throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY, "malformed aws-chunked chunk header");
    }
    // parseLong takes a sign: "-5" would make a negative read length (found by fuzzing).
    if (chunkRemaining < 0 || size.charAt(0) == '+') {
      throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY, "malformed aws-chunked chunk header");
    }
    chunkDigest = signing != null ? PayloadStreams.digest("SHA-256") : null;
    if (chunkRemaining == 0) {
      verify(EMPTY_SHA256);
      // Trailers, if any, then the empty line that ends the body.
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        int colon = trailer.indexOf(':');
        if (colon > 0) {
          trailers.put(trailer.substring(0, colon).trim().toLowerCase(Locale.ROOT), trailer.substring(colon + 1).trim());
        }
      }
      finished = true;
    }
  }

  private void endChunk() throws IOException {
    String crlf = line();
    if (!crlf.isEmpty()) {
      throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY, "aws-chunked chunk not followed by CRLF");
    }
    if (chunkDigest != null) {
      verify(HexFormat.of().formatHex(chunkDigest.digest()));
    }
  }

  private void verify(String chunkSha256) {
    if (signing == null || previousSignature == null || chunkSignature == null) {
      return;
    }
    String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + signing.amzDate() + "\n" + signing.scope() + "\n"
        + previousSignature + "\n" + EMPTY_SHA256 + "\n" + chunkSha256;
    String expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signing.signingKey(), "HmacSHA256"));
      expected = HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        chunkSignature.getBytes(StandardCharsets.US_ASCII))) {
      throw new S3ErrorException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
          S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.message(), Map.of("StringToSign", stringToSign));
    }
    previousSignature = chunkSignature;
  }

  /** Reads one CRLF-terminated line (without the CRLF); an empty string at a bare CRLF. */
  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY);
      }
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.US_ASCII);
      }
      b.write(c);
      if (b.size() > MAX_LINE) {
        throw new S3ErrorException(S3ErrorCode.INCOMPLETE_BODY, "aws-chunked line too long");
      }
    }
  }
}
