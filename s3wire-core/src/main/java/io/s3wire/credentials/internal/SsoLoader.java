package io.s3wire.credentials.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.config.AwsProfile;
import io.s3wire.config.Resolved;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IAM Identity Center (SSO): reads the access token {@code aws sso login} cached in {@code
 * ~/.aws/sso/cache/<sha1>.json} (keyed by the {@code sso_session} name, or by {@code sso_start_url}
 * for legacy profiles) and exchanges it at the portal's GetRoleCredentials. s3wire never logs in; an
 * expired or missing token says to run {@code aws sso login}.
 */
final class SsoLoader {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String TOKEN_HEADER = "x-amz-sso_bearer_token";

  private SsoLoader() {}

  /**
   * Exchanges the cached token for role credentials.
   *
   * @param session the {@code [sso-session]} section's keys, or empty for a legacy profile
   * @param tls the client's transport settings, whose trust the portal call uses
   */
  static ProvidedCredentials load(AwsProfile profile, Optional<Map<String, Resolved<String>>> session, Path home,
      Optional<URI> override, Clock clock, TransportConfig tls) {
    String origin = profile.property("sso_account_id").or(() -> profile.property("sso_role_name"))
        .map(Resolved::source).orElse("profile " + profile.name());
    String account = require(profile, "sso_account_id", origin);
    String role = require(profile, "sso_role_name", origin);
    String cacheKey;
    String region;
    if (profile.property("sso_session").isPresent()) {
      String name = profile.property("sso_session").get().value();
      Map<String, Resolved<String>> s = session.orElseThrow(() -> new ClientException("credentials",
          origin + " names sso_session " + name + ", which has no [sso-session " + name + "] section"));
      cacheKey = name;
      region = Optional.ofNullable(s.get("sso_region")).map(Resolved::value).orElseThrow(() ->
          new ClientException("credentials", "[sso-session " + name + "] has no sso_region"));
    } else {
      cacheKey = require(profile, "sso_start_url", origin);
      region = require(profile, "sso_region", origin);
    }
    Path cache = home.resolve(".aws").resolve("sso").resolve("cache").resolve(sha1Hex(cacheKey) + ".json");
    Map<String, Object> doc;
    try {
      doc = Json.object(Files.readString(cache), "the SSO token cache " + cache);
    } catch (IOException e) {
      throw new ClientException("credentials", "no SSO token cached at " + cache + " (for " + origin
          + "); run aws sso login");
    }
    String accessToken = Json.string(doc, "accessToken");
    String expiresAt = Json.string(doc, "expiresAt");
    if (accessToken == null || expiresAt == null) {
      throw new ClientException("credentials", "the SSO token cache " + cache + " lacks accessToken or expiresAt");
    }
    Instant tokenExpiry = JsonCredentials.instant(expiresAt, "the SSO token cache " + cache);
    if (!clock.instant().isBefore(tokenExpiry)) {
      throw new ClientException("credentials", "the SSO token cached at " + cache + " expired at " + tokenExpiry
          + "; run aws sso login");
    }
    URI base = override.orElseGet(() -> URI.create("https://portal.sso." + region + ".amazonaws.com"));
    String path = (base.getPath() == null ? "" : base.getPath().replaceAll("/$", "")) + "/federation/credentials";
    URI uri = base.resolve(path + "?role_name=" + enc(role) + "&account_id=" + enc(account));
    String what = "SSO GetRoleCredentials at " + base;
    HttpRequest request = new HttpRequest("GET", uri, HttpHeaders.of(TOKEN_HEADER, accessToken, "accept",
        "application/json"), RequestBody.empty(), Set.of(TOKEN_HEADER));
    CredentialsHttp.Reply reply = CredentialsHttp.with(base, TIMEOUT, tls, http -> http.send(request, what));
    if (!reply.ok()) {
      throw new ClientException("credentials", what + " failed: HTTP " + reply.status() + error(reply.body())
          + (reply.status() == 401 || reply.status() == 403 ? "; the SSO session may have ended: run aws sso login" : ""));
    }
    Object rc = Json.object(reply.body(), what + "'s answer").get("roleCredentials");
    if (!(rc instanceof Map<?, ?> m)) {
      throw new ClientException("credentials", what + " answered without roleCredentials");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) m;
    String id = Json.string(c, "accessKeyId");
    String secret = Json.string(c, "secretAccessKey");
    if (id == null || secret == null) {
      throw new ClientException("credentials", what + " answered without accessKeyId or secretAccessKey");
    }
    Object exp = c.get("expiration");
    Instant expiration = exp == null ? null : Instant.ofEpochMilli(Long.parseLong(exp.toString()));
    return new ProvidedCredentials(Credentials.of(id, secret, Json.string(c, "sessionToken")),
        "SSO role " + role + " in account " + account + " (" + origin + ")", expiration);
  }

  // The portal's error JSON ({"message": ..., "__type": "...#UnauthorizedException"}) in words; it
  // holds no token. Anything else is left out rather than echoed.
  private static String error(String body) {
    Map<String, Object> doc;
    try {
      doc = Json.object(body, "the SSO portal's error");
    } catch (ClientException e) {
      return "";
    }
    String type = Json.string(doc, "__type");
    String message = Optional.ofNullable(Json.string(doc, "message")).orElse(Json.string(doc, "Message"));
    String code = type == null ? null : type.substring(type.indexOf('#') + 1);
    String words = message == null ? null : message.strip().replaceAll("\\s+", " ");
    if (code == null && words == null) {
      return "";
    }
    return " " + (code == null ? words : words == null || words.isEmpty() ? code : code + ": " + words);
  }

  private static String require(AwsProfile p, String key, String origin) {
    return p.property(key).map(Resolved::value).filter(v -> !v.isBlank()).orElseThrow(() ->
        new ClientException("credentials", origin + " configures SSO but has no " + key));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String sha1Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
  }
}
