package io.s3wire.cli.commands;

import io.s3wire.http.TlsProvider;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServeOptions;
import io.s3wire.server.ServerProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code s3wire serve}: the embedded S3-compatible server ({@link ServeOptions}), until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the embedded S3-compatible server (HTTP/1.1 and h2c on a plain port; TLS with ALPN h2,http/1.1 with --tls)",
        "until Ctrl-C. It prints its endpoint, credentials (a generated secret once) and, with --tls, the CA file for --ca."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire serve --memory --port 9000 --access-key dev --secret-key devsecret",
        "  s3wire serve --dir ./data --tls --profile gcs", "  s3wire serve --memory --tls --http3 --port 8443", "  s3wire serve --memory --anonymous --faults faults.json"})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  StoreChoice store;

  static final class StoreChoice {
    @Option(names = "--dir", paramLabel = "DIR", description = "Keep objects in files under DIR (kept across restarts).") Path dir;

    @Option(names = "--memory", description = "Keep objects in memory (the default).") boolean memory;
  }

  @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 lets the OS choose).")
  int port = 9000;

  @Option(names = "--tls", description = "Serve TLS with a generated self-signed certificate.")
  boolean tls;

  @Option(names = "--http3", description = "With --tls: serve HTTP/3 over QUIC on UDP at the same port too, "
      + "advertised to TCP clients with Alt-Svc.")
  boolean http3;

  @ArgGroup(exclusive = true)
  AlpnChoice alpnChoice;

  static final class AlpnChoice {
    @Option(names = "--http2-only", description = "With --tls: select only h2 in ALPN.") boolean http2Only;

    @Option(names = "--no-alpn", description = "With --tls: no ALPN (clients speak HTTP/1.1).") boolean noAlpn;
  }

  @Option(names = "--profile", paramLabel = "s3|gcs|ceph", description = "Behave like this provider's front end (default: ${DEFAULT-VALUE}).")
  String profile = "s3";

  @Option(names = "--faults", paramLabel = "FILE", description = "Fault rules (JSON) to apply.")
  Path faults;

  @Option(names = "--access-key", paramLabel = "KEY", description = "Access key clients sign with (default: generated).")
  String accessKey;

  @Option(names = "--secret-key", paramLabel = "SECRET", description = "Secret key (with --access-key).")
  String secretKey;

  @Option(names = "--user", paramLabel = "KEY[:SECRET]", description = "A further user (repeatable), with its own "
      + "buckets; its secret is generated and printed unless given.")
  java.util.List<String> users = new java.util.ArrayList<>();

  @Option(names = "--anonymous", description = "Accept unsigned requests.")
  boolean anonymous;

  /** The server's own options value ({@link ServeOptions}) these arguments describe. */
  ServeOptions toRequest() {
    if ((accessKey == null) != (secretKey == null)) {
      throw usage("--access-key and --secret-key go together");
    }
    if (anonymous && accessKey != null) {
      throw usage("--anonymous and --access-key clash: choose one");
    }
    if (anonymous && !users.isEmpty()) {
      throw usage("--anonymous and --user clash: an anonymous server has no users");
    }
    for (String u : users) {
      if (u.startsWith(":") || u.endsWith(":") || u.isEmpty()) {
        throw usage("--user is KEY or KEY:SECRET, not '" + (u.startsWith(":") ? ":..." : u) + "'");
      }
    }
    if (!tls && alpnChoice != null) {
      throw usage((alpnChoice.http2Only ? "--http2-only" : "--no-alpn") + " needs --tls");
    }
    if (http3 && !tls) {
      throw usage("--http3 needs --tls: QUIC always runs over TLS 1.3");
    }
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0 to 65535, not " + port);
    }
    try {
      ServerProfile.named(profile);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<String> alpn = alpnChoice == null ? List.of("h2", "http/1.1")
        : alpnChoice.http2Only ? List.of("h2") : List.of();
    Path caFile = tls ? Path.of(System.getProperty("java.io.tmpdir"), "s3wire-serve-" + port + "-ca.pem") : null;
    return new ServeOptions(store == null ? null : store.dir, host, port, tls, TlsProvider.JDK, alpn,
        profile.toLowerCase(java.util.Locale.ROOT), faults, accessKey, secretKey, anonymous, null, null, caFile,
        users, http3);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Starts the server and writes its banner to {@code out}; the caller closes the server. */
  static S3Server start(ServeOptions options, PrintWriter out) throws IOException {
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    S3Server server = options.start(new PrintStream(banner, true, StandardCharsets.UTF_8));
    out.print(banner.toString(StandardCharsets.UTF_8));
    out.println("Ctrl-C stops the server.");
    out.flush();
    return server;
  }

  @Override
  public Integer call() throws IOException {
    ServeOptions options = toRequest();
    S3Server server = start(options, spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "s3wire-serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return ExitCodes.OK;
  }
}
