package io.s3wire.credentials.internal;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import io.s3wire.config.AwsProfile;
import io.s3wire.config.AwsProfileFiles;
import io.s3wire.config.Resolved;
import io.s3wire.credentials.CredentialsLoader;
import io.s3wire.credentials.ProvidedCredentials;
import io.s3wire.error.ClientException;
import io.s3wire.http.TransportConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A profile's credentials, first of: {@code role_arn} with {@code web_identity_token_file}; {@code
 * role_arn} with {@code source_profile} (followed, cycles refused) or {@code credential_source}
 * ({@code Environment}, {@code Ec2InstanceMetadata}, {@code EcsContainer}), assumed through STS;
 * SSO ({@code sso_session} or legacy {@code sso_start_url}); {@code credential_process}; static
 * keys. STS and the SSO portal honour the profile's endpoint overrides.
 */
public final class ProfileLoader implements CredentialsLoader {
  private final AwsProfileFiles files;
  private final String name;
  private final Map<String, String> env;
  private final Path home;
  private final String region;
  private final Clock clock;
  private final TransportConfig tls;

  /**
   * A loader for profile {@code name}; {@code region} (may be {@code null}) applies when the profile
   * sets none; STS, SSO, container and instance-metadata calls trust servers as {@code tls} does.
   */
  public ProfileLoader(AwsProfileFiles files, String name, Map<String, String> env, Path home, String region,
      Clock clock, TransportConfig tls) {
    this.files = files;
    this.name = name;
    this.env = Map.copyOf(env);
    this.home = home;
    this.region = region;
    this.clock = clock;
    this.tls = tls;
  }

  @Override
  public Optional<ProvidedCredentials> load() {
    return resolve(name, new LinkedHashSet<>());
  }

  private Optional<ProvidedCredentials> resolve(String profileName, Set<String> visited) {
    Optional<AwsProfile> found = files.profile(profileName);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AwsProfile p = found.get();
    visited.add(profileName);
    ServiceEndpoints endpoints = new ServiceEndpoints(env, files, found);
    String stsRegion = p.property("region").map(Resolved::value).orElse(region);
    Optional<Resolved<String>> roleArn = p.property("role_arn");
    if (roleArn.isPresent()) {
      String origin = roleArn.get().source();
      StsClient sts = new StsClient(endpoints.configured("STS", "sts"), stsRegion, clock, tls);
      String session = value(p, "role_session_name");
      if (p.property("web_identity_token_file").isPresent()) {
        return new WebIdentityLoader(value(p, "web_identity_token_file"), roleArn.get().value(), session, origin,
            () -> sts).load();
      }
      Credentials source = sourceCredentials(p, origin, visited);
      return Optional.of(sts.assumeRole(source, roleArn.get().value(),
          session != null ? session : "s3wire-" + clock.millis(), value(p, "external_id"),
          value(p, "duration_seconds"), origin));
    }
    if (p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent()
        || p.property("sso_account_id").isPresent()) {
      Optional<Map<String, Resolved<String>>> session = p.property("sso_session")
          .flatMap(s -> files.ssoSession(s.value()));
      return Optional.of(SsoLoader.load(p, session, home, endpoints.configured("SSO", "sso"), clock, tls));
    }
    Optional<Resolved<String>> process = p.property("credential_process");
    if (process.isPresent()) {
      return new ProcessLoader(process.get().value(), process.get().source()).load();
    }
    return staticKeys(profileName);
  }

  private Credentials sourceCredentials(AwsProfile p, String origin, Set<String> visited) {
    Optional<Resolved<String>> sourceProfile = p.property("source_profile");
    Optional<Resolved<String>> credentialSource = p.property("credential_source");
    if (sourceProfile.isPresent() == credentialSource.isPresent()) {
      throw new ClientException("credentials", origin + " has role_arn and needs exactly one of source_profile and "
          + "credential_source, " + (sourceProfile.isPresent() ? "has both" : "has neither"));
    }
    if (credentialSource.isPresent()) {
      String cs = credentialSource.get().value().strip();
      Optional<ProvidedCredentials> c = switch (cs) {
        case "Environment" -> CredentialsProvider.environment(env).find()
            .map(r -> new ProvidedCredentials(r.value(), r.source(), null));
        case "Ec2InstanceMetadata" -> new InstanceMetadataLoader(env, files.profile(name), tls).load();
        case "EcsContainer" -> new ContainerLoader(env, tls).load();
        default -> throw new ClientException("credentials", credentialSource.get().source() + ": credential_source "
            + cs + " is not one of Environment, Ec2InstanceMetadata, EcsContainer");
      };
      return c.orElseThrow(() -> new ClientException("credentials", "credential_source " + cs + " (from "
          + credentialSource.get().source() + ") has no credentials")).credentials();
    }
    String src = sourceProfile.get().value().strip();
    if (src.equals(p.name())) {
      // A profile may name itself to use its own static keys as the source.
      return staticKeys(src).orElseThrow(() -> new ClientException("credentials", origin
          + " names itself as source_profile but has no static keys")).credentials();
    }
    if (visited.contains(src)) {
      throw new ClientException("credentials", "source_profile cycle: " + String.join(" -> ", visited) + " -> " + src);
    }
    if (!files.hasProfile(src)) {
      throw new ClientException("credentials", origin + " names source_profile " + src + ", which is not defined");
    }
    return resolve(src, visited).orElseThrow(() -> new ClientException("credentials", "source_profile " + src
        + " (from " + origin + ") has no credentials")).credentials();
  }

  private Optional<ProvidedCredentials> staticKeys(String profileName) {
    return CredentialsProvider.profile(files, profileName).find()
        .map(r -> new ProvidedCredentials(r.value(), r.source(), null));
  }

  private static String value(AwsProfile p, String key) {
    return p.property(key).map(Resolved::value).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
  }
}
