package io.s3wire.server.internal.auth;

import io.s3wire.auth.CanonicalRequest;
import io.s3wire.auth.MalformedAuthorizationException;
import io.s3wire.auth.PathMode;
import io.s3wire.auth.SigV4;
import io.s3wire.auth.SigV4Authorization;
import io.s3wire.auth.SigV4Canonicalizer;
import io.s3wire.auth.internal.SigningKeys;
import io.s3wire.http.HttpHeaders;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.ServerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies SigV4 signatures, in the Authorization header or presigned query parameters (and SigV2
 * presigned URLs, through {@link SigV2Presigned}), with core's
 * canonicaliser: access key, region (per profile), a 15-minute clock-skew window, presigned
 * expiry, the payload hash the signature commits to. Errors carry what S3 puts in them
 * (StringToSign and CanonicalRequest for SignatureDoesNotMatch), never a secret or a signature.
 */
public final class SigV4Verifier implements Authenticator {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private final Users users;
  private final ServerProfile profile;
  private final boolean allowAnonymous;
  private final boolean checkRequestTime;

  /**
   * @param checkRequestTime whether the request's time must be within the skew window of the
   *     server's clock (and a presigned URL unexpired); false only for servers on a pinned clock
   */
  public SigV4Verifier(String accessKey, String secretKey, ServerProfile profile, boolean allowAnonymous,
      boolean checkRequestTime) {
    this(new Users(java.util.List.of(new io.s3wire.server.ServerUser(accessKey, secretKey,
        io.s3wire.server.ServerUser.DEFAULT_OWNER_ID, io.s3wire.server.ServerUser.DEFAULT_DISPLAY_NAME))), profile,
        allowAnonymous, checkRequestTime);
  }

  /**
   * A verifier that looks the secret up by the access key a request names; an access key it does
   * not know is InvalidAccessKeyId.
   *
   * @param checkRequestTime as in the other constructor
   */
  public SigV4Verifier(Users users, ServerProfile profile, boolean allowAnonymous, boolean checkRequestTime) {
    this.users = users;
    this.profile = profile;
    this.allowAnonymous = allowAnonymous;
    this.checkRequestTime = checkRequestTime;
  }

  @Override
  public Verdict verify(Request r) {
    String authorization = r.headers().get("authorization");
    if (authorization == null && SigV2Presigned.isPresigned(r.rawQuery())) {
      return SigV2Presigned.verify(r, users, checkRequestTime);
    }
    boolean presigned = isPresigned(r.rawQuery());
    if (authorization == null && !presigned) {
      if (allowAnonymous) {
        return Verdict.UNSIGNED;
      }
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED);
    }
    HttpHeaders headers = coreHeaders(r.headers());
    SigV4Authorization auth;
    try {
      auth = presigned ? parsePresigned(r.rawQuery()) : SigV4Authorization.parseHeader(authorization, headers);
    } catch (MalformedAuthorizationException e) {
      throw new S3ErrorException(e.presigned() ? S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR
          : S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new S3ErrorException(presigned ? S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR
          : S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "the authorization could not be parsed");
    }
    io.s3wire.server.ServerUser user = known(auth.accessKeyId());
    String secretKey = user.secretKey();
    String region = auth.scope().region();
    if (!profile.acceptsRegion(region)) {
      String expected = profile.expectedRegion();
      throw new S3ErrorException(presigned ? S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR
          : S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
          "The authorization header is malformed; the region '" + region + "' is wrong; expecting '" + expected + "'",
          Map.of("Region", expected));
    }
    if (!auth.scope().service().equals("s3")) {
      throw new S3ErrorException(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
          "The authorization header is malformed; incorrect service '" + auth.scope().service() + "'. This endpoint belongs to 's3'.");
    }
    Instant requestTime = auth.requestTime();
    if (checkRequestTime) {
      checkTime(r.now(), requestTime, auth);
    }
    String payloadHash = headers.first(SigV4.X_AMZ_CONTENT_SHA256).map(String::trim).orElse(null);
    if (payloadHash == null) {
      if (!presigned) {
        throw new S3ErrorException(S3ErrorCode.INVALID_REQUEST,
            "Missing required header for this request: x-amz-content-sha256");
      }
      payloadHash = SigV4.UNSIGNED_PAYLOAD;
    }
    SigV4Canonicalizer.SignatureInput input = SigV4Canonicalizer.forVerification(r.method(), r.rawPath(),
        r.rawQuery(), headers, auth, payloadHash, PathMode.S3);
    String expected = SigV4.signature(secretKey, input.stringToSign());
    if (!SigV4.signaturesMatch(expected, auth.signature())) {
      CanonicalRequest cr = input.canonicalRequest();
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("AWSAccessKeyId", auth.accessKeyId());
      extra.put("StringToSign", input.stringToSign().text());
      extra.put("CanonicalRequest", cr.text());
      throw new S3ErrorException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.message(),
          extra);
    }
    io.s3wire.xml.Owner caller = Users.owner(user);
    if (HEX64.matcher(payloadHash).matches()) {
      return new Verdict(payloadHash, null, caller);
    }
    if (payloadHash.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")) {
      byte[] key = SigningKeys.signingKey(secretKey, auth.scope().date(), region, auth.scope().service());
      return new Verdict(null, new ChunkSigning(key, auth.amzDate(), auth.scope().toString(), auth.signature()),
          caller);
    }
    return Verdict.UNSIGNED.by(caller);
  }

  /** The user of {@code accessKey}; InvalidAccessKeyId naming the key (never a secret) when there is none. */
  private io.s3wire.server.ServerUser known(String accessKey) {
    io.s3wire.server.ServerUser user = users.byAccessKey(accessKey);
    if (user == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ACCESS_KEY_ID, S3ErrorCode.INVALID_ACCESS_KEY_ID.message(),
          Map.of("AWSAccessKeyId", accessKey));
    }
    return user;
  }

  @Override
  public boolean acceptsUnsignedForms() {
    return allowAnonymous;
  }

  /**
   * SigV4: hex HMAC-SHA256 of the base64 policy under the scope's signing key; SigV2: base64
   * HMAC-SHA1 of it under the secret. A mismatch names the access key and the string signed (the
   * policy), as S3 does, never the signature or a secret.
   */
  @Override
  public io.s3wire.xml.Owner verifyForm(FormSignature form) {
    io.s3wire.server.ServerUser user = known(form.accessKey());
    String secretKey = user.secretKey();
    boolean matches;
    if (form.scope() != null) {
      String region = form.scope().region();
      if (!profile.acceptsRegion(region)) {
        String expected = profile.expectedRegion();
        throw new S3ErrorException(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
            "The authorization header is malformed; the region '" + region + "' is wrong; expecting '" + expected
                + "'", Map.of("Region", expected));
      }
      if (!form.scope().service().equals("s3")) {
        throw new S3ErrorException(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is"
            + " malformed; incorrect service '" + form.scope().service() + "'. This endpoint belongs to 's3'.");
      }
      String expected = SigningKeys.signatureHex(secretKey, form.scope().date(), region, "s3", form.policy());
      matches = SigV4.signaturesMatch(expected, form.signature());
    } else {
      matches = SigV4.signaturesMatch(sigV2(secretKey, form.policy()), form.signature());
    }
    if (!matches) {
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("AWSAccessKeyId", form.accessKey());
      extra.put("StringToSign", form.policy());
      throw new S3ErrorException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.message(),
          extra);
    }
    return Users.owner(user);
  }

  private static String sigV2(String secretKey, String policy) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(new javax.crypto.spec.SecretKeySpec(secretKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "HmacSHA1"));
      return java.util.Base64.getEncoder().encodeToString(
          mac.doFinal(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has HmacSHA1", e);
    }
  }

  /** Whether the query carries presigned-URL authentication parameters. */
  static boolean isPresigned(String rawQuery) {
    return rawQuery.contains("X-Amz-Signature=") || rawQuery.contains("X-Amz-Credential=");
  }

  /**
   * The presigned parameters (X-Amz-Expires within 1..604800 among them); AuthorizationQueryParametersError
   * when they are malformed.
   */
  static SigV4Authorization parsePresigned(String rawQuery) {
    try {
      return SigV4Authorization.parseQuery(rawQuery);
    } catch (MalformedAuthorizationException e) {
      throw new S3ErrorException(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new S3ErrorException(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, "the authorization could not be parsed");
    }
  }

  static void checkTime(Instant now, Instant requestTime, SigV4Authorization auth) {
    if (auth.isPresigned()) {
      Instant expires = auth.expiresAt().orElseThrow();
      if (now.isAfter(expires)) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("X-Amz-Expires", Long.toString(auth.expires().toSeconds()));
        extra.put("Expires", SigV4.amzDate(expires));
        extra.put("ServerTime", SigV4.amzDate(now));
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Request has expired", extra);
      }
      if (requestTime.isAfter(now.plus(MAX_SKEW))) {
        throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Request is not valid yet");
      }
      return;
    }
    if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("RequestTime", SigV4.amzDate(requestTime));
      extra.put("ServerTime", SigV4.amzDate(now));
      extra.put("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
      throw new S3ErrorException(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, S3ErrorCode.REQUEST_TIME_TOO_SKEWED.message(),
          extra);
    }
  }

  private static HttpHeaders coreHeaders(io.netty.handler.codec.http.HttpHeaders in) {
    HttpHeaders.Builder b = HttpHeaders.builder();
    for (Map.Entry<String, String> e : in) {
      b.add(e.getKey(), e.getValue());
    }
    return b.build();
  }
}
