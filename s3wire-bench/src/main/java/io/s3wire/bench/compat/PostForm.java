package io.s3wire.bench.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser-form POST upload as a web page builds it: a SigV4-signed policy document (a key
 * prefix condition and a size range) and a multipart/form-data body. The SDK has no API for it.
 */
final class PostForm {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final Instant now;

  PostForm(String accessKey, String secretKey, String region, Instant now) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.now = now;
  }

  record Encoded(String contentType, byte[] body) {}

  /** The form for uploading {@code file} as {@code key}, under a policy allowing keys starting with {@code prefix}. */
  Encoded encode(String bucket, String prefix, String key, byte[] file) throws Exception {
    String date = AMZ_DATE.format(now);
    String credential = accessKey + "/" + date.substring(0, 8) + "/" + region + "/s3/aws4_request";
    String policy = "{\"expiration\":\"" + ISO.format(now.plus(Duration.ofHours(1))) + "\",\"conditions\":["
        + "{\"bucket\":\"" + bucket + "\"},[\"starts-with\",\"$key\",\"" + prefix + "\"],"
        + "[\"content-length-range\",0,1048576],{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},"
        + "{\"x-amz-credential\":\"" + credential + "\"},{\"x-amz-date\":\"" + date + "\"}]}";
    String policy64 = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key", key);
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", credential);
    fields.put("x-amz-date", date);
    fields.put("policy", policy64);
    fields.put("x-amz-signature", signature(date.substring(0, 8), policy64));
    String boundary = "----s3wireCompatBoundary7MA4YWxkTrZu0gW";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Encoded("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private String signature(String day, String policy64) throws Exception {
    byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
    k = hmac(k, region);
    k = hmac(k, "s3");
    k = hmac(k, "aws4_request");
    return HexFormat.of().formatHex(hmac(k, policy64));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }
}
