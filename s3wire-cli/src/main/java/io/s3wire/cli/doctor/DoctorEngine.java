package io.s3wire.cli.doctor;

import io.s3wire.auth.Credentials;
import io.s3wire.config.AddressingStyle;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.AwsSettings;
import io.s3wire.config.ExplicitSettings;
import io.s3wire.config.Resolved;
import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the doctor: resolves what to examine (or starts the embedded server in the gcs profile when no
 * endpoint is configured anywhere), measures, diagnoses. Blocking; one run per instance.
 */
public final class DoctorEngine {
  /** The bucket the doctor creates in its embedded server. */
  public static final String EMBEDDED_BUCKET = "s3wire-doctor";

  private final Map<String, String> env;
  private final Clock clock;
  /** {@code --pcap} of the run under way, or {@code null}. */
  private java.nio.file.Path pcap;

  public DoctorEngine(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  public DoctorReport run(DoctorOptions options) throws IOException {
    pcap = options.pcap();
    long start = System.nanoTime();
    ProviderProfile provider = options.providerFile() != null ? io.s3wire.provider.ProviderProfileFile.read(options.providerFile())
        : options.provider() == null ? null : ProviderProfiles.named(options.provider());
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    ExplicitSettings explicit = ExplicitSettings.none();
    if (options.endpoint() != null) {
      explicit = explicit.withEndpoint(options.endpoint(), "--endpoint");
    }
    AwsSettings aws = new AwsConfigResolver(env, home).resolve(explicit);
    List<String> headline = new ArrayList<>();
    if (aws.endpoint().isEmpty()) {
      return embedded(options, provider, headline, start);
    }
    URI endpoint = aws.endpoint().get().value();
    ProviderProfile profile = provider != null ? provider : ProviderProfiles.generic();
    String region = aws.region().map(Resolved::value).orElse(profile.defaultRegion() == null ? "us-east-1" : profile.defaultRegion());
    Credentials credentials = aws.requireCredentials();
    Path ca = options.ca() != null ? options.ca() : aws.caBundle().map(Resolved::value).orElse(null);
    boolean virtual = aws.addressingStyle().value() == AddressingStyle.VIRTUAL;
    Target target = new Target(endpoint, options.bucket(), region, credentials, virtual, ca, provider, null);
    headline.add("s3wire doctor: examining " + endpoint + " (from " + aws.endpoint().get().source() + "), region " + region
        + ", access key " + credentials.accessKeyId() + (options.bucket() == null ? ", no bucket (give --bucket for object operations)"
        : ", bucket " + options.bucket()));
    if (!endpoint.getScheme().equalsIgnoreCase("https")) {
      headline.add("s3wire doctor: " + Route.PLAIN_NOTE);
    }
    return diagnose(target, headline, start, options.http3());
  }

  /** The embedded server serves HTTP/3 too where QUIC runs here, so the default run shows the h3 rows. */
  private DoctorReport embedded(DoctorOptions options, ProviderProfile provider, List<String> headline, long start)
      throws IOException {
    // The embedded server logs the abuse it sees (the doctor's malformed shapes are exactly that) as
    // warnings; the doctor reports those facts itself, so its own server stays quiet meanwhile.
    java.util.logging.Logger serverLog = java.util.logging.Logger.getLogger("io.s3wire.server");
    java.util.logging.Logger h2Log = java.util.logging.Logger.getLogger("io.netty.handler.codec.http2");
    java.util.logging.Level level = serverLog.getLevel();
    java.util.logging.Level h2Level = h2Log.getLevel();
    serverLog.setLevel(java.util.logging.Level.SEVERE);
    h2Log.setLevel(java.util.logging.Level.WARNING);
    List<String> noH3 = new ArrayList<>();
    try (S3Server server = startEmbedded(noH3)) {
      Path dir = Files.createTempDirectory("s3wire-doctor");
      Path ca = dir.resolve("embedded-ca.pem");
      try {
        server.writeCertificatePem(ca);
        headline.add("s3wire doctor: no endpoint configured (--endpoint, AWS_ENDPOINT_URL, endpoint_url in ~/.aws/config),"
            + " so it started the embedded S3 server over TLS in the gcs profile at " + server.endpoint()
            + " (it behaves like Google Cloud Storage's front end)" + (noH3.isEmpty() ? ", with HTTP/3 on UDP port "
            + server.endpoint().getPort() : ""));
        noH3.forEach(why -> headline.add("s3wire doctor: the embedded server serves no HTTP/3: " + why));
        String bucket = options.bucket() != null ? options.bucket() : EMBEDDED_BUCKET;
        Target target = new Target(server.endpoint(), bucket, "auto", Credentials.of(server.accessKey(), server.secretKey()),
            false, ca, provider != null ? provider : ProviderProfiles.gcs(), "embedded S3 server, gcs profile");
        createBucket(target);
        return diagnose(target, headline, start, options.http3());
      } finally {
        Files.deleteIfExists(ca);
        Files.deleteIfExists(dir);
      }
    } finally {
      serverLog.setLevel(level);
      h2Log.setLevel(h2Level);
    }
  }

  /**
   * The embedded server with HTTP/3 where QUIC runs here. The server itself passes over OS-chosen ports
   * whose UDP twin another program holds; should it still find none, the doctor runs without HTTP/3
   * rather than not at all, and {@code noH3} gets why.
   */
  private static S3Server startEmbedded(List<String> noH3) {
    String quic = io.s3wire.cli.Http3Support.unavailabilityCause();
    if (quic != null) {
      noH3.add(quic);
    } else {
      try {
        return S3Server.builder().tls(true).http3(true).profile(ServerProfile.GCS).build().start();
      } catch (java.io.UncheckedIOException e) {
        noH3.add(e.getMessage());
      }
    }
    return S3Server.builder().tls(true).profile(ServerProfile.GCS).build().start();
  }

  private void createBucket(Target target) {
    MatrixRunner runner = new MatrixRunner(target, clock, pcap);
    Prober prober = new Prober(target, clock);
    try (HttpTransport h1 = HttpTransport.create(runner.config(TlsProvider.JDK, HttpVersionPolicy.HTTP_1_1, AlpnOffer.of("http/1.1")))) {
      Outcome o = prober.send(h1, prober.signed("PUT", target.uri(target.bucket(), null, null), HttpHeaders.empty(), null));
      if (!o.passed()) {
        throw new IllegalStateException("the embedded server did not create bucket " + target.bucket() + ": " + o.describe());
      }
    }
  }

  private DoctorReport diagnose(Target target, List<String> headline, long start, boolean http3) {
    if (target.endpoint().getScheme().equalsIgnoreCase("https")) {
      for (TlsProvider p : TlsProvider.values()) {
        if (p.unavailabilityCause() != null) {
          headline.add("s3wire doctor: the " + p.name().toLowerCase(java.util.Locale.ROOT) + " rows are unavailable: "
              + p.unavailabilityCause());
        }
      }
    }
    MatrixRunner runner = new MatrixRunner(target, clock, pcap, http3);
    Measurements m = runner.run();
    headline.add("s3wire doctor: " + runner.http3().line());
    List<Finding> findings = Diagnosis.diagnose(m);
    long ms = (System.nanoTime() - start) / 1_000_000;
    return new DoctorReport(List.copyOf(headline), m, findings, ms);
  }
}
