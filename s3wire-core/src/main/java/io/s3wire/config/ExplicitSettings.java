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

  /**
   * Nothing explicit: everything from the environment and files.
   *
   * @return the settings with every value {@code null}
   */
  public static ExplicitSettings none() {
    return NONE;
  }

  /**
   * These settings with the profile to read.
   *
   * @param value the profile's name
   * @param source who set it, e.g. {@code "--profile"}
   * @return a copy; this one is unchanged
   */
  public ExplicitSettings withProfile(String value, String source) {
    return new ExplicitSettings(Resolved.of(value, source), region, endpoint, addressingStyle, credentials);
  }

  /**
   * These settings with the region to sign for.
   *
   * @param value e.g. {@code eu-west-1}
   * @param source who set it, e.g. {@code "--region"}
   * @return a copy; this one is unchanged
   */
  public ExplicitSettings withRegion(String value, String source) {
    return new ExplicitSettings(profile, Resolved.of(value, source), endpoint, addressingStyle, credentials);
  }

  /**
   * These settings with the endpoint to send requests to.
   *
   * @param value an absolute http or https URL
   * @param source who set it, e.g. {@code "--endpoint-url"}
   * @return a copy; this one is unchanged
   */
  public ExplicitSettings withEndpoint(URI value, String source) {
    return new ExplicitSettings(profile, region, Resolved.of(value, source), addressingStyle, credentials);
  }

  /**
   * These settings with how buckets go into URLs.
   *
   * @param value the style
   * @param source who set it, e.g. {@code "--path-style"}
   * @return a copy; this one is unchanged
   */
  public ExplicitSettings withAddressingStyle(AddressingStyle value, String source) {
    return new ExplicitSettings(profile, region, endpoint, Resolved.of(value, source), credentials);
  }

  /**
   * These settings with credentials that win over every other source.
   *
   * @param value the credentials
   * @param source who set them, e.g. {@code "S3ClientBuilder.credentials"}; never the secret itself
   * @return a copy; this one is unchanged
   */
  public ExplicitSettings withCredentials(Credentials value, String source) {
    return new ExplicitSettings(profile, region, endpoint, addressingStyle, Resolved.of(value, source));
  }
}
