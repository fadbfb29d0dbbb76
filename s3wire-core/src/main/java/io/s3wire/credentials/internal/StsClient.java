package io.s3wire.credentials.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.PayloadHash;
import io.s3wire.auth.SigV4Signer;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.xml.S3XmlException;
import io.s3wire.xml.internal.XmlCursor;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two STS calls credential loaders make, AssumeRole (SigV4-signed with the source credentials)
 * and AssumeRoleWithWebIdentity (unsigned), over s3wire's transport, answers read with the hardened
 * StAX cursor. The endpoint is the configured override, else the regional {@code
 * sts.<region>.amazonaws.com}, else (no region) the global {@code sts.amazonaws.com}.
 */
public final class StsClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Set<String> SENSITIVE = Set.of("authorization", "x-amz-security-token");

  private final URI endpoint;
  private final String region;
  private final Clock clock;
  private final TransportConfig tls;

  /**
   * A client for the configured endpoint, else the one of {@code region} (the global one when {@code
   * null}), trusting servers as {@code tls} does (see {@link CredentialsHttp#with}).
   */
  public StsClient(Optional<URI> override, String region, Clock clock, TransportConfig tls) {
    this.region = region == null || region.isBlank() ? "us-east-1" : region;
    this.endpoint = override.orElseGet(() -> URI.create(region == null || region.isBlank()
        ? "https://sts.amazonaws.com" : "https://sts." + region + ".amazonaws.com"));
    this.clock = clock;
    this.tls = tls;
  }

  /** Where calls go. */
  public URI endpoint() {
    return endpoint;
  }

  /** AssumeRole, signed with {@code source}. */
  public ProvidedCredentials assumeRole(Credentials source, String roleArn, String sessionName, String externalId,
      String durationSeconds, String origin) {
    Map<String, String> form = base("AssumeRole", roleArn, sessionName);
    if (externalId != null) {
      form.put("ExternalId", externalId);
    }
    if (durationSeconds != null) {
      form.put("DurationSeconds", durationSeconds);
    }
    HttpRequest unsigned = post(form);
    HttpRequest signed = SigV4Signer.generic(false).sign(unsigned, source, region, "sts", clock.instant(),
        PayloadHash.ofBytes(body(form)));
    return call(signed, "AssumeRole", "role " + roleArn + " assumed via STS " + endpoint + " (" + origin + ")");
  }

  /** AssumeRoleWithWebIdentity with the token read from a file. */
  public ProvidedCredentials assumeRoleWithWebIdentity(String token, String roleArn, String sessionName, String origin) {
    Map<String, String> form = base("AssumeRoleWithWebIdentity", roleArn, sessionName);
    form.put("WebIdentityToken", token);
    return call(post(form), "AssumeRoleWithWebIdentity",
        "web identity role " + roleArn + " via STS " + endpoint + " (" + origin + ")");
  }

  private static Map<String, String> base(String action, String roleArn, String sessionName) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("Action", action);
    form.put("Version", "2011-06-15");
    form.put("RoleArn", roleArn);
    form.put("RoleSessionName", sessionName);
    return form;
  }

  private HttpRequest post(Map<String, String> form) {
    byte[] body = body(form);
    HttpHeaders h = HttpHeaders.of("content-type", "application/x-www-form-urlencoded; charset=utf-8",
        "accept", "application/xml");
    return new HttpRequest("POST", endpoint.resolve(endpoint.getPath().isEmpty() ? "/" : endpoint.getPath()), h,
        RequestBody.ofBytes(body), SENSITIVE);
  }

  private static byte[] body(Map<String, String> form) {
    StringBuilder b = new StringBuilder();
    form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private ProvidedCredentials call(HttpRequest request, String action, String source) {
    String what = "STS " + action + " at " + endpoint;
    CredentialsHttp.Reply reply = CredentialsHttp.with(endpoint, TIMEOUT, tls, http -> http.send(request, what));
    try {
      if (!reply.ok()) {
        throw new ClientException("credentials", what + " failed: HTTP " + reply.status() + error(reply.body()));
      }
      return credentials(reply.body().getBytes(StandardCharsets.UTF_8), source, what);
    } catch (S3XmlException e) {
      throw new ClientException("credentials", what + " answered XML that cannot be read: " + e.getMessage());
    }
  }

  private static String error(String body) {
    if (body.isBlank()) {
      return "";
    }
    try (XmlCursor x = XmlCursor.open(body.getBytes(StandardCharsets.UTF_8))) {
      String code = null;
      String message = null;
      while (x.nextChild()) {
        if (!x.name().equals("Error")) {
          x.skip();
          continue;
        }
        while (x.nextChild()) {
          switch (x.name()) {
            case "Code" -> code = x.text();
            case "Message" -> message = x.text();
            default -> x.skip();
          }
        }
      }
      return code == null ? "" : " " + code + (message == null || message.isBlank() ? "" : ": " + message);
    } catch (S3XmlException e) {
      return "";
    }
  }

  private static ProvidedCredentials credentials(byte[] xml, String source, String what) {
    String id = null;
    String secret = null;
    String token = null;
    String expiration = null;
    try (XmlCursor x = XmlCursor.open(xml)) {
      while (x.nextChild()) { // <AssumeRoleResult>, <ResponseMetadata>
        if (!x.name().endsWith("Result")) {
          x.skip();
          continue;
        }
        while (x.nextChild()) {
          if (!x.name().equals("Credentials")) {
            x.skip();
            continue;
          }
          while (x.nextChild()) {
            switch (x.name()) {
              case "AccessKeyId" -> id = x.text();
              case "SecretAccessKey" -> secret = x.text();
              case "SessionToken" -> token = x.text();
              case "Expiration" -> expiration = x.text();
              default -> x.skip();
            }
          }
        }
      }
    }
    if (id == null || secret == null || id.isBlank() || secret.isEmpty()) {
      throw new ClientException("credentials", what + " answered without Credentials/AccessKeyId and SecretAccessKey");
    }
    return new ProvidedCredentials(Credentials.of(id.strip(), secret.strip(), token == null ? null : token.strip()),
        source, expiration == null ? null : JsonCredentials.instant(expiration, what));
  }
}
