package io.s3wire.server;

import io.s3wire.http.TlsProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code s3wire serve} asks for, as one value the CLI fills from its flags; {@link #run} starts
 * the server, prints how to reach it and blocks until the JVM shuts down (Ctrl-C).
 *
 * @param dir a FileStore directory, or {@code null} for a memory store
 * @param host the address to bind
 * @param port the port, 0 for any
 * @param tls serve TLS (self-signed certificate unless {@code certFile} and {@code keyFile} are given)
 * @param tlsProvider JDK or OPENSSL
 * @param alpn ALPN protocols offered on TLS; {@code [h2]} for HTTP/2 only, empty for no ALPN
 * @param profile {@code s3} or {@code gcs}
 * @param faultsFile a JSON fault-rules file, or {@code null}
 * @param accessKey access key, or {@code null} to generate one (unless anonymous)
 * @param secretKey secret key, with {@code accessKey}
 * @param anonymous accept unsigned requests
 * @param caFile where to write the certificate as PEM for clients' {@code --ca}, or {@code null}
 * @param users further users after the first ({@code accessKey}'s), each {@code ACCESS_KEY} (secret
 *     generated, then printed once) or {@code ACCESS_KEY:SECRET_KEY}
 * @param http3 serve HTTP/3 over QUIC on UDP at the TLS port's number too, advertised with Alt-Svc
 *     (needs {@code tls})
 */
public record ServeOptions(
    Path dir,
    String host,
    int port,
    boolean tls,
    TlsProvider tlsProvider,
    List<String> alpn,
    String profile,
    Path faultsFile,
    String accessKey,
    String secretKey,
    boolean anonymous,
    Path certFile,
    Path keyFile,
    Path caFile,
    List<String> users,
    boolean http3) {

  /**
   * Copies the lists, so the options are immutable.
   *
   * @param dir a FileStore directory, or {@code null} for a memory store
   * @param host the address to bind
   * @param port the port, 0 for any
   * @param tls serve TLS
   * @param tlsProvider JDK or OPENSSL
   * @param alpn ALPN protocols offered on TLS; copied
   * @param profile {@code s3} or {@code gcs}
   * @param faultsFile a JSON fault-rules file, or {@code null}
   * @param accessKey access key, or {@code null} to generate one (unless anonymous)
   * @param secretKey secret key, with {@code accessKey}
   * @param anonymous accept unsigned requests
   * @param certFile a PEM certificate chain to serve, or {@code null} for a self-signed one
   * @param keyFile the PEM key of {@code certFile}, or {@code null}
   * @param caFile where to write the certificate as PEM, or {@code null}
   * @param users further users after the first, each {@code ACCESS_KEY} or {@code ACCESS_KEY:SECRET_KEY}; copied
   * @param http3 serve HTTP/3 too (needs {@code tls})
   */
  public ServeOptions {
    alpn = List.copyOf(alpn);
    users = List.copyOf(users);
  }

  /**
   * Options without HTTP/3.
   *
   * @param dir a FileStore directory, or {@code null} for a memory store
   * @param host the address to bind
   * @param port the port, 0 for any
   * @param tls serve TLS
   * @param tlsProvider JDK or OPENSSL
   * @param alpn ALPN protocols offered on TLS; copied
   * @param profile {@code s3} or {@code gcs}
   * @param faultsFile a JSON fault-rules file, or {@code null}
   * @param accessKey access key, or {@code null} to generate one (unless anonymous)
   * @param secretKey secret key, with {@code accessKey}
   * @param anonymous accept unsigned requests
   * @param certFile a PEM certificate chain to serve, or {@code null} for a self-signed one
   * @param keyFile the PEM key of {@code certFile}, or {@code null}
   * @param caFile where to write the certificate as PEM, or {@code null}
   * @param users further users after the first, each {@code ACCESS_KEY} or {@code ACCESS_KEY:SECRET_KEY}; copied
   */
  public ServeOptions(Path dir, String host, int port, boolean tls, TlsProvider tlsProvider, List<String> alpn,
      String profile, Path faultsFile, String accessKey, String secretKey, boolean anonymous, Path certFile,
      Path keyFile, Path caFile, List<String> users) {
    this(dir, host, port, tls, tlsProvider, alpn, profile, faultsFile, accessKey, secretKey, anonymous, certFile,
        keyFile, caFile, users, false);
  }

  /**
   * Options with one user (or none, when anonymous).
   *
   * @param dir a FileStore directory, or {@code null} for a memory store
   * @param host the address to bind
   * @param port the port, 0 for any
   * @param tls serve TLS
   * @param tlsProvider JDK or OPENSSL
   * @param alpn ALPN protocols offered on TLS; copied
   * @param profile {@code s3} or {@code gcs}
   * @param faultsFile a JSON fault-rules file, or {@code null}
   * @param accessKey access key, or {@code null} to generate one (unless anonymous)
   * @param secretKey secret key, with {@code accessKey}
   * @param anonymous accept unsigned requests
   * @param certFile a PEM certificate chain to serve, or {@code null} for a self-signed one
   * @param keyFile the PEM key of {@code certFile}, or {@code null}
   * @param caFile where to write the certificate as PEM, or {@code null}
   */
  public ServeOptions(Path dir, String host, int port, boolean tls, TlsProvider tlsProvider, List<String> alpn,
      String profile, Path faultsFile, String accessKey, String secretKey, boolean anonymous, Path certFile,
      Path keyFile, Path caFile) {
    this(dir, host, port, tls, tlsProvider, alpn, profile, faultsFile, accessKey, secretKey, anonymous, certFile,
        keyFile, caFile, List.of());
  }

  /** {@return the defaults of {@code s3wire serve}}: memory store, 127.0.0.1:9000, plain HTTP, generated credentials. */
  public static ServeOptions defaults() {
    return new ServeOptions(null, "127.0.0.1", 9000, false, TlsProvider.JDK, List.of("h2", "http/1.1"), "s3", null,
        null, null, false, null, null, null);
  }

  /**
   * Builds and starts the server these options describe and prints its banner to {@code out}.
   *
   * @param out where the banner goes: endpoint, store, TLS fingerprint, access key, and secrets the
   *     server generated (shown only this once)
   * @return the started server, which the caller closes
   * @throws IOException when the store directory or faults file cannot be read, or the CA file
   *     cannot be written (a certificate that cannot be read, or a port that cannot be bound, is an
   *     {@link java.io.UncheckedIOException})
   * @throws IllegalArgumentException when a user spec is malformed or options clash
   */
  public S3Server start(PrintStream out) throws IOException {
    if (http3 && !tls) {
      throw new IllegalArgumentException("HTTP/3 needs TLS: QUIC always runs over TLS 1.3");
    }
    S3Server.Builder b = S3Server.builder().host(host).port(port).profile(ServerProfile.named(profile));
    if (dir != null) {
      b.store(ObjectStore.file(dir));
    }
    if (tls) {
      b.tls(true).tlsProvider(tlsProvider).alpn(alpn).http3(http3);
      if (certFile != null) {
        b.certificate(certFile, keyFile);
      }
    }
    if (anonymous) {
      b.anonymous(true);
    } else if (accessKey != null) {
      b.credentials(accessKey, secretKey);
    }
    if (faultsFile != null) {
      b.faultRules(FaultRules.load(faultsFile));
    }
    java.util.Set<String> generated = new java.util.HashSet<>();
    for (String spec : users) {
      int colon = spec.indexOf(':');
      if (colon == 0 || colon == spec.length() - 1) {
        throw new IllegalArgumentException("a user is ACCESS_KEY or ACCESS_KEY:SECRET_KEY, not '"
            + (colon == 0 ? ":..." : spec) + "'");
      }
      String key = colon < 0 ? spec : spec.substring(0, colon);
      if (colon < 0) {
        generated.add(key);
      }
      b.user(key, colon < 0 ? Secrets.secretKey() : spec.substring(colon + 1));
    }
    S3Server server = b.start();
    if (caFile != null && server.isTls()) {
      server.writeCertificatePem(caFile);
    }
    banner(server, out, generated);
    return server;
  }

  void banner(S3Server server, PrintStream out) {
    banner(server, out, java.util.Set.of());
  }

  /** Prints where the server is and how to sign requests; the secret only when the server generated it. */
  private void banner(S3Server server, PrintStream out, java.util.Set<String> generatedUsers) {
    out.println("s3wire server listening on " + server.endpoint());
    out.println("  store:       " + (dir == null ? "memory" : dir.toAbsolutePath()));
    out.println("  profile:     " + server.profile().name());
    if (server.isTls()) {
      out.println("  tls:         " + tlsProvider + ", alpn " + (alpn.isEmpty() ? "none" : String.join(",", alpn)));
      out.println("  certificate: sha256 " + server.certificateSha256());
      if (http3) {
        out.println("  http3:       udp " + server.port() + ", advertised as alt-svc h3=\":" + server.port() + "\"");
      }
      if (caFile != null) {
        out.println("  ca file:     " + caFile.toAbsolutePath());
      }
    }
    if (server.accessKey() == null) {
      out.println("  auth:        anonymous");
    } else {
      out.println("  access key:  " + server.accessKey());
      out.println("  secret key:  " + (server.secretGenerated() ? server.secretKey() : "(as given)"));
      for (ServerUser u : server.users().subList(1, server.users().size())) {
        out.println("  user:        " + u.accessKey() + " secret "
            + (generatedUsers.contains(u.accessKey()) ? u.secretKey() : "(as given)"));
      }
    }
    out.flush();
  }

  /**
   * Starts, prints the banner and blocks until the JVM shuts down; then stops the server cleanly.
   *
   * @param out where the banner goes, as in {@link #start}
   * @throws IOException as {@link #start} throws
   * @throws InterruptedException when the waiting thread is interrupted (the server keeps running
   *     until the JVM's shutdown hook closes it)
   */
  public void run(PrintStream out) throws IOException, InterruptedException {
    S3Server server = start(out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "s3wire-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
