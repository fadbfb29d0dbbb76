package io.s3wire.auth;

import io.s3wire.auth.internal.AmzDate;
import io.s3wire.auth.internal.UriEncoding;
import io.s3wire.http.HttpDate;
import io.s3wire.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SigV4 authorization a request carries, from an {@code Authorization} header or from
 * presigned query parameters. What a verifier needs to recompute the signature.
 *
 * <p>{@link #toString()} masks the signature and the session token.
 *
 * @param accessKeyId the access key id from the Credential
 * @param scope the credential scope from the Credential
 * @param signedHeaders the signed header names, lower-case, in the order given
 * @param signature the signature, 64 lower-case hex digits
 * @param amzDate the request time, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param expires for a presigned URL its X-Amz-Expires, else {@code null}
 * @param securityToken for a presigned URL its X-Amz-Security-Token, else {@code null} (a header
 *     signed request carries it in the {@code x-amz-security-token} header)
 */
public record SigV4Authorization(
    String accessKeyId,
    CredentialScope scope,
    List<String> signedHeaders,
    String signature,
    String amzDate,
    Duration expires,
    String securityToken) {

  /**
   * Copies the signed header names so the record stays immutable. The other parts are taken as
   * given: {@link #parseHeader(String, String)} and {@link #parseQuery(String)} are what validate
   * them.
   *
   * @param accessKeyId the access key id from the Credential
   * @param scope the credential scope from the Credential
   * @param signedHeaders the signed header names, lower-case, in the order given; copied
   * @param signature the signature, 64 lower-case hex digits
   * @param amzDate the request time, {@code yyyyMMdd'T'HHmmss'Z'}
   * @param expires for a presigned URL its X-Amz-Expires, else {@code null}
   * @param securityToken for a presigned URL its X-Amz-Security-Token, else {@code null}
   * @throws NullPointerException if {@code signedHeaders} is or contains {@code null}
   */
  public SigV4Authorization {
    signedHeaders = List.copyOf(signedHeaders);
  }

  /**
   * Whether this came from presigned query parameters rather than an {@code Authorization} header.
   *
   * @return {@code true} when {@link #expires()} is set, as only a presigned URL has one
   */
  public boolean isPresigned() {
    return expires != null;
  }

  /**
   * The request time, which a verifier compares with its clock (S3 allows 15 minutes of skew for a
   * header-signed request).
   *
   * @return {@link #amzDate()} read as UTC
   * @throws IllegalArgumentException if {@link #amzDate()} is not {@code yyyyMMdd'T'HHmmss'Z'}
   *     (never for a parsed authorization)
   */
  public Instant requestTime() {
    return AmzDate.parse(amzDate);
  }

  /**
   * For a presigned URL, the instant it stops being valid: the request time plus X-Amz-Expires.
   *
   * @return that instant, or empty for a header-signed request
   */
  public Optional<Instant> expiresAt() {
    return expires == null ? Optional.empty() : Optional.of(requestTime().plus(expires));
  }

  /**
   * Parses an {@code Authorization} header, with the request time from {@code X-Amz-Date} or, when
   * absent, {@code Date} (an HTTP date), as S3 does.
   *
   * @param authorization the {@code Authorization} header's value
   * @param headers the request's headers, for the request time
   * @return the authorization, with {@link #amzDate()} in {@code yyyyMMdd'T'HHmmss'Z'} form even
   *     when it came from {@code Date}
   * @throws MalformedAuthorizationException naming the part that is wrong
   */
  public static SigV4Authorization parseHeader(String authorization, HttpHeaders headers) {
    Optional<String> amz = headers.first(SigV4.X_AMZ_DATE);
    if (amz.isPresent()) {
      return parseHeader(authorization, amz.get().trim());
    }
    Optional<String> date = headers.first("Date");
    if (date.isEmpty()) {
      throw new MalformedAuthorizationException(false, "the request has neither X-Amz-Date nor Date");
    }
    Instant t = HttpDate.parse(date.get())
        .orElseThrow(() -> new MalformedAuthorizationException(false, "the Date header is not an HTTP date"));
    return parseHeader(authorization, AmzDate.format(t));
  }

  /**
   * Parses {@code AWS4-HMAC-SHA256 Credential=AK/date/region/service/aws4_request,
   * SignedHeaders=a;b, Signature=hex} (spaces after commas optional).
   *
   * @param authorization the {@code Authorization} header's value; {@code null} counts as empty
   * @param amzDate the request's {@code X-Amz-Date}; its day must be the Credential's date
   * @return the authorization of a header-signed request ({@link #isPresigned()} false)
   * @throws MalformedAuthorizationException naming the part that is wrong
   */
  public static SigV4Authorization parseHeader(String authorization, String amzDate) {
    if (authorization == null || authorization.isBlank()) {
      throw new MalformedAuthorizationException(false, "the Authorization header is empty");
    }
    String v = authorization.trim();
    int sp = v.indexOf(' ');
    String algorithm = sp < 0 ? v : v.substring(0, sp);
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      throw new MalformedAuthorizationException(false,
          "the authorization algorithm must be " + SigV4.ALGORITHM + ", not " + printable(algorithm));
    }
    Map<String, String> fields = new HashMap<>();
    for (String part : v.substring(sp + 1).split(",", -1)) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new MalformedAuthorizationException(false,
            "the Authorization header must be Credential=..., SignedHeaders=..., Signature=...");
      }
      String key = p.substring(0, eq);
      if (fields.put(key, p.substring(eq + 1)) != null) {
        throw new MalformedAuthorizationException(false, "the Authorization header repeats " + printable(key));
      }
    }
    String credential = require(fields, "Credential", false);
    String signedHeaders = require(fields, "SignedHeaders", false);
    String signature = require(fields, "Signature", false);
    if (amzDate == null || amzDate.isEmpty()) {
      throw new MalformedAuthorizationException(false, "the request has no X-Amz-Date");
    }
    return build(false, credential, signedHeaders, signature, amzDate, null, null);
  }

  /**
   * Parses the presigned query parameters of a raw (percent-encoded) query: X-Amz-Algorithm,
   * X-Amz-Credential, X-Amz-Date, X-Amz-Expires (1 s to 7 days), X-Amz-SignedHeaders,
   * X-Amz-Signature, and X-Amz-Security-Token when present.
   *
   * @param rawQuery the query as sent, without the {@code ?}; {@code null} counts as empty.
   *     Parameters not starting with {@code X-Amz-} are ignored here
   * @return the authorization of a presigned request ({@link #isPresigned()} true)
   * @throws MalformedAuthorizationException naming the parameter that is missing or wrong
   */
  public static SigV4Authorization parseQuery(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String p : rawQuery.split("&")) {
        int eq = p.indexOf('=');
        String name = UriEncoding.decodeToString(eq < 0 ? p : p.substring(0, eq));
        if (name.startsWith("X-Amz-")) {
          String value = eq < 0 ? "" : UriEncoding.decodeToString(p.substring(eq + 1));
          if (params.put(name, value) != null) {
            throw new MalformedAuthorizationException(true, "the query repeats " + printable(name));
          }
        }
      }
    }
    String algorithm = require(params, SigV4.X_AMZ_ALGORITHM, true);
    if (!algorithm.equals(SigV4.ALGORITHM)) {
      throw new MalformedAuthorizationException(true,
          "X-Amz-Algorithm must be " + SigV4.ALGORITHM + ", not " + printable(algorithm));
    }
    String credential = require(params, SigV4.X_AMZ_CREDENTIAL, true);
    String amzDate = require(params, SigV4.X_AMZ_DATE, true);
    String expiresText = require(params, SigV4.X_AMZ_EXPIRES, true);
    String signedHeaders = require(params, SigV4.X_AMZ_SIGNED_HEADERS, true);
    String signature = require(params, SigV4.X_AMZ_SIGNATURE, true);
    long seconds;
    try {
      seconds = Long.parseLong(expiresText);
    } catch (NumberFormatException e) {
      throw new MalformedAuthorizationException(true, "X-Amz-Expires must be a number of seconds");
    }
    if (seconds < 1 || seconds > SigV4.MAX_PRESIGN_EXPIRY.getSeconds()) {
      throw new MalformedAuthorizationException(true,
          "X-Amz-Expires must be between 1 and 604800 seconds (7 days), not " + seconds);
    }
    String token = params.get(SigV4.X_AMZ_SECURITY_TOKEN);
    return build(true, credential, signedHeaders, signature, amzDate, Duration.ofSeconds(seconds), token);
  }

  private static SigV4Authorization build(boolean presigned, String credential, String signedHeaders,
      String signature, String amzDate, Duration expires, String token) {
    String[] c = credential.split("/", -1);
    if (c.length != 5 || c[0].isEmpty() || c[2].isEmpty() || c[3].isEmpty()
        || !c[4].equals(CredentialScope.TERMINATOR) || !isDigits(c[1], 8)) {
      throw new MalformedAuthorizationException(presigned,
          "the Credential must be <access key>/<yyyyMMdd>/<region>/<service>/aws4_request");
    }
    try {
      AmzDate.parse(amzDate);
    } catch (IllegalArgumentException e) {
      throw new MalformedAuthorizationException(presigned, "X-Amz-Date " + e.getMessage());
    }
    if (!amzDate.startsWith(c[1])) {
      throw new MalformedAuthorizationException(presigned,
          "the Credential date " + c[1] + " is not the day of X-Amz-Date " + amzDate);
    }
    if (signedHeaders.isEmpty()) {
      throw new MalformedAuthorizationException(presigned, "SignedHeaders is empty");
    }
    List<String> names = new ArrayList<>();
    for (String h : signedHeaders.split(";", -1)) {
      if (h.isEmpty() || !h.equals(h.toLowerCase(java.util.Locale.ROOT)) || h.indexOf(' ') >= 0) {
        throw new MalformedAuthorizationException(presigned,
            "SignedHeaders must be lower-case names separated by ';'");
      }
      names.add(h);
    }
    if (!names.contains("host")) {
      throw new MalformedAuthorizationException(presigned, "SignedHeaders must include host");
    }
    if (signature.length() != 64 || !isLowerHex(signature)) {
      throw new MalformedAuthorizationException(presigned, "the Signature must be 64 lower-case hex digits");
    }
    return new SigV4Authorization(c[0], new CredentialScope(c[1], c[2], c[3]), names, signature, amzDate,
        expires, token);
  }

  private static String require(Map<String, String> fields, String name, boolean presigned) {
    String v = fields.get(name);
    if (v == null) {
      throw new MalformedAuthorizationException(presigned, (presigned ? "the query" : "the Authorization header")
          + " has no " + name);
    }
    return v;
  }

  private static boolean isDigits(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Echoes short client input in messages; long or odd input is not repeated. */
  private static String printable(String s) {
    if (s.length() > 40) {
      return "'" + s.substring(0, 40) + "...'";
    }
    return "'" + s + "'";
  }

  @Override
  public String toString() {
    return "SigV4Authorization[accessKeyId=" + accessKeyId + ", scope=" + scope + ", signedHeaders="
        + String.join(";", signedHeaders) + ", signature=<redacted>, amzDate=" + amzDate
        + (expires == null ? "" : ", expires=" + expires.getSeconds() + "s")
        + (securityToken == null ? "" : ", securityToken=<redacted>") + "]";
  }
}
