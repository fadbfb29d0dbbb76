package io.s3wire.internal;

import io.s3wire.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Signs a request for the wire. Called once per attempt, as the last step before the transport, with
 * the attempt's time, so every attempt carries a fresh signature.
 */
interface RequestSigner {
  /**
   * Completes with the request with its signature headers added, and what was signed (to explain a
   * SignatureDoesNotMatch): at once when the credentials are at hand, else once they have been
   * refreshed (never blocking the calling thread).
   *
   * @param payloadHash lower-case hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
   * @param now read once the credentials are known, so the signing time is the sending time
   * @return fails with {@link io.s3wire.error.ClientException} when there are no credentials to sign with
   */
  CompletableFuture<Signed> sign(HttpRequest request, String payloadHash, Supplier<Instant> now);

  /**
   * A signed request and what was signed: the string to sign (a hash and a scope; {@code null} when
   * not known) and the signed header names, never the secret or the signature.
   */
  record Signed(HttpRequest request, String stringToSign, List<String> signedHeaders) {}
}
