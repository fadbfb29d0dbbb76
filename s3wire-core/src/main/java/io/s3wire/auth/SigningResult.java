package io.s3wire.auth;

import io.s3wire.http.HttpRequest;

/**
 * A signed request with the intermediate texts that produced its signature, for diagnostics
 * (compare with the server's in a SignatureDoesNotMatch error) and tests. {@link #toString()}
 * masks the signature.
 *
 * @param request the signed request (headers added, or the presigned URI)
 * @param canonicalRequest the canonical request that was hashed
 * @param stringToSign the string that was signed
 * @param signature the signature, lower-case hex
 */
public record SigningResult(
    HttpRequest request, CanonicalRequest canonicalRequest, StringToSign stringToSign, String signature) {
  @Override
  public String toString() {
    return "SigningResult[request=" + request + ", scope=" + stringToSign.scope() + ", signedHeaders="
        + canonicalRequest.signedHeaders() + ", signature=<redacted>]";
  }
}
