package io.s3wire.credentials.internal;

import io.s3wire.config.AwsProfile;
import io.s3wire.config.Resolved;
import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 instance metadata with IMDSv2: PUT a session token (6 h TTL), list the instance role, GET its
 * credentials. The endpoint is, first found: {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, the profile's
 * {@code ec2_metadata_service_endpoint}, else the default of the endpoint mode ({@code
 * AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE}, else the profile's {@code ec2_metadata_service_endpoint_mode};
 * {@code IPv4} → {@code http://169.254.169.254}, {@code IPv6} → {@code http://[fd00:ec2::254]}). {@code
 * AWS_EC2_METADATA_DISABLED=true} turns the loader off. Timeouts are short (1 s per call) because
 * off EC2 the endpoint does not exist and this is the last source in the chain.
 */
public final class InstanceMetadataLoader implements CredentialsLoader {
  private static final String IPV4_ENDPOINT = "http://169.254.169.254";
  private static final String IPV6_ENDPOINT = "http://[fd00:ec2::254]";
  private static final String TOKEN_HEADER = "x-aws-ec2-metadata-token";
  private static final String ROLES_PATH = "/latest/meta-data/iam/security-credentials/";
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final Map<String, String> env;
  private final Optional<AwsProfile> profile;
  private final TransportConfig tls;

  /**
   * A loader reading its settings from {@code env}, then from {@code profile}; an https endpoint
   * override is trusted as {@code tls} trusts.
   */
  public InstanceMetadataLoader(Map<String, String> env, Optional<AwsProfile> profile, TransportConfig tls) {
    this.env = Map.copyOf(env);
    this.profile = profile;
    this.tls = tls;
  }

  /** Where this loader looks, for the chain's message. */
  public static String description() {
    return "EC2 instance metadata (IMDSv2)";
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    String disabled = env.get("AWS_EC2_METADATA_DISABLED");
    if (disabled != null && disabled.strip().toLowerCase(Locale.ROOT).equals("true")) {
      return Optional.empty();
    }
    String base = endpoint(env, profile);
    return Optional.of(CredentialsHttp.with(URI.create(base), TIMEOUT, tls, http -> fetch(http, base)));
  }

  private ProvidedCredentials fetch(CredentialsHttp http, String base) {
    String what = "instance metadata at " + base;
    CredentialsHttp.Reply token = http.send(new HttpRequest("PUT", URI.create(base + "/latest/api/token"),
        HttpHeaders.of("x-aws-ec2-metadata-token-ttl-seconds", "21600"), RequestBody.empty(), Set.of()), what);
    if (!token.ok()) {
      throw new ClientException("credentials", what + " refused an IMDSv2 token: HTTP " + token.status());
    }
    HttpHeaders auth = HttpHeaders.of(TOKEN_HEADER, token.body().strip());
    Set<String> sensitive = Set.of(TOKEN_HEADER);
    CredentialsHttp.Reply roles = http.send(new HttpRequest("GET", URI.create(base + ROLES_PATH), auth,
        RequestBody.empty(), sensitive), what);
    if (roles.status() == 404) {
      throw new ClientException("credentials", what + ": the instance has no IAM role attached");
    }
    if (!roles.ok()) {
      throw new ClientException("credentials", what + " answered HTTP " + roles.status() + " to the role listing");
    }
    String role = roles.body().strip().lines().findFirst().orElse("").strip();
    if (role.isEmpty()) {
      throw new ClientException("credentials", what + ": the instance has no IAM role attached");
    }
    String source = "instance metadata role " + role + " at " + base;
    CredentialsHttp.Reply creds = http.send(new HttpRequest("GET", URI.create(base + ROLES_PATH + role), auth,
        RequestBody.empty(), sensitive), what);
    if (!creds.ok()) {
      throw new ClientException("credentials", source + " answered HTTP " + creds.status());
    }
    Map<String, Object> doc = Json.object(creds.body(), source + "'s answer");
    String code = Json.string(doc, "Code");
    if (code != null && !code.equals("Success")) {
      throw new ClientException("credentials", source + " answered Code " + code);
    }
    return JsonCredentials.read(doc, JsonCredentials.METADATA, source);
  }

  /**
   * The metadata endpoint without a trailing slash (see the class comment for the order).
   *
   * @param env the environment variables
   * @param profile the profile in use, if it exists
   * @return the base URL, e.g. {@code http://169.254.169.254}
   * @throws ClientException when the endpoint mode is neither {@code IPv4} nor {@code IPv6}
   */
  public static String endpoint(Map<String, String> env, Optional<AwsProfile> profile) {
    String base = setting(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT", profile, "ec2_metadata_service_endpoint")
        .map(Resolved::value)
        .orElseGet(() -> defaultEndpoint(env, profile));
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String defaultEndpoint(Map<String, String> env, Optional<AwsProfile> profile) {
    Optional<Resolved<String>> mode =
        setting(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", profile, "ec2_metadata_service_endpoint_mode");
    if (mode.isEmpty()) {
      return IPV4_ENDPOINT;
    }
    return switch (mode.get().value().toLowerCase(Locale.ROOT)) {
      case "ipv4" -> IPV4_ENDPOINT;
      case "ipv6" -> IPV6_ENDPOINT;
      default -> throw new ClientException("credentials", "instance metadata endpoint mode from "
          + mode.get().source() + " must be IPv4 or IPv6, was " + mode.get().value());
    };
  }

  // The environment variable wins over the profile key; blank counts as unset.
  private static Optional<Resolved<String>> setting(Map<String, String> env, String variable,
      Optional<AwsProfile> profile, String key) {
    String e = ContainerLoader.blankToNull(env.get(variable));
    if (e != null) {
      return Optional.of(Resolved.of(e.strip(), "environment variable " + variable));
    }
    return profile.flatMap(p -> p.property(key))
        .filter(r -> !r.value().isBlank())
        .map(r -> Resolved.of(r.value().strip(), r.source()));
  }
}
