package io.s3wire.server;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * Browser-form POST bodies as a test writes them (fields in order, the file, fields after it), the
 * SigV4 form signature computed here from AWS's documented key derivation (not with the server's
 * code), and a JDK HttpClient to send them over HTTP/1.1 or h2.
 */
final class PostForms {
  static final String BOUNDARY = "----s3wireFormBoundary7MA4YWxkTrZu0gW";

  private PostForms() {}

  /** A multipart/form-data body under construction. */
  static final class Form {
    private final List<String[]> before = new ArrayList<>();
    private final List<String[]> after = new ArrayList<>();
    private String filename = "upload.bin";
    private String fileType;
    private byte[] file;

    Form field(String name, String value) {
      (file == null ? before : after).add(new String[] {name, value});
      return this;
    }

    Form fields(Map<String, String> fields) {
      fields.forEach(this::field);
      return this;
    }

    Form file(String name, String contentType, byte[] content) {
      this.filename = name;
      this.fileType = contentType;
      this.file = content;
      return this;
    }

    byte[] body() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String[] f : before) {
        part(out, f[0], f[1]);
      }
      if (file != null) {
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
            + "\"\r\n" + (fileType == null ? "" : "Content-Type: " + fileType + "\r\n") + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      for (String[] f : after) {
        part(out, f[0], f[1]);
      }
      out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
      return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String name, String value) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  static Form form() {
    return new Form();
  }

  /**
   * The signing fields of a SigV4 form for {@code policyJson}, signed on {@code date} (yyyyMMdd) in
   * us-east-1: x-amz-algorithm, x-amz-credential, x-amz-date, policy, x-amz-signature.
   */
  static Map<String, String> signV4(String policyJson, String accessKey, String secretKey, String date) {
    String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac("HmacSHA256", ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac("HmacSHA256", key, "us-east-1");
    key = hmac("HmacSHA256", key, "s3");
    key = hmac("HmacSHA256", key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac("HmacSHA256", key, policy));
    Map<String, String> f = new java.util.LinkedHashMap<>();
    f.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    f.put("x-amz-credential", accessKey + "/" + date + "/us-east-1/s3/aws4_request");
    f.put("x-amz-date", date + "T000000Z");
    f.put("policy", policy);
    f.put("x-amz-signature", signature);
    return f;
  }

  /** The fields of a SigV2 form: AWSAccessKeyId, policy, signature. */
  static Map<String, String> signV2(String policyJson, String accessKey, String secretKey) {
    String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
    Map<String, String> f = new java.util.LinkedHashMap<>();
    f.put("AWSAccessKeyId", accessKey);
    f.put("policy", policy);
    f.put("signature", Base64.getEncoder().encodeToString(
        hmac("HmacSHA1", secretKey.getBytes(StandardCharsets.UTF_8), policy)));
    return f;
  }

  static byte[] hmac(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDK client speaking {@code version} (h2 needs a TLS server: the JDK client negotiates it by ALPN). */
  static HttpClient client(S3Server server, HttpClient.Version version) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (server.isTls()) {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, Peers.trusting(server.certificate()), null);
      b.sslContext(ssl);
    }
    return b.build();
  }

  static HttpResponse<String> post(HttpClient http, S3Server server, String path, byte[] body) throws Exception {
    return post(http, server, path, body, "multipart/form-data; boundary=" + BOUNDARY);
  }

  static HttpResponse<String> post(HttpClient http, S3Server server, String path, byte[] body, String contentType)
      throws Exception {
    HttpRequest r = HttpRequest.newBuilder(Peers.uri(server, path)).timeout(Duration.ofSeconds(60))
        .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
