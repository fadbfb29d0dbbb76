package io.s3wire.cli.commands;

import io.s3wire.PayloadSigning;
import io.s3wire.S3Client;
import io.s3wire.S3ClientBuilder;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.config.ExplicitSettings;
import io.s3wire.config.Resolved;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfileFile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.wire.JsonTrace;
import io.s3wire.wire.TextTrace;
import io.s3wire.wire.WireListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * One command's connection to the service: the client built from {@link ClientSettings}, the trace
 * sink, and the command's output. Closing it closes the client and the trace file.
 */
final class Session implements AutoCloseable {
  final ClientSettings settings;
  final S3Client client;
  final PrintWriter out;
  final PrintWriter err;
  private final PrintWriter traceFile;
  private final UploadNotes notes;

  private Session(ClientSettings settings, S3Client client, PrintWriter out, PrintWriter err, PrintWriter traceFile,
      UploadNotes notes) {
    this.settings = settings;
    this.client = client;
    this.out = out;
    this.err = err;
    this.traceFile = traceFile;
    this.notes = notes;
  }

  /** The home directory the AWS files are read from: {@code HOME} in {@code env}, else {@code user.home}. */
  static Path home(Map<String, String> env) {
    String h = env.get("HOME");
    return Path.of(h != null && !h.isBlank() ? h : System.getProperty("user.home"));
  }

  /**
   * The CA bundle to trust: {@code --ca}, else {@code AWS_CA_BUNDLE} or the profile's {@code ca_bundle}
   * as the AWS CLI reads them, else none (the system's trust store; also with {@code --insecure}).
   */
  static Path trustedCertificates(ClientSettings s, Map<String, String> env) {
    if (s.transport().ca() != null || s.transport().insecure()) {
      return s.transport().ca();
    }
    ExplicitSettings explicit = s.profile() == null ? ExplicitSettings.none()
        : ExplicitSettings.none().withProfile(s.profile(), "--profile");
    return new AwsConfigResolver(env, home(env)).resolve(explicit).caBundle().map(Resolved::value).orElse(null);
  }

  /** The client builder these settings describe (no connection is made until a call). */
  static S3ClientBuilder builder(ClientSettings s, Map<String, String> env, WireListener listener) {
    S3ClientBuilder b = S3Client.builder().awsConfig(new AwsConfigResolver(env, home(env)));
    if (s.endpoint() != null) {
      b.endpoint(s.endpoint());
    }
    if (s.region() != null) {
      b.region(s.region());
    }
    if (s.profile() != null) {
      b.profile(s.profile());
    }
    if (s.provider() != null) {
      b.provider(ProviderProfiles.named(s.provider()));
    } else if (s.providerFile() != null) {
      try {
        b.provider(ProviderProfileFile.read(s.providerFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read provider file " + s.providerFile() + ": " + e.getMessage(), e);
      }
    }
    if (s.retries() != null) {
      b.retryPolicy(RetryPolicy.defaults().withMaxAttempts(s.retries() + 1));
    }
    if (s.unsignedPayload()) {
      b.payloadSigning(PayloadSigning.UNSIGNED);
    }
    TransportConfig.Builder t = TransportConfig.builder()
        .versionPolicy(s.transport().policy())
        .tlsProvider(s.transport().tlsProvider())
        .alpnOffer(s.transport().alpnOffer())
        .insecure(s.transport().insecure())
        .trustedCertificates(trustedCertificates(s, env))
        .listener(listener)
        .pcapFile(s.transport().pcap())
        // One command is one short-lived process: two event loops carry many parallel transfers,
        // and starting more only slows the start.
        .ioThreads(2);
    // The JDK provider's key log comes from the agent the launcher attaches; BoringSSL's from here.
    if (s.transport().keyLog() != null && s.transport().tlsProvider() == TlsProvider.OPENSSL) {
      t.keyLogFile(s.transport().keyLog());
    }
    // The transport's listener sees every event, the client's calls included: giving the client
    // the same listener as well would print each call's events twice.
    return b.transportConfig(t.build());
  }

  static Session open(ClientSettings s, Map<String, String> env, PrintWriter out, PrintWriter err) {
    if (s.transport().insecure()) {
      err.println("s3wire: WARNING: --insecure: the server's certificate is NOT verified; anyone on the path can read and change this traffic");
    }
    PrintWriter file = null;
    PrintWriter sink = null;
    if (s.trace().traceFile() != null) {
      try {
        file = new PrintWriter(Files.newBufferedWriter(s.trace().traceFile(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write trace file " + s.trace().traceFile() + ": " + e.getMessage(), e);
      }
      sink = file;
    } else if (s.trace().trace()) {
      sink = err;
    }
    WireListener listener = sink == null ? WireListener.NONE : traceListener(sink, s.json());
    try {
      // The client's own listener: it hears the client's reports (upload step-downs, unconfirmed
      // checksums) besides each call's events, which the trace listener above already prints.
      UploadNotes notes = new UploadNotes();
      return new Session(s, builder(s, env, listener).listener(notes).build(), out, err, file, notes);
    } catch (RuntimeException e) {
      if (file != null) {
        file.close();
      }
      throw e;
    }
  }

  private static WireListener traceListener(PrintWriter sink, boolean json) {
    long base = System.nanoTime();
    TextTrace text = TextTrace.standard();
    JsonTrace jsonTrace = JsonTrace.standard();
    return event -> {
      synchronized (sink) {
        if (json) {
          sink.println(jsonTrace.line(event, base));
        } else {
          for (String line : text.lines(event, base)) {
            sink.println(line);
          }
        }
        sink.flush();
      }
    };
  }

  /** Whether progress may be drawn: a terminal, and neither --quiet nor --json. */
  boolean progress() {
    return StdStreams.terminal() && !settings.quiet() && !settings.json();
  }

  @Override
  public void close() {
    try {
      notes.print(err);
      client.close();
    } finally {
      if (traceFile != null) {
        traceFile.close();
      }
    }
  }
}
