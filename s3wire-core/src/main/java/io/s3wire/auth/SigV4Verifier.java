package io.s3wire.auth;

import io.s3wire.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the SigV4 authorization of a received S3 request, header-signed or presigned, and says
 * what S3 would answer when it fails. A server calls {@link #verify} once per request, before
 * reading the body.
 *
 * <p>What it does not do: compare the body with {@code x-amz-content-sha256} (the server hashes
 * the body as it reads it and answers {@code XAmzContentSHA256Mismatch}), verify aws-chunked chunk
 * signatures (see {@link SigV4#chunkSignature}), or check session tokens.
 *
 * <p>On HTTP/2 the caller must put the {@code :authority} value into {@code headers} as {@code
 * host}: that is what clients sign. Stateless and thread-safe.
 */
public final class SigV4Verifier {
  /** How far a header-signed request's time may be from the server's clock, as S3 allows. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private SigV4Verifier() {}

  /** The result of a verification. */
  public sealed interface Result permits Verified, Anonymous, Rejected {}

  /**
   * The signature is valid: the request was made by the holder of the access key's secret.
   *
   * @param authorization the authorization that was verified; its signature and token stay masked
   *     in {@link #toString()}
   */
  public record Verified(SigV4Authorization authorization) implements Result {
    /**
     * The access key the request was signed with, for the server's authorization checks and logs.
     *
     * @return the verified access key id (not secret)
     */
    public String accessKeyId() {
      return authorization.accessKeyId();
    }
  }

  /** The request carries neither an Authorization header nor presigned query parameters. */
  public record Anonymous() implements Result {}

  /**
   * The request is refused: answer {@code status} with S3 error {@code code} and {@code message}.
   * For {@code SignatureDoesNotMatch}, {@code input} holds the canonical request and string to sign
   * the server computed (S3 returns both in the error body); otherwise it is {@code null}. No
   * field holds a secret.
   *
   * @param status the HTTP status to answer: 400 for a malformed or incomplete request, 403 for
   *     one that is refused
   * @param code the S3 error code, e.g. {@code SignatureDoesNotMatch} or {@code RequestTimeTooSkewed}
   * @param message the error message, worded as S3 words it
   * @param input the server's canonical request and string to sign for {@code
   *     SignatureDoesNotMatch}, else {@code null}
   */
  public record Rejected(int status, String code, String message, SigV4Canonicalizer.SignatureInput input)
      implements Result {}

  /**
   * Verifies a request.
   *
   * @param method the method as received
   * @param rawPath the path as received, still percent-encoded
   * @param rawQuery the query as received, without {@code ?}, or {@code null}
   * @param headers the received headers, with {@code host}
   * @param secretForAccessKey the secret of an access key id, or empty when the key is unknown
   * @param now the server's time; a header-signed request must be within {@link #MAX_SKEW} of it,
   *     a presigned one unexpired and not more than {@link #MAX_SKEW} ahead
   * @return {@link Verified}, {@link Anonymous} when there is no authorization at all, or {@link
   *     Rejected} with what S3 would answer; never throws for a bad request
   */
  public static Result verify(String method, String rawPath, String rawQuery, HttpHeaders headers,
      Function<String, Optional<String>> secretForAccessKey, Instant now) {
    Objects.requireNonNull(secretForAccessKey, "secretForAccessKey");
    Optional<String> header = headers.first(SigV4.AUTHORIZATION);
    boolean presigned = hasParameter(rawQuery, SigV4.X_AMZ_ALGORITHM) || hasParameter(rawQuery, SigV4.X_AMZ_SIGNATURE);
    if (header.isPresent() && presigned) {
      return new Rejected(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query "
          + "parameter or the Authorization header should be specified", null);
    }
    if (header.isEmpty() && !presigned) {
      return new Anonymous();
    }
    SigV4Authorization auth;
    try {
      auth = presigned ? SigV4Authorization.parseQuery(rawQuery) : SigV4Authorization.parseHeader(header.get(), headers);
    } catch (MalformedAuthorizationException e) {
      return new Rejected(400, e.s3ErrorCode(), e.getMessage(), null);
    }
    Optional<String> secret = secretForAccessKey.apply(auth.accessKeyId());
    if (secret.isEmpty()) {
      return new Rejected(403, "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.", null);
    }
    Instant requestTime = auth.requestTime();
    if (presigned) {
      if (now.isAfter(requestTime.plus(auth.expires()))) {
        return new Rejected(403, "AccessDenied", "Request has expired", null);
      }
      if (requestTime.isAfter(now.plus(MAX_SKEW))) {
        return new Rejected(403, "AccessDenied", "Request is not valid yet", null);
      }
    } else if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
      return new Rejected(403, "RequestTimeTooSkewed",
          "The difference between the request time and the current time is too large.", null);
    }
    Optional<String> contentSha = headers.first(SigV4.X_AMZ_CONTENT_SHA256).map(String::strip);
    if (!presigned && contentSha.isEmpty()) {
      return new Rejected(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256", null);
    }
    String payloadHash = contentSha.orElse(SigV4.UNSIGNED_PAYLOAD);
    SigV4Canonicalizer.SignatureInput input = SigV4Canonicalizer.forVerification(
        method, rawPath, rawQuery, headers, auth, payloadHash, PathMode.S3);
    String expected = SigV4.signature(secret.get(), input.stringToSign());
    if (!SigV4.signaturesMatch(expected, auth.signature())) {
      return new Rejected(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
          + "signature you provided. Check your key and signing method.", input);
    }
    return new Verified(auth);
  }

  private static boolean hasParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return false;
    }
    for (String p : rawQuery.split("&")) {
      int eq = p.indexOf('=');
      if (io.s3wire.auth.internal.UriEncoding.decodeToString(eq < 0 ? p : p.substring(0, eq)).equals(name)) {
        return true;
      }
    }
    return false;
  }
}
