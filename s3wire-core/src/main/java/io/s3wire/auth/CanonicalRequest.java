package io.s3wire.auth;

import io.s3wire.auth.internal.Crypto;

/**
 * A SigV4 canonical request, in parts. {@link #text()} is the exact text whose SHA-256 enters the
 * string to sign; S3 sends its own in a SignatureDoesNotMatch error, so both can be compared.
 *
 * <p>Holds no key or signature, but a signed session token is in {@code canonicalHeaders} or
 * {@code canonicalQuery}: print {@link #redactedText()} (as {@link #toString()} does), never
 * {@link #text()}.
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

  /**
   * Joins the six parts with {@code \n}, byte for byte as AWS defines the canonical request.
   *
   * @return the canonical request text, without a trailing newline; contains a signed session token
   *     in clear, so never print it
   */
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

  /**
   * {@link #text()} with the session token's value replaced by {@code <redacted>}, for printing.
   * Both places a token can be signed are masked: the {@code X-Amz-Security-Token} query parameter
   * of a presigned request and the {@code x-amz-security-token} header line.
   *
   * @return the canonical request text, safe for logs and exception messages
   */
  public String redactedText() {
    String query = canonicalQuery.replaceAll("(^|&)(X-Amz-Security-Token=)[^&]*", "$1$2" + MASK);
    String headers = canonicalHeaders.replaceAll("(?m)^(x-amz-security-token:).*$", "$1" + MASK);
    return new CanonicalRequest(method, canonicalUri, query, headers, signedHeaders, payloadHash).text();
  }

  @Override
  public String toString() {
    return "CanonicalRequest[" + redactedText() + "]";
  }

  private static final String MASK = io.s3wire.wire.Redaction.MASK;

  /**
   * Hashes {@link #text()} (UTF-8) for the last line of the string to sign.
   *
   * @return the lower-case hex SHA-256 of {@link #text()}, 64 characters
   */
  public String hash() {
    return Crypto.sha256Hex(text());
  }
}
