package io.s3wire.config;

import io.s3wire.auth.Credentials;
import java.net.URI;

/**
 * Settings the user gave explicitly (command-line flags, builder calls): they win over the
 * environment and the profile files. Each is {@code null} when not given; each carries its own
 * source label ({@code "--region"}, {@code "S3Client.Builder.region"}) for {@code config show}.
 */
public record ExplicitSettings(
    Resolved<String> profile,
    Resolved<String> region,
    Resolved<URI> endpoint,
    Resolved<AddressingStyle> addressingStyle,
    Resolved<Credentials> credentials) {

  private static final ExplicitSettings NONE = new ExplicitSettings(null, null, null, null, null);

  /** Nothing explicit: everything from the environment and files. */
  public static ExplicitSettings none() {
    return NONE;
  }

  public ExplicitSettings withProfile(String value, String source) {
    return new ExplicitSettings(Resolved.of(value, source), region, endpoint, addressingStyle, credentials);
  }

  public ExplicitSettings withRegion(String value, String source) {
    return new ExplicitSettings(profile, Resolved.of(value, source), endpoint, addressingStyle, credentials);
  }

  public ExplicitSettings withEndpoint(URI value, String source) {
    return new ExplicitSettings(profile, region, Resolved.of(value, source), addressingStyle, credentials);
  }

  public ExplicitSettings withAddressingStyle(AddressingStyle value, String source) {
    return new ExplicitSettings(profile, region, endpoint, Resolved.of(value, source), credentials);
  }

  public ExplicitSettings withCredentials(Credentials value, String source) {
    return new ExplicitSettings(profile, region, endpoint, addressingStyle, Resolved.of(value, source));
  }
}
