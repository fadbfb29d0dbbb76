package io.s3wire.auth;

import io.s3wire.auth.internal.AmzDate;
import io.s3wire.auth.internal.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * SigV4 constants and the signature function shared by the signer and by verifiers.
 *
 * <p>Verifying a request (what a server does; {@link SigV4Verifier#verify} does all of it in one
 * call and maps failures to S3 error codes):
 *
 * <ol>
 *   <li>parse the credentials: {@link SigV4Authorization#parseHeader(String, io.s3wire.http.HttpHeaders)} or {@link
 *       SigV4Authorization#parseQuery(String)} ({@link MalformedAuthorizationException} maps to
 *       {@code AuthorizationHeaderMalformed} / {@code AuthorizationQueryParametersError});
 *   <li>look up the secret for {@link SigV4Authorization#accessKeyId()};
 *   <li>{@link SigV4Canonicalizer#forVerification} with the request's method, raw path, raw query,
 *       headers and payload hash ({@code x-amz-content-sha256}, or {@code UNSIGNED-PAYLOAD} for a
 *       presigned URL) gives the canonical request and string to sign;
 *   <li>{@link #signature(String, StringToSign)} gives the expected signature; compare it with
 *       {@link #signaturesMatch(String, String)} (constant time). On mismatch S3 answers
 *       {@code SignatureDoesNotMatch} with the string to sign and canonical request.
 * </ol>
 *
 * <p>Thread-safe. Signing keys are cached per (secret, date, region, service), bounded.
 */
public final class SigV4 {
  /** The only algorithm s3wire speaks. */
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  /** The payload hash literal for bodies left out of the signature. */
  public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  /** SHA-256 of the empty body. */
  public static final String EMPTY_SHA256 = PayloadHash.EMPTY.value();

  public static final String X_AMZ_DATE = "X-Amz-Date";
  public static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
  public static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
  public static final String AUTHORIZATION = "Authorization";

  public static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
  public static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
  public static final String X_AMZ_EXPIRES = "X-Amz-Expires";
  public static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  public static final String X_AMZ_SIGNATURE = "X-Amz-Signature";

  /** Payload hash of an aws-chunked body whose every chunk is signed. */
  public static final String STREAMING_PAYLOAD = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
  /** As {@link #STREAMING_PAYLOAD}, with signed trailers (a checksum after the last chunk). */
  public static final String STREAMING_PAYLOAD_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
  /** aws-chunked with unsigned chunks and trailers (what recent AWS SDKs send over TLS). */
  public static final String STREAMING_UNSIGNED_PAYLOAD_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

  /** The longest a presigned URL may live: 7 days. */
  public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

  private SigV4() {}

  /**
   * The signature of a string to sign under a secret key: lower-case hex HMAC-SHA256 with the key
   * derived for the string's scope. This is what a verifier compares with the request's.
   */
  public static String signature(String secretAccessKey, StringToSign stringToSign) {
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    CredentialScope s = stringToSign.scope();
    return SigningKeys.signatureHex(secretAccessKey, s.date(), s.region(), s.service(), stringToSign.text());
  }

  /**
   * The signature of one chunk of an aws-chunked body ({@link #STREAMING_PAYLOAD}): HMAC over
   * {@code AWS4-HMAC-SHA256-PAYLOAD\n<amzDate>\n<scope>\n<previous signature>\n<SHA-256 of
   * "">\n<SHA-256 of the chunk>}. The first chunk's previous signature is the request's (the seed);
   * the final zero-length chunk is signed too.
   *
   * @param chunkSha256 lower-case hex SHA-256 of the chunk's data
   */
  public static String chunkSignature(String secretAccessKey, String amzDate, CredentialScope scope,
      String previousSignature, String chunkSha256) {
    return chained("AWS4-HMAC-SHA256-PAYLOAD", secretAccessKey, amzDate, scope, previousSignature,
        EMPTY_SHA256 + '\n' + chunkSha256);
  }

  /**
   * The signature of the trailer block of an aws-chunked body ({@link #STREAMING_PAYLOAD_TRAILER}):
   * HMAC over {@code AWS4-HMAC-SHA256-TRAILER\n<amzDate>\n<scope>\n<previous signature>\n<SHA-256
   * of the trailer lines>}, the previous signature being the final chunk's.
   *
   * @param trailerSha256 lower-case hex SHA-256 of the trailer lines, each {@code name:value\n}
   */
  public static String trailerSignature(String secretAccessKey, String amzDate, CredentialScope scope,
      String previousSignature, String trailerSha256) {
    return chained("AWS4-HMAC-SHA256-TRAILER", secretAccessKey, amzDate, scope, previousSignature, trailerSha256);
  }

  private static String chained(String algorithm, String secret, String amzDate, CredentialScope scope,
      String previousSignature, String tail) {
    Objects.requireNonNull(secret, "secretAccessKey");
    String text = algorithm + '\n' + amzDate + '\n' + scope + '\n' + previousSignature + '\n' + tail;
    return SigningKeys.signatureHex(secret, scope.date(), scope.region(), scope.service(), text);
  }

  /**
   * Compares two hex signatures in constant time (no early exit that would leak how many leading
   * characters matched). {@code null} never matches.
   */
  public static boolean signaturesMatch(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, independent of the default locale and time zone. */
  public static String amzDate(Instant time) {
    return AmzDate.format(time);
  }

  /**
   * Parses an {@code X-Amz-Date} value.
   *
   * @throws IllegalArgumentException when it is not {@code yyyyMMdd'T'HHmmss'Z'}
   */
  public static Instant parseAmzDate(String value) {
    return AmzDate.parse(value);
  }
}
