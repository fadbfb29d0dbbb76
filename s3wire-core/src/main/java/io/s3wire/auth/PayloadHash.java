package io.s3wire.auth;

import io.s3wire.auth.internal.Crypto;
import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * How a request's payload enters its signature: the value of the canonical request's last line
 * (and, for S3, of {@code x-amz-content-sha256}).
 *
 * @param value lower-case hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}, or another literal
 *     S3 accepts ({@code STREAMING-...})
 */
public record PayloadHash(String value) {
  /** The SHA-256 of zero bytes. */
  public static final PayloadHash EMPTY =
      new PayloadHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /**
   * The body is not part of the signature. The default for S3 over TLS (as the AWS SDKs do), and
   * always for presigned URLs: TLS already protects the body's integrity in transit.
   */
  public static final PayloadHash UNSIGNED = new PayloadHash("UNSIGNED-PAYLOAD");

  public PayloadHash {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("payload hash is empty");
    }
  }

  /** A precomputed hash or literal, taken as given. */
  public static PayloadHash of(String value) {
    return new PayloadHash(value);
  }

  /** The hash of the given bytes. */
  public static PayloadHash ofBytes(byte[] body) {
    return body.length == 0 ? EMPTY : new PayloadHash(Crypto.sha256Hex(body));
  }

  /**
   * Reads a replayable body once to hash it.
   *
   * @throws IllegalArgumentException when the body is one-shot (reading it would consume it)
   * @throws UncheckedIOException when reading fails
   * @throws ClientException when the body's channel gives 0 bytes with room to read (it must block)
   */
  public static PayloadHash ofBody(RequestBody body) {
    if (body.contentLength() == 0) {
      return EMPTY;
    }
    if (!body.isReplayable()) {
      throw new IllegalArgumentException("a one-shot body cannot be hashed before it is sent; sign it UNSIGNED");
    }
    MessageDigest md = Crypto.newSha256();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try (ReadableByteChannel ch = body.open()) {
      int n;
      while ((n = ch.read(buf)) >= 0) {
        if (n == 0) {
          throw new ClientException("request body", "its channel gave 0 bytes with room to read while it was hashed; "
              + "a RequestBody's channel must block until it has a byte or its end");
        }
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body to hash it", e);
    }
    return new PayloadHash(Crypto.hex(md.digest()));
  }

  /**
   * What the AWS SDKs send for S3 by default: {@link #UNSIGNED} over TLS (TLS protects the body),
   * otherwise the body's hash when it can be read twice, else {@link #UNSIGNED}. Hashing reads a
   * replayable body once before it is sent.
   */
  public static PayloadHash s3Default(io.s3wire.http.HttpRequest request) {
    if (request.isTls()) {
      return UNSIGNED;
    }
    RequestBody body = request.body();
    if (body.contentLength() == 0) {
      return EMPTY;
    }
    return body.isReplayable() ? ofBody(body) : UNSIGNED;
  }

  /** Whether the body is left out of the signature. */
  public boolean isUnsigned() {
    return value.equals(UNSIGNED.value);
  }
}
