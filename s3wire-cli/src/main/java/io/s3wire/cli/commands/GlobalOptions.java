package io.s3wire.cli.commands;

import io.s3wire.cli.SharedOptionValues;
import io.s3wire.cli.TraceOptions;
import io.s3wire.cli.TransportOptions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every storage command takes (a picocli mixin): where the service is, which provider
 * profile and AWS profile apply, and how HTTP, TLS, tracing and output behave. HTTP/TLS and trace
 * options come from the shared {@link TransportOptions} and {@link TraceOptions} mixins.
 */
public final class GlobalOptions {
  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Service URL, e.g. http://127.0.0.1:9000 (default: AWS config, else AWS S3 for the region).")
  String endpoint;

  @Option(names = "--provider", paramLabel = "NAME",
      description = "Provider profile: aws, gcs, minio, r2, ceph, b2 or generic (default: generic with --endpoint, else aws).")
  String provider;

  @Option(names = "--provider-file", paramLabel = "FILE", description = "A provider profile file (as written by doctor).")
  Path providerFile;

  @Option(names = "--region", paramLabel = "REGION", description = "Signing region (default: AWS config, else the provider's).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile in ~/.aws/config and ~/.aws/credentials.")
  String profile;

  @Option(names = "--retries", paramLabel = "N", description = "Retries after a failed attempt (default: 2).")
  Integer retries;

  @Option(names = "--unsigned-payload",
      description = "Sign no request body over plain HTTP either (UNSIGNED-PAYLOAD, as over TLS): bodies are not"
          + " read a second time to hash them; the transfer's checksums still check every byte.")
  boolean unsignedPayload;

  @Option(names = {"-q", "--quiet"}, description = "No progress and no per-object lines; errors only.")
  boolean quiet;

  @Option(names = "-v", description = "Verbose: failures show every attempt and the tail of the wire trace.")
  boolean verbose;

  @Mixin TransportOptions transport = new TransportOptions();

  @Mixin TraceOptions trace = new TraceOptions();

  /** The settings these options give, before any address is known. */
  ClientSettings settings(Map<String, String> env) {
    if (retries != null && retries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more, not " + retries);
    }
    SharedOptionValues.Transport t = SharedOptionValues.of(transport, env, endpoint);
    if (t.insecure() && t.ca() != null) {
      throw new IllegalArgumentException("--insecure and --ca clash: --insecure trusts every certificate");
    }
    if (provider != null && providerFile != null) {
      throw new IllegalArgumentException("--provider and --provider-file clash: choose one");
    }
    return new ClientSettings(endpoint, provider, providerFile, region, profile, retries, unsignedPayload, t,
        SharedOptionValues.of(trace), quiet, verbose);
  }
}
