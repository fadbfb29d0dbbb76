package io.s3wire;

import io.s3wire.http.HttpHeaders;
import java.net.URI;
import java.time.Instant;

/**
 * A presigned request: send {@code method} to {@code uri} with {@code headers} before
 * {@code expiration}. The URI carries the signature and, for temporary credentials, the session
 * token: treat it as a secret.
 *
 * @param method the HTTP method
 * @param uri the URL, with the SigV4 query signature
 * @param headers the headers that were signed and must be sent as they are ({@code host} excluded:
 *     clients derive it from the URI)
 * @param expiration when the URL stops working
 */
public record PresignedRequest(String method, URI uri, HttpHeaders headers, Instant expiration) {
  @Override
  public String toString() {
    // The URI holds a signature and maybe a session token: never in logs by accident.
    return "PresignedRequest[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
        + " until " + expiration + "]";
  }
}
