package io.s3wire.credentials.internal;

import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.AwsProfile;
import io.s3wire.config.AwsProfileFiles;
import io.s3wire.config.Resolved;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint overrides for the services credentials come from (STS, the SSO portal), in the order AWS
 * documents: {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's {@code
 * services} section, the profile's {@code endpoint_url}; none when {@code
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} (or the profile's flag) is true.
 *
 * @param env the environment
 * @param files the shared config files
 * @param profile the profile in use, if it exists
 */
public record ServiceEndpoints(Map<String, String> env, AwsProfileFiles files, Optional<AwsProfile> profile) {
  /**
   * The configured endpoint for a service, if any.
   *
   * @param envSuffix e.g. {@code STS} for {@code AWS_ENDPOINT_URL_STS}
   * @param servicesKey e.g. {@code sts} in a {@code [services x]} section
   */
  public Optional<URI> configured(String envSuffix, String servicesKey) {
    if (flag(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
        || profile.flatMap(p -> p.property("ignore_configured_endpoint_urls")).map(r -> flag(r.value())).orElse(false)) {
      return Optional.empty();
    }
    Optional<Resolved<String>> v = fromEnv("AWS_ENDPOINT_URL_" + envSuffix)
        .or(() -> fromEnv("AWS_ENDPOINT_URL"))
        .or(() -> profile.flatMap(p -> p.property("services")).flatMap(s -> files.services(s.value()))
            .flatMap(m -> Optional.ofNullable(m.get(servicesKey)))
            .flatMap(m -> Optional.ofNullable(m.get("endpoint_url"))))
        .or(() -> profile.flatMap(p -> p.property("endpoint_url")));
    return v.map(r -> AwsConfigResolver.endpointUri(r).value());
  }

  private Optional<Resolved<String>> fromEnv(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(Resolved.of(v.strip(), "environment variable " + name));
  }

  private static boolean flag(String v) {
    return v != null && v.strip().toLowerCase(Locale.ROOT).equals("true");
  }
}
