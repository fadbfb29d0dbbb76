package io.s3wire.cli.commands;

import io.s3wire.server.FaultRules;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3Server;
import io.s3wire.server.ServerProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/** {@code s3wire serve}: the embedded S3-compatible server, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the embedded S3-compatible server (HTTP/1.1 and h2c on a plain port; TLS with ALPN h2,http/1.1 with --tls)",
        "until Ctrl-C. It prints its endpoint and the flags a client needs."},
    footerHeading = "%nExamples:%n",
    footer = {"  s3wire serve --memory --port 9000 --access-key dev --secret-key devsecret",
        "  s3wire serve --dir ./data --tls --profile gcs", "  s3wire serve --memory --anonymous --faults faults.json"})
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

  @ArgGroup(exclusive = true)
  AlpnChoice alpnChoice;

  static final class AlpnChoice {
    @Option(names = "--http2-only", description = "With --tls: select only h2 in ALPN.") boolean http2Only;

    @Option(names = "--no-alpn", description = "With --tls: no ALPN (clients speak HTTP/1.1).") boolean noAlpn;
  }

  @Option(names = "--profile", paramLabel = "s3|gcs", description = "Behave like this provider's front end (default: ${DEFAULT-VALUE}).")
  String profile = "s3";

  @Option(names = "--faults", paramLabel = "FILE", description = "Fault rules (JSON) to apply.")
  Path faults;

  @Option(names = "--access-key", paramLabel = "KEY", description = "Access key clients sign with (default: generated).")
  String accessKey;

  @Option(names = "--secret-key", paramLabel = "SECRET", description = "Secret key (with --access-key).")
  String secretKey;

  @Option(names = "--anonymous", description = "Accept unsigned requests.")
  boolean anonymous;

  /** What {@code serve} was asked. {@code dir} is {@code null} for a memory store; {@code alpn} empty for none. */
  public record Request(Path dir, String host, int port, boolean tls, List<String> alpn, ServerProfile profile,
      Path faults, String accessKey, String secretKey, boolean anonymous) {}

  Request toRequest() {
    if ((accessKey == null) != (secretKey == null)) {
      throw usage("--access-key and --secret-key go together");
    }
    if (anonymous && accessKey != null) {
      throw usage("--anonymous and --access-key clash: choose one");
    }
    if (!tls && alpnChoice != null) {
      throw usage((alpnChoice.http2Only ? "--http2-only" : "--no-alpn") + " needs --tls");
    }
    if (port < 0 || port > 65535) {
      throw usage("--port must be 0 to 65535, not " + port);
    }
    ServerProfile p;
    try {
      p = ServerProfile.named(profile);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<String> alpn = alpnChoice == null ? List.of("h2", "http/1.1")
        : alpnChoice.http2Only ? List.of("h2") : List.of();
    return new Request(store == null ? null : store.dir, host, port, tls, alpn, p, faults, accessKey, secretKey, anonymous);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Builds and starts the server a request describes; the caller closes it. */
  static S3Server start(Request r) throws IOException {
    S3Server.Builder b = S3Server.builder().host(r.host()).port(r.port()).profile(r.profile()).tls(r.tls()).anonymous(r.anonymous());
    if (r.tls()) {
      b.alpn(r.alpn());
    }
    if (r.dir() != null) {
      b.store(ObjectStore.file(r.dir()));
    }
    if (r.accessKey() != null) {
      b.credentials(r.accessKey(), r.secretKey());
    }
    if (r.faults() != null) {
      b.faultRules(FaultRules.load(r.faults()));
    }
    return b.start();
  }

  /** The lines that tell a user how to reach the server. A secret appears only when the server generated it. */
  static void describe(S3Server server, Path caFile, PrintWriter out) {
    out.println("s3wire serve: listening on " + server.endpoint() + " (" + server.profile().name() + " profile)");
    if (server.accessKey() != null) {
      out.println("  export AWS_ACCESS_KEY_ID=" + server.accessKey());
      if (server.secretGenerated()) {
        out.println("  export AWS_SECRET_ACCESS_KEY=" + server.secretKey() + "   # generated; shown once");
      }
    } else {
      out.println("  anonymous: requests are not signed-checked");
    }
    out.println("  s3wire ls --endpoint " + server.endpoint() + (caFile != null ? " --ca " + caFile : ""));
    if (server.isTls()) {
      out.println("  certificate SHA-256 " + server.certificateSha256());
    }
    out.println("Ctrl-C stops the server.");
    out.flush();
  }

  @Override
  public Integer call() throws IOException {
    Request r = toRequest();
    S3Server server = start(r);
    Path ca = null;
    if (server.isTls()) {
      ca = Files.createTempFile("s3wire-serve-", ".pem");
      server.writeCertificatePem(ca);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Path caFile = ca;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        if (caFile != null) {
          Files.deleteIfExists(caFile);
        }
      } catch (IOException ignored) {
        // A leftover public certificate harms nothing.
      }
      stopped.countDown();
    }, "s3wire-serve-stop"));
    describe(server, ca, spec.commandLine().getOut());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return ExitCodes.OK;
  }
}
