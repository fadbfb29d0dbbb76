package io.s3wire.credentials.internal;

import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECS/EKS container credentials: {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} (against
 * {@code 169.254.170.2}) or {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, with the authorization token
 * from {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} or {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.
 * A full URI must be HTTPS, or name a loopback address or the ECS/EKS link-local agent.
 */
public final class ContainerLoader implements CredentialsLoader {
  static final String ECS_HOST = "169.254.170.2";
  private static final Set<String> AGENT_HOSTS = Set.of(ECS_HOST, "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]");
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, String> env;
  private final TransportConfig tls;

  /** A loader reading its settings from {@code env}; an https full URI is trusted as {@code tls} trusts. */
  public ContainerLoader(Map<String, String> env, TransportConfig tls) {
    this.env = Map.copyOf(env);
    this.tls = tls;
  }

  /** Where this loader looks, for the chain's message. */
  public static String description() {
    return "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI)";
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    URI uri = endpoint();
    if (uri == null) {
      return Optional.empty();
    }
    HttpHeaders.Builder h = HttpHeaders.builder().add("accept", "application/json");
    String token = authorizationToken();
    if (token != null) {
      h.add("authorization", token);
    }
    String what = "container credentials endpoint " + uri;
    HttpRequest request = new HttpRequest("GET", uri, h.build(), RequestBody.empty(), Set.of("authorization"));
    CredentialsHttp.Reply reply = CredentialsHttp.with(uri, TIMEOUT, tls, http -> http.send(request, what));
    if (!reply.ok()) {
      throw new ClientException("credentials", what + " answered HTTP " + reply.status());
    }
    return Optional.of(JsonCredentials.read(Json.object(reply.body(), what + "'s answer"), JsonCredentials.METADATA,
        "container credentials " + uri));
  }

  private URI endpoint() {
    String relative = blankToNull(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
    if (relative != null) {
      return URI.create("http://" + ECS_HOST + (relative.startsWith("/") ? "" : "/") + relative);
    }
    String full = blankToNull(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
    if (full == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(full);
    } catch (IllegalArgumentException e) {
      throw new ClientException("credentials", "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URI: " + full);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new ClientException("credentials", "AWS_CONTAINER_CREDENTIALS_FULL_URI is not an http(s) URL with a host: " + full);
    }
    if (!scheme.equals("https") && !allowedPlainHost(uri.getHost())) {
      throw new ClientException("credentials", "AWS_CONTAINER_CREDENTIALS_FULL_URI " + full
          + " uses plain HTTP to a host that is neither loopback nor the ECS/EKS agent; use https");
    }
    return uri;
  }

  private static boolean allowedPlainHost(String host) {
    if (AGENT_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private String authorizationToken() {
    String file = blankToNull(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
    String token;
    if (file != null) {
      try {
        token = Files.readString(Path.of(file)).strip();
      } catch (IOException e) {
        throw new ClientException("credentials", "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + file
            + ": " + e.getClass().getSimpleName());
      }
    } else {
      token = blankToNull(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
    }
    if (token != null && (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0)) {
      throw new ClientException("credentials", "the container authorization token contains a line break");
    }
    return token;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
