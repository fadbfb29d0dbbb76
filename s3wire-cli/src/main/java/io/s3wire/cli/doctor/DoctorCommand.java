package io.s3wire.cli.doctor;

import io.s3wire.cli.TsharkCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code s3wire doctor}: runs the protocol matrix against an endpoint and names the cause of what fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {
      "Run TLS provider x ALPN offer x request shape x operation against an endpoint, then name the cause",
      "of what fails, with the frames that show it and the fix. h3 rows (HTTP/3 over QUIC) join when a",
      "response advertises h3 in Alt-Svc, or with --http3. With no endpoint configured anywhere it starts",
      "the embedded S3 server over TLS (and HTTP/3) in the gcs profile and examines that."})
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--endpoint", paramLabel = "URL", description = "The service URL (default: AWS_ENDPOINT_URL, ~/.aws/config, else the embedded server).")
  String endpoint;

  @Option(names = "--bucket", paramLabel = "B", description = "A bucket for the object operations; test objects go under a unique prefix and are deleted.")
  String bucket;

  @Option(names = "--provider", paramLabel = "P", description = "Provider profile (aws, gcs, minio, r2, ceph, b2, generic): default region, and the base of --write-profile.")
  String provider;

  @Option(names = "--provider-file", paramLabel = "FILE", description = "Provider profile file (as --write-profile writes it) instead of --provider.")
  Path providerFile;

  @Option(names = "--ca", paramLabel = "FILE", description = "Trust the CA certificates in this PEM file (default: AWS_CA_BUNDLE, else the system's).")
  Path ca;

  @Option(names = "--json", description = "Print one JSON document (schema: docs/doctor-schema.json).")
  boolean json;

  @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report: the matrix and a sequence diagram per failing cell.")
  Path report;

  @Option(names = "--write-profile", paramLabel = "FILE", description = "Write the measured capabilities as a provider profile file (load it with --provider-file).")
  Path writeProfile;

  @Option(names = "--pcap", paramLabel = "FILE.pcap", description = "Capture the cleartext HTTP of every connection for"
      + " Wireshark/tshark, secrets masked: FILE.pcap for the setup and extra probes, FILE-ROUTE.pcap per matrix route;"
      + " the HTML report links each failing cell to its route's capture.")
  Path pcap;

  @Option(names = "--http3", description = "Add the h3 rows (HTTP/3 over QUIC) even when no response advertises h3 in"
      + " Alt-Svc; they go to the endpoint's own port then. Without it they run only when advertised.")
  boolean http3;

  private final Map<String, String> env;

  public DoctorCommand(Map<String, String> env) {
    this.env = env;
  }

  /** The arguments as a value; a {@link ParameterException} (exit 2) when they are wrong. */
  DoctorOptions toOptions() {
    URI uri = null;
    if (endpoint != null) {
      try {
        uri = new URI(endpoint);
      } catch (URISyntaxException e) {
        throw new ParameterException(spec.commandLine(), "--endpoint is not a URL: " + e.getMessage());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new ParameterException(spec.commandLine(), "--endpoint must be http:// or https:// with a host: " + endpoint);
      }
    }
    if (provider != null) {
      try {
        io.s3wire.provider.ProviderProfiles.named(provider);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (provider != null && providerFile != null) {
      throw new ParameterException(spec.commandLine(), "--provider and --provider-file clash: give one");
    }
    return new DoctorOptions(uri, bucket, provider, providerFile, ca, json, report, writeProfile, pcap, http3);
  }

  @Override
  public Integer call() throws IOException {
    DoctorOptions options = toOptions();
    PrintWriter out = spec.commandLine().getOut();
    DoctorReport r = new DoctorEngine(env, Clock.systemUTC()).run(options);
    if (options.json()) {
      out.println(JsonRenderer.render(r));
    } else {
      for (String line : TextRenderer.render(r)) {
        out.println(line);
      }
    }
    if (options.report() != null) {
      Files.writeString(options.report(), HtmlRenderer.render(r, options.report(), options.pcap()), StandardCharsets.UTF_8);
      if (!options.json()) {
        out.println("report: " + options.report());
      }
    }
    if (options.pcap() != null && !options.json()) {
      boolean h3 = r.measurements().cells().stream().anyMatch(c -> c.route().http3() && c.ran());
      out.println("captures: " + options.pcap() + " (setup and probes) and " + DoctorCaptures.routePattern(options.pcap())
          + " per route" + (h3 ? " (" + DoctorCaptures.NO_H3 + ")" : "") + "; read one with: " + TsharkCommand.reading(options.pcap()));
    }
    if (options.writeProfile() != null) {
      ProfileWriter.write(r, options.writeProfile());
      if (!options.json()) {
        out.println("profile: " + options.writeProfile() + " (load it with --provider-file)");
      }
    }
    out.flush();
    return 0;
  }
}
