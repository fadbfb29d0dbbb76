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
   * @param caller the user whose signature was verified, or {@code null} for an unsigned request
   */
  record Verdict(String payloadSha256, ChunkSigning chunkSigning, io.s3wire.xml.Owner caller) {
    public static final Verdict UNSIGNED = new Verdict(null, null, null);

    /** A verdict without a caller. */
    public Verdict(String payloadSha256, ChunkSigning chunkSigning) {
      this(payloadSha256, chunkSigning, null);
    }

    /** This verdict for {@code caller}. */
    public Verdict by(io.s3wire.xml.Owner caller) {
      return new Verdict(payloadSha256, chunkSigning, caller);
    }
  }

  /** What chunk signatures of an aws-chunked body chain from. */
  record ChunkSigning(byte[] signingKey, String amzDate, String scope, String seedSignature) {}

  Verdict verify(Request request);

  /**
   * The signature of a browser-form POST (S3's PostObject), which signs the form's policy field.
   *
   * @param accessKey the access key the form names
   * @param scope the SigV4 credential scope of the form's {@code x-amz-credential}, or {@code null}
   *     for a SigV2 form ({@code AWSAccessKeyId}, {@code signature})
   * @param policy the {@code policy} field as sent (base64): what is signed
   * @param signature hex HMAC-SHA256 (SigV4) or base64 HMAC-SHA1 (SigV2)
   */
  record FormSignature(String accessKey, io.s3wire.auth.CredentialScope scope, String policy, String signature) {}

  /** Whether a browser-form POST without a policy (an anonymous upload) may proceed: in anonymous mode. */
  default boolean acceptsUnsignedForms() {
    return false;
  }

  /**
   * Verifies a browser-form POST's signature, throwing InvalidAccessKeyId or SignatureDoesNotMatch
   * as S3 does. Anonymous mode, with no secret to verify against, lets every form through.
   *
   * @return the user who signed the form, or {@code null} in anonymous mode
   */
  default io.s3wire.xml.Owner verifyForm(FormSignature form) {
    throw new io.s3wire.server.S3ErrorException(io.s3wire.server.S3ErrorCode.ACCESS_DENIED);
  }

  /**
   * Anonymous mode: lets every request through without a secret to verify signatures against, but
   * refuses malformed presigned-URL parameters and, when {@code checkRequestTime}, expired presigned
   * URLs, as S3 does for a public bucket.
   */
  static Authenticator anonymous(boolean checkRequestTime) {
    return new AnonymousAuthenticator(checkRequestTime);
  }
}
