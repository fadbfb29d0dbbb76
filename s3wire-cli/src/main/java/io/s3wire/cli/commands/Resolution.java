package io.s3wire.cli.commands;

import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.AwsSettings;
import io.s3wire.config.ExplicitSettings;
import io.s3wire.config.Resolved;
import io.s3wire.http.TransportConfig;
import io.s3wire.internal.Capabilities;
import io.s3wire.internal.Endpoint;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.provider.ProviderProfiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * The effective configuration of {@link ClientSettings} with each value's source, resolved the way
 * {@code S3Client.builder()} resolves it (flags, then the AWS environment variables and files, then
 * the provider profile's defaults): what {@code config show} prints and {@code presign} signs with.
 */
record Resolution(AwsSettings aws, Resolved<String> provider, ProviderProfile profile, Resolved<String> region,
    Resolved<URI> endpoint, AddressingStyle addressing) {

  static Resolution of(ClientSettings s, Map<String, String> env) {
    ExplicitSettings explicit = ExplicitSettings.none();
    if (s.endpoint() != null) {
      explicit = explicit.withEndpoint(Endpoint.parse(s.endpoint()), source(s, "--endpoint"));
    }
    if (s.region() != null) {
      explicit = explicit.withRegion(s.region(), "--region");
    }
    if (s.profile() != null) {
      explicit = explicit.withProfile(s.profile(), "--profile");
    }
    // --ca is trusted by the credential calls (STS, SSO, ...) too, as by the S3 calls.
    TransportConfig trust = s.transport().ca() == null ? TransportConfig.defaults()
        : TransportConfig.builder().trustedCertificates(s.transport().ca()).build();
    AwsSettings aws = new AwsConfigResolver(env, Session.home(env)).resolve(explicit, trust);
    ProviderProfile profile;
    Resolved<String> providerSource;
    if (s.provider() != null) {
      profile = ProviderProfiles.named(s.provider());
      providerSource = Resolved.of(profile.name(), source(s, "--provider"));
    } else if (s.providerFile() != null) {
      try {
        profile = ProviderProfileFile.read(s.providerFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read provider file " + s.providerFile() + ": " + e.getMessage(), e);
      }
      providerSource = Resolved.of(profile.name(), "--provider-file " + s.providerFile());
    } else if (aws.endpoint().isPresent()) {
      profile = ProviderProfiles.generic();
      providerSource = Resolved.of(profile.name(), "default for a configured endpoint");
    } else {
      profile = ProviderProfiles.aws();
      providerSource = Resolved.of(profile.name(), "default");
    }
    Resolved<String> region = aws.region().orElse(profile.defaultRegion() == null ? null
        : Resolved.of(profile.defaultRegion(), "provider profile " + profile.name()));
    if (region == null) {
      throw new IllegalArgumentException("no region configured, and provider profile " + profile.name()
          + " has none: give --region");
    }
    Resolved<URI> endpoint = aws.endpoint().orElse(
        Resolved.of(URI.create("https://s3." + region.value() + ".amazonaws.com"), "default for the region"));
    AddressingStyle style = Capabilities.resolve(aws.addressingStyle().value(), profile);
    return new Resolution(aws, providerSource, profile, region, endpoint, style);
  }

  /** A gs:// address fills in provider and endpoint; say so instead of naming a flag the user did not give. */
  private static String source(ClientSettings s, String flag) {
    return flag.equals("--endpoint") && ClientSettings.GCS_ENDPOINT.equals(s.endpoint())
        || flag.equals("--provider") && "gcs".equals(s.provider()) ? flag + " (or a gs:// address)" : flag;
  }

  Endpoint endpointForRequests() {
    return new Endpoint(endpoint.value(), addressing);
  }
}
