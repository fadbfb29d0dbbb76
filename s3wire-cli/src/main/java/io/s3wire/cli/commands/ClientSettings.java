package io.s3wire.cli.commands;

import io.s3wire.cli.SharedOptionValues;
import java.nio.file.Path;
import java.util.List;

/**
 * How a command reaches the service, decided from the global options and the addresses before any
 * network use. {@code null} components were not given (the AWS configuration or the provider
 * profile decides).
 *
 * @param retries retries after a failed attempt, or {@code null} for the client's default
 * @param unsignedPayload whether request bodies go unsigned over plain HTTP too ({@code --unsigned-payload})
 */
public record ClientSettings(
    String endpoint,
    String provider,
    Path providerFile,
    String region,
    String profile,
    Integer retries,
    boolean unsignedPayload,
    SharedOptionValues.Transport transport,
    SharedOptionValues.Trace trace,
    boolean quiet,
    boolean verbose) {

  /** Google Cloud Storage's XML API, which {@code gs://} addresses mean unless --endpoint says otherwise. */
  public static final String GCS_ENDPOINT = "https://storage.googleapis.com";

  /**
   * These settings for the given addresses: a {@code gs://} address selects the gcs provider at
   * {@link #GCS_ENDPOINT} unless --provider, --provider-file or --endpoint say otherwise.
   *
   * @throws IllegalArgumentException when {@code s3://} and {@code gs://} addresses are mixed
   */
  public ClientSettings forAddresses(List<Location> locations) {
    boolean gs = false;
    boolean s3 = false;
    for (Location l : locations) {
      if (l instanceof Location.Remote r) {
        gs |= r.gcs();
        s3 |= !r.gcs();
      }
    }
    if (gs && s3) {
      throw new IllegalArgumentException("s3:// and gs:// addresses in one command: one client talks to one service");
    }
    if (!gs) {
      return this;
    }
    String p = provider == null && providerFile == null ? "gcs" : provider;
    String e = endpoint == null ? GCS_ENDPOINT : endpoint;
    return new ClientSettings(e, p, providerFile, region, profile, retries, unsignedPayload, transport, trace, quiet,
        verbose);
  }

  /** Whether output is JSON Lines. */
  public boolean json() {
    return trace.json();
  }
}
