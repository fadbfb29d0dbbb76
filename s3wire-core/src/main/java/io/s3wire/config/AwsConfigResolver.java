package io.s3wire.config;

import io.s3wire.auth.CredentialsProvider;
import io.s3wire.credentials.AwsCredentialsProviders;
import io.s3wire.error.ClientException;
import io.s3wire.http.TransportConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves AWS settings the way the AWS CLI documents them: explicit values, then environment
 * variables, then the profile in the shared files.
 *
 * <table>
 *   <caption>Precedence, first match wins</caption>
 *   <tr><th>setting</th><th>order</th></tr>
 *   <tr><td>profile</td><td>explicit, {@code AWS_PROFILE}, {@code AWS_DEFAULT_PROFILE}, {@code default}</td></tr>
 *   <tr><td>region</td><td>explicit, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, profile {@code region}</td></tr>
 *   <tr><td>endpoint</td><td>explicit, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}, the
 *       profile's {@code services} section {@code s3 = endpoint_url}, profile {@code endpoint_url};
 *       all but explicit are ignored when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} or the profile's
 *       {@code ignore_configured_endpoint_urls} is {@code true}</td></tr>
 *   <tr><td>addressing style</td><td>explicit, profile {@code s3 = addressing_style}, {@code auto}</td></tr>
 *   <tr><td>credentials</td><td>explicit, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}
 *       (+{@code AWS_SESSION_TOKEN}), web identity, the profile (role, SSO, {@code credential_process},
 *       static keys), container, EC2 instance metadata: see {@link AwsCredentialsProviders#defaultChain}</td></tr>
 *   <tr><td>CA bundle</td><td>{@code AWS_CA_BUNDLE}, profile {@code ca_bundle}</td></tr>
 * </table>
 *
 * <p>Profile keys: the config file's {@code [profile name]} merged with the credentials file's
 * {@code [name]}, the credentials file winning. The environment and home directory are given, never
 * read from the process by this class except through {@link #system()}, so tests control them.
 */
public final class AwsConfigResolver {
  private final Map<String, String> env;
  private final Path home;

  /**
   * @param env the environment variables to use
   * @param home the home directory in which {@code .aws/} is looked up
   */
  public AwsConfigResolver(Map<String, String> env, Path home) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.home = Objects.requireNonNull(home, "home");
  }

  /**
   * A resolver over the process's environment and {@code user.home}.
   *
   * @return a resolver that reads the real configuration on each {@link #resolve} call
   */
  public static AwsConfigResolver system() {
    return new AwsConfigResolver(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Resolves every setting; the credential calls (STS, SSO, container, instance metadata) trust
   * the configured CA bundle, else the system's store.
   *
   * @throws ClientException when a named profile does not exist, a file cannot be parsed, or a
   *     value is invalid (an endpoint that is not an http(s) URL, an unknown addressing style),
   *     naming the value's source
   * @param explicit what the user set directly; it wins over the environment and the files
   * @return every setting with the source it came from; the files are read anew on each call
   */
  public AwsSettings resolve(ExplicitSettings explicit) {
    return resolve(explicit, TransportConfig.defaults());
  }

  /**
   * Resolves every setting, for a client with the given transport settings: the credential calls
   * (STS, SSO, container, instance metadata) use its TLS provider, minimum version and trust; when
   * it names no trust of its own, the configured CA bundle ({@code AWS_CA_BUNDLE}, the profile's
   * {@code ca_bundle}) is trusted, else the system's store.
   *
   * @throws ClientException as {@link #resolve(ExplicitSettings)}
   * @param explicit what the user set directly; it wins over the environment and the files
   * @param transport the client's transport settings; nothing but their TLS settings is used
   * @return every setting with the source it came from; the files are read anew on each call
   */
  public AwsSettings resolve(ExplicitSettings explicit, TransportConfig transport) {
    Objects.requireNonNull(transport, "transport");
    AwsProfileFiles files = AwsProfileFiles.load(env, home);
    Resolved<String> profileName = first(explicit.profile(), fromEnv("AWS_PROFILE"), fromEnv("AWS_DEFAULT_PROFILE"))
        .orElse(Resolved.of("default", "default"));
    if (!profileName.source().equals("default") && !files.hasProfile(profileName.value())) {
      throw new ClientException("profile", "profile '" + profileName.value() + "' (from " + profileName.source()
          + ") is not defined in " + files.configFile() + " or " + files.credentialsFile());
    }
    Optional<AwsProfile> profile = files.profile(profileName.value());

    Optional<Resolved<String>> region = first(explicit.region(), fromEnv("AWS_REGION"), fromEnv("AWS_DEFAULT_REGION"),
        profile.flatMap(p -> p.property("region")));

    Optional<Resolved<URI>> endpoint = Optional.ofNullable(explicit.endpoint());
    if (endpoint.isEmpty() && !ignoreConfiguredEndpoints(profile)) {
      Optional<Resolved<String>> servicesEndpoint = profile.flatMap(p -> p.property("services"))
          .flatMap(s -> files.services(s.value()))
          .flatMap(m -> Optional.ofNullable(m.get("s3")))
          .flatMap(s3 -> Optional.ofNullable(s3.get("endpoint_url")));
      endpoint = first(null, fromEnv("AWS_ENDPOINT_URL_S3"), fromEnv("AWS_ENDPOINT_URL"), servicesEndpoint,
          profile.flatMap(p -> p.property("endpoint_url")))
          .map(AwsConfigResolver::endpointUri);
    }

    Resolved<AddressingStyle> style = Optional.ofNullable(explicit.addressingStyle())
        .or(() -> profile.flatMap(p -> p.nestedProperty("s3", "addressing_style")).map(AwsConfigResolver::style))
        .orElse(Resolved.of(AddressingStyle.AUTO, "default"));

    Optional<Resolved<Path>> caBundle = first(null, fromEnv("AWS_CA_BUNDLE"), profile.flatMap(p -> p.property("ca_bundle")))
        .filter(v -> !v.value().isBlank())
        .map(v -> Resolved.of(Path.of(v.value().strip()), v.source()));
    List<CredentialsProvider> chain = new ArrayList<>();
    if (explicit.credentials() != null) {
      chain.add(CredentialsProvider.of(explicit.credentials().value(), explicit.credentials().source()));
    }
    chain.add(AwsCredentialsProviders.defaultChain(env, home, files, profileName.value(),
        region.map(Resolved::value).orElse(null), java.time.Clock.systemUTC(), withCaBundle(transport, caBundle)));
    CredentialsProvider credentials = chain.size() == 1 ? chain.get(0) : CredentialsProvider.chain(chain);
    return new AwsSettings(profileName, region, endpoint, style, credentials, caBundle);
  }

  // The client's own trust wins; without one, the AWS CA bundle, as the AWS SDKs apply it to every call.
  private static TransportConfig withCaBundle(TransportConfig transport, Optional<Resolved<Path>> caBundle) {
    boolean ownTrust = transport.trustedCertificates() != null || !transport.trustedCertificateList().isEmpty()
        || transport.trustStore() != null;
    if (ownTrust || caBundle.isEmpty()) {
      return transport;
    }
    return transport.toBuilder().insecure(false).trustedCertificates(caBundle.get().value()).build();
  }

  private boolean ignoreConfiguredEndpoints(Optional<AwsProfile> profile) {
    Optional<Resolved<String>> flag = first(null, fromEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
        profile.flatMap(p -> p.property("ignore_configured_endpoint_urls")));
    return flag.map(f -> f.value().strip().toLowerCase(Locale.ROOT).equals("true")).orElse(false);
  }

  /**
   * Parses an endpoint URL.
   *
   * @param text the URL as configured, with where it was configured
   * @return the URL, with the same source
   * @throws ClientException when it is not an absolute http or https URL with a host
   */
  public static Resolved<URI> endpointUri(Resolved<String> text) {
    String v = text.value().strip();
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Resolved.of(uri, text.source());
      }
    } catch (URISyntaxException e) {
      // Reported below with the source, which the URI message lacks.
    }
    throw new ClientException("endpoint", "'" + v + "' (from " + text.source()
        + ") is not an http:// or https:// URL with a host");
  }

  private static Resolved<AddressingStyle> style(Resolved<String> text) {
    try {
      return text.map(AddressingStyle::parse);
    } catch (IllegalArgumentException e) {
      throw new ClientException("addressing style", e.getMessage() + " (from " + text.source() + ")");
    }
  }

  private Optional<Resolved<String>> fromEnv(String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Resolved.of(v.strip(), "environment variable " + name));
  }

  @SafeVarargs
  private static <T> Optional<Resolved<T>> first(Resolved<T> explicit, Optional<Resolved<T>>... candidates) {
    if (explicit != null) {
      return Optional.of(explicit);
    }
    for (Optional<Resolved<T>> c : candidates) {
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }
}
