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

  /**
   * Header (and presigned query parameter) with the signing time, {@code yyyyMMdd'T'HHmmss'Z'} in
   * UTC; signed, and it must agree with the scope's day.
   */
  public static final String X_AMZ_DATE = "X-Amz-Date";
  /** Header with the payload hash S3 checks the body against; always signed for S3. */
  public static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
  /**
   * Header (and presigned query parameter) with the session token of temporary credentials.
   * Secret: printed only redacted.
   */
  public static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
  /** Header with the algorithm, credential, signed header names and signature of a signed request. */
  public static final String AUTHORIZATION = "Authorization";

  /** Presigned query parameter naming the algorithm, always {@link #ALGORITHM}. */
  public static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
  /** Presigned query parameter {@code <access key id>/<credential scope>}. */
  public static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
  /**
   * Presigned query parameter: seconds the URL stays valid after {@link #X_AMZ_DATE}, 1 to
   * 604800 ({@link #MAX_PRESIGN_EXPIRY}).
   */
  public static final String X_AMZ_EXPIRES = "X-Amz-Expires";
  /** Presigned query parameter: the signed header names, lower-case, sorted, joined by {@code ;}. */
  public static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
  /** Presigned query parameter with the signature, lower-case hex; the only one not signed itself. */
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
   *
   * @param secretAccessKey the secret key of the access key id in the scope
   * @param stringToSign the string to sign, whose scope selects the derived key
   * @return the signature, 64 lower-case hex characters
   * @throws NullPointerException if an argument is {@code null}
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
   * @param secretAccessKey the secret key that signed the request
   * @param amzDate the request's {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param scope the request's credential scope
   * @param previousSignature lower-case hex signature of the previous chunk, or of the request for
   *     the first chunk
   * @param chunkSha256 lower-case hex SHA-256 of the chunk's data
   * @return the chunk's signature, 64 lower-case hex characters, as its {@code chunk-signature}
   * @throws NullPointerException if {@code secretAccessKey} is {@code null}
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
   * @param secretAccessKey the secret key that signed the request
   * @param amzDate the request's {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param scope the request's credential scope
   * @param previousSignature lower-case hex signature of the final (zero-length) chunk
   * @param trailerSha256 lower-case hex SHA-256 of the trailer lines, each {@code name:value\n}
   * @return the trailer's signature, 64 lower-case hex characters, as its {@code
   *     x-amz-trailer-signature}
   * @throws NullPointerException if {@code secretAccessKey} is {@code null}
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
   *
   * @param expected the signature the verifier computed
   * @param actual the signature the request carried; may be {@code null}
   * @return {@code true} when both are non-null and equal character for character (case matters)
   */
  public static boolean signaturesMatch(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Formats a signing time as {@code X-Amz-Date} wants it, independent of the default locale and
   * time zone.
   *
   * @param time the instant; fractions of a second are dropped
   * @return {@code yyyyMMdd'T'HHmmss'Z'} in UTC, e.g. {@code 20150830T123600Z}
   * @throws IllegalArgumentException if {@code time} falls outside the years 0000 to 9999
   */
  public static String amzDate(Instant time) {
    return AmzDate.format(time);
  }

  /**
   * Parses an {@code X-Amz-Date} value.
   *
   * @param value the header or query parameter value, exactly 16 characters
   * @return the instant it names, read as UTC
   * @throws IllegalArgumentException when it is not {@code yyyyMMdd'T'HHmmss'Z'}
   */
  public static Instant parseAmzDate(String value) {
    return AmzDate.parse(value);
  }
}
