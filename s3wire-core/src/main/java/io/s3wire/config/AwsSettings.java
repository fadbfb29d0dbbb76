package io.s3wire.config;

import io.s3wire.auth.Credentials;
import io.s3wire.auth.CredentialsProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resolved AWS settings, each with where it came from. Credentials are looked up when asked
 * for (so {@code config show} works without them); a missing region or endpoint is empty and the
 * provider profile chooses.
 *
 * @param profile the profile name in use
 * @param region the region, when configured
 * @param endpoint the S3 endpoint, when configured
 * @param addressingStyle the addressing style ({@code AUTO} from "default" when not configured)
 * @param credentialsProvider where credentials come from, in precedence order
 * @param caBundle a PEM bundle of CA certificates to trust instead of the system's
 *     ({@code AWS_CA_BUNDLE}, else the profile's {@code ca_bundle}), when configured
 */
public record AwsSettings(
    Resolved<String> profile,
    Optional<Resolved<String>> region,
    Optional<Resolved<URI>> endpoint,
    Resolved<AddressingStyle> addressingStyle,
    CredentialsProvider credentialsProvider,
    Optional<Resolved<Path>> caBundle) {

  /**
   * The credentials and their source, or empty.
   *
   * @return the first complete credentials in the resolution order, with where they came from
   * @throws io.s3wire.error.ClientException when a source holds partial credentials
   */
  public Optional<Resolved<Credentials>> credentials() {
    return credentialsProvider.find();
  }

  /**
   * The credentials.
   *
   * @return the first complete credentials in the resolution order
   * @throws io.s3wire.error.ClientException naming where it looked when there are none
   */
  public Credentials requireCredentials() {
    return credentialsProvider.resolve();
  }

  /**
   * One line per setting, {@code name = value (source)}, secrets masked: what {@code s3wire config
   * show} prints.
   *
   * @return the lines, in a fixed order; no secret appears in them
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("profile = " + profile);
    lines.add("region = " + region.map(Resolved::toString).orElse("<not set>"));
    lines.add("endpoint_url = " + endpoint.map(Resolved::toString).orElse("<not set>"));
    lines.add("s3.addressing_style = " + addressingStyle.value().configName() + " (" + addressingStyle.source() + ")");
    lines.add("credentials = " + CredentialsSummary.describe(credentialsProvider));
    lines.add("ca_bundle = " + caBundle.map(Resolved::toString).orElse("<not set>"));
    return lines;
  }
}
