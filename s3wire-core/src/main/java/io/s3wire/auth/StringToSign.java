package io.s3wire.auth;

/**
 * A SigV4 string to sign: algorithm, timestamp, credential scope and the canonical request's hash.
 * Holds nothing secret.
 *
 * @param algorithm always {@link SigV4#ALGORITHM} here
 * @param amzDate the request time, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param scope the credential scope
 * @param canonicalRequestHash lower-case hex SHA-256 of the canonical request text
 */
public record StringToSign(String algorithm, String amzDate, CredentialScope scope, String canonicalRequestHash) {
  /**
   * The four lines joined with {@code \n}, as the HMAC chain signs them.
   *
   * @return the exact text that is signed, without a trailing newline
   */
  public String text() {
    return algorithm + '\n' + amzDate + '\n' + scope + '\n' + canonicalRequestHash;
  }
}
