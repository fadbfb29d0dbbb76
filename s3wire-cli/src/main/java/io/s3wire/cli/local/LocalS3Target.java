package io.s3wire.cli.local;

import io.s3wire.server.S3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code probe --local} probes: the embedded S3 server ({@link S3Server}) on 127.0.0.1, TLS with
 * a certificate generated at start, ALPN {@code h2} and {@code http/1.1}, anonymous access, so a GET
 * of {@code /} answers ListBuckets with 200. {@link #caFile()} holds its certificate for the probe
 * to trust. {@link #close()} stops the server and deletes the file.
 */
public final class LocalS3Target implements AutoCloseable {
  private final S3Server server;
  private final Path caFile;

  private LocalS3Target(S3Server server, Path caFile) {
    this.server = server;
    this.caFile = caFile;
  }

  /** Starts the server; blocks until it listens. */
  public static LocalS3Target start() {
    S3Server server = null;
    try {
      server = S3Server.builder().tls(true).alpn(List.of("h2", "http/1.1")).anonymous(true).ioThreads(1)
          .workerThreads(4).start();
      Path ca = Files.createTempFile("s3wire-probe-ca", ".pem");
      server.writeCertificatePem(ca);
      return new LocalS3Target(server, ca);
    } catch (IOException e) {
      if (server != null) {
        server.close();
      }
      throw new UncheckedIOException("cannot start the local S3 server: " + e.getMessage(), e);
    }
  }

  /** {@code https://127.0.0.1:PORT/}. */
  public URI uri() {
    return URI.create(server.endpoint() + "/");
  }

  /** The server's certificate as a PEM file: the CA bundle to trust. */
  public Path caFile() {
    return caFile;
  }

  @Override
  public void close() {
    server.close();
    try {
      Files.deleteIfExists(caFile);
    } catch (IOException ignored) {
      // A temporary public certificate left behind harms nothing.
    }
  }
}
