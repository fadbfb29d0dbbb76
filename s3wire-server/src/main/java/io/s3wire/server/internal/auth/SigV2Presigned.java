package io.s3wire.server.internal.auth;

import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies presigned URLs in Signature Version 2's query form ({@code AWSAccessKeyId}, {@code Expires},
 * {@code Signature}): what boto3, the AWS CLI v1 ({@code aws s3 presign}) and s3cmd ({@code signurl})
 * produce at their defaults for a custom endpoint, and what S3 accepts in the regions that kept SigV2
 * (us-east-1 among them). The signature is Base64(HMAC-SHA1(secret, StringToSign)) over the method,
 * Content-MD5, Content-Type, Expires, the {@code x-amz-*} headers and the resource with its
 * sub-resources; the URL grants no more than one unsigned request would get with those values.
 */
final class SigV2Presigned {
  /** Query parameters that are part of the signed resource (the list S3's SigV2 documents, and the SDKs sign). */
  private static final Set<String> SUBRESOURCES = Set.of("accelerate", "acl", "cors", "delete", "lifecycle",
      "location", "logging", "notification", "partNumber", "policy", "requestPayment", "restore", "tagging",
      "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website", "object-lock",
      "legal-hold", "retention", "response-content-type", "response-content-language", "response-expires",
      "response-cache-control", "response-content-disposition", "response-content-encoding");

  private SigV2Presigned() {}

  /** Whether the query carries SigV2 presigned parameters (and no SigV4 ones, which take precedence). */
  static boolean isPresigned(String rawQuery) {
    Map<String, String> q = params(rawQuery);
    return q.containsKey("AWSAccessKeyId") && q.containsKey("Signature") && !SigV4Verifier.isPresigned(rawQuery);
  }

  /**
   * Checks the access key, expiry (when {@code checkTime}) and signature; throws the error S3 gives.
   */
  static Authenticator.Verdict verify(Authenticator.Request r, Users users, boolean checkTime) {
    Map<String, String> q = params(r.rawQuery());
    String expires = q.get("Expires");
    if (expires == null || !expires.matches("[0-9]{1,12}")) {
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED,
          "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
    }
    String keyId = q.get("AWSAccessKeyId");
    io.s3wire.server.ServerUser user = keyId == null ? null : users.byAccessKey(keyId);
    if (user == null) {
      throw new S3ErrorException(S3ErrorCode.INVALID_ACCESS_KEY_ID, S3ErrorCode.INVALID_ACCESS_KEY_ID.message(),
          Map.of("AWSAccessKeyId", keyId));
    }
    Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(expires));
    if (checkTime && r.now().isAfter(expiresAt)) {
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("Expires", DateTimeFormatter.ISO_INSTANT.format(expiresAt));
      extra.put("ServerTime", DateTimeFormatter.ISO_INSTANT.format(r.now()));
      throw new S3ErrorException(S3ErrorCode.ACCESS_DENIED, "Request has expired", extra);
    }
    String stringToSign = stringToSign(r, expires, q);
    byte[] expected = hmacSha1(user.secretKey(), stringToSign);
    byte[] provided;
    try {
      provided = Base64.getDecoder().decode(q.get("Signature"));
    } catch (IllegalArgumentException e) {
      provided = new byte[0];
    }
    if (!MessageDigest.isEqual(expected, provided)) {
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put("AWSAccessKeyId", keyId);
      extra.put("StringToSign", stringToSign);
      throw new S3ErrorException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.message(),
          extra);
    }
    return Authenticator.Verdict.UNSIGNED.by(Users.owner(user));
  }

  static String stringToSign(Authenticator.Request r, String expires, Map<String, String> query) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.method()).append('\n');
    sb.append(header(r, "content-md5")).append('\n');
    sb.append(header(r, "content-type")).append('\n');
    sb.append(expires).append('\n');
    TreeMap<String, List<String>> amz = new TreeMap<>();
    for (Map.Entry<String, String> e : r.headers()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-")) {
        amz.computeIfAbsent(name, k -> new ArrayList<>()).add(e.getValue().strip());
      }
    }
    amz.forEach((name, values) -> sb.append(name).append(':').append(String.join(",", values)).append('\n'));
    sb.append(r.rawPath().isEmpty() ? "/" : r.rawPath());
    TreeMap<String, String> sub = new TreeMap<>();
    query.forEach((k, v) -> {
      if (SUBRESOURCES.contains(k)) {
        sub.put(k, v);
      }
    });
    char sep = '?';
    for (Map.Entry<String, String> e : sub.entrySet()) {
      sb.append(sep).append(e.getKey());
      if (!e.getValue().isEmpty()) {
        sb.append('=').append(e.getValue());
      }
      sep = '&';
    }
    return sb.toString();
  }

  private static String header(Authenticator.Request r, String name) {
    String v = r.headers().get(name);
    return v == null ? "" : v.strip();
  }

  /** The query's parameters, decoded; a name without {@code =} maps to the empty string; the first value wins. */
  private static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static byte[] hmacSha1(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }
}
