package io.s3wire.bench.transfer;

import io.s3wire.bench.Args;
import io.s3wire.http.TlsProvider;
import io.s3wire.server.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Runs s3wire's embedded S3 server (memory store) for the transfer benchmark in a JVM of its own:
 * 127.0.0.1:{@code --port}, plain HTTP or, with {@code --tls true}, TLS through BoringSSL (the
 * server's fastest provider, so the server is never the TLS bottleneck of a client) with a
 * generated certificate written as PEM to {@code --cert-pem} for the clients to trust. ALPN offers
 * h2 and http/1.1; each client picks. With {@code --http3 true} (needs TLS) it serves HTTP/3 over
 * QUIC on the same port number in UDP as well. Runs until terminated; a shutdown hook closes the server.
 */
public final class TransferServerMain {
  private TransferServerMain() {}

  public static void main(String[] argv) throws Exception {
    Args a = Args.parse(argv, "port", "access-key", "secret-key", "tls", "cert-pem", "http3");
    boolean tls = Boolean.parseBoolean(a.get("tls", "false"));
    S3Server.Builder b = S3Server.builder()
        .port(a.getInt("port", 0))
        .credentials(a.get("access-key", "benchkey"), a.get("secret-key", "benchsecret"));
    if (tls) {
      b.tls(true).tlsProvider(TlsProvider.OPENSSL).http3(Boolean.parseBoolean(a.get("http3", "false")));
    }
    S3Server server = b.start();
    if (tls) {
      // Written aside and renamed into place, so a reader waiting for the file never sees half of it.
      Path pem = Path.of(a.get("cert-pem", "server.pem")).toAbsolutePath();
      Path partial = pem.resolveSibling(pem.getFileName() + ".partial");
      server.writeCertificatePem(partial);
      Files.move(partial, pem, StandardCopyOption.ATOMIC_MOVE);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "s3server-shutdown"));
    System.out.println("s3wire embedded server listening on " + server.endpoint());
    stopped.await();
  }
}
