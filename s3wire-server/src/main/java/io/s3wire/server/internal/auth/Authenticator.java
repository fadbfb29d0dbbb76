package io.s3wire.server.internal.auth;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;

/**
 * Decides whether a request may proceed, before its body is read. Throws
 * {@link io.s3wire.server.S3ErrorException} with the error S3 would give.
 */
public interface Authenticator {
  /**
   * The parts of a request a signature covers.
   *
   * @param method HTTP method
   * @param rawPath the path as sent (percent-encoded)
   * @param rawQuery the query as sent, without {@code ?} (empty when none)
   * @param headers request headers (lower-case names; {@code host} holds the authority on HTTP/2)
   * @param now the server's clock
   */
  record Request(String method, String rawPath, String rawQuery, HttpHeaders headers, Instant now) {}

  /**
   * What the signature commits the body to.
   *
   * @param payloadSha256 the hex SHA-256 the body must have, or {@code null} when not signed
   * @param chunkSigning the seed for verifying aws-chunked chunk signatures, or {@code null}
   */
  record Verdict(String payloadSha256, ChunkSigning chunkSigning) {
    public static final Verdict UNSIGNED = new Verdict(null, null);
  }

  /** What chunk signatures of an aws-chunked body chain from. */
  record ChunkSigning(byte[] signingKey, String amzDate, String scope, String seedSignature) {}

  Verdict verify(Request request);

  /**
   * Anonymous mode: lets every request through without a secret to verify signatures against, but
   * refuses malformed presigned-URL parameters and, when {@code checkRequestTime}, expired presigned
   * URLs, as S3 does for a public bucket.
   */
  static Authenticator anonymous(boolean checkRequestTime) {
    return new AnonymousAuthenticator(checkRequestTime);
  }
}
