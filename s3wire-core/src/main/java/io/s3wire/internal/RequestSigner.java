package io.s3wire.internal;

import io.s3wire.http.HttpRequest;
import java.time.Instant;

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
}
