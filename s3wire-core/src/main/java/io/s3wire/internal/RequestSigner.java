package io.s3wire.internal;

import io.s3wire.http.HttpRequest;
import java.time.Instant;
import java.util.List;

/**
 * Signs a request for the wire. Called once per attempt, as the last step before the transport, with
 * the attempt's own time, so a retry never reuses a stale signature.
 */
interface RequestSigner {
  /**
   * Returns the request with its signature headers added.
   *
   * @param payloadHash lower-case hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
   * @throws io.s3wire.error.ClientException when there are no credentials to sign with
   */
  HttpRequest sign(HttpRequest request, String payloadHash, Instant now);

  /**
   * Signs like {@link #sign} and also says what was signed, to explain a SignatureDoesNotMatch: the
   * string to sign (a hash and a scope) and the signed header names, never the secret or signature.
   */
  default Signed signAndDescribe(HttpRequest request, String payloadHash, Instant now) {
    return new Signed(sign(request, payloadHash, now), null, List.of());
  }

  /** A signed request and what was signed ({@code stringToSign} {@code null} when not known). */
  record Signed(HttpRequest request, String stringToSign, List<String> signedHeaders) {}
}
