package io.s3wire.internal;

import io.s3wire.http.HttpRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Signs a request for the wire. Called once per attempt, as the last step before the transport, with
 * the attempt's own time and the credentials current then, so a retry never reuses a stale signature
 * or expired credentials.
 */
interface RequestSigner {
  /**
   * Completes with the request with its signature headers added: at once when the credentials are
   * at hand, else once they have been refreshed (never blocking the calling thread).
   *
   * @param payloadHash lower-case hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
   * @param now read once the credentials are known, so the signing time is the sending time
   * @return fails with {@link io.s3wire.error.ClientException} when there are no credentials to sign with
   */
  CompletableFuture<HttpRequest> sign(HttpRequest request, String payloadHash, Supplier<Instant> now);
}
