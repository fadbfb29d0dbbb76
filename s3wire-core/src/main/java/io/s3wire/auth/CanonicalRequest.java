package io.s3wire.auth;

import io.s3wire.auth.internal.Crypto;

/**
 * A SigV4 canonical request, in parts. {@link #text()} is the exact text whose SHA-256 enters the
 * string to sign; S3 sends its own in a SignatureDoesNotMatch error, so both can be compared.
 *
 * <p>Contains no secret (a session token, when signed, is in {@code canonicalHeaders} or {@code
 * canonicalQuery}: treat {@link #text()} like a request trace and redact before printing it).
 *
 * @param method the HTTP method, as sent
 * @param canonicalUri the canonical path
 * @param canonicalQuery the sorted, encoded query ({@code ""} when none)
 * @param canonicalHeaders one {@code name:value\n} line per signed header, sorted by name
 * @param signedHeaders the signed header names, lower-case, sorted, joined by {@code ;}
 * @param payloadHash the payload hash line
 */
public record CanonicalRequest(
    String method,
    String canonicalUri,
    String canonicalQuery,
    String canonicalHeaders,
    String signedHeaders,
    String payloadHash) {

  /** The canonical request text, byte for byte as AWS defines it (no trailing newline). */
  public String text() {
    return new StringBuilder(method.length() + canonicalUri.length() + canonicalQuery.length()
            + canonicalHeaders.length() + signedHeaders.length() + payloadHash.length() + 5)
        .append(method).append('\n')
        .append(canonicalUri).append('\n')
        .append(canonicalQuery).append('\n')
        .append(canonicalHeaders).append('\n')
        .append(signedHeaders).append('\n')
        .append(payloadHash)
        .toString();
  }

  /** Lower-case hex SHA-256 of {@link #text()}: the last line of the string to sign. */
  public String hash() {
    return Crypto.sha256Hex(text());
  }
}
