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
  /** The SHA-256 of zero bytes: what a bodiless request (GET, HEAD, DELETE) signs. */
  public static final PayloadHash EMPTY =
      new PayloadHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /**
   * The body is not part of the signature. The default for S3 over TLS (as the AWS SDKs do), and
   * always for presigned URLs: TLS already protects the body's integrity in transit.
   */
  public static final PayloadHash UNSIGNED = new PayloadHash("UNSIGNED-PAYLOAD");

  /**
   * Checks the value is present. Its form is not checked: S3 defines literals besides hex hashes,
   * and the server rejects a value it does not accept.
   *
   * @param value lower-case hex SHA-256 of the body, or a literal such as {@code UNSIGNED-PAYLOAD}
   * @throws NullPointerException if {@code value} is {@code null}
   * @throws IllegalArgumentException if {@code value} is empty
   */
  public PayloadHash {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("payload hash is empty");
    }
  }

  /**
   * A precomputed hash or literal, taken as given (e.g. a hash the caller computed while writing
   * the file).
   *
   * @param value lower-case hex SHA-256 of the body, or a literal S3 accepts
   * @return the payload hash
   * @throws NullPointerException if {@code value} is {@code null}
   * @throws IllegalArgumentException if {@code value} is empty
   */
  public static PayloadHash of(String value) {
    return new PayloadHash(value);
  }

  /**
   * Hashes a body held in memory.
   *
   * @param body the whole body; not modified
   * @return the lower-case hex SHA-256 of {@code body} ({@link #EMPTY} for zero bytes)
   */
  public static PayloadHash ofBytes(byte[] body) {
    return body.length == 0 ? EMPTY : new PayloadHash(Crypto.sha256Hex(body));
  }

  /**
   * Reads a replayable body once to hash it, 64 KiB at a time; the body is opened again when it is
   * sent. Blocks the calling thread for the read, so call it off event-loop threads.
   *
   * @param body the body; an empty one is not opened
   * @return the lower-case hex SHA-256 of the body's bytes ({@link #EMPTY} when its length is 0)
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
   *
   * @param request the request to be signed; its scheme and body decide
   * @return {@link #UNSIGNED}, {@link #EMPTY} or the body's hash
   * @throws UncheckedIOException when a replayable body cannot be read to hash it
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

  /**
   * Whether the body is left out of the signature.
   *
   * @return {@code true} only for {@code UNSIGNED-PAYLOAD}; {@code false} for every other value,
   *     the {@code STREAMING-...} literals included
   */
  public boolean isUnsigned() {
    return value.equals(UNSIGNED.value);
  }
}
