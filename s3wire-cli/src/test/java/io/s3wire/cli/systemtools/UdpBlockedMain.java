package io.s3wire.cli.systemtools;

import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.cli.Main;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.server.S3Server;
import io.s3wire.wire.WireEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run by {@link UdpBlockedTest} in a network namespace whose firewall drops (or rejects) every UDP
 * datagram: an HTTP/3 server that advertises h3 in Alt-Svc, a client that follows Alt-Svc, a client
 * that asks for HTTP/3 only, and {@code s3wire doctor} at its defaults. Prints what each saw, one
 * fact a line, for the test to check.
 */
public final class UdpBlockedMain {
  private UdpBlockedMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("udp-blocked");
    List<HttpProtocol> served = new CopyOnWriteArrayList<>();
    try (S3Server server = S3Server.builder().tls(true).http3(true).observer(r -> served.add(r.protocol())).start()) {
      Path ca = dir.resolve("ca.pem");
      server.writeCertificatePem(ca);
      List<WireEvent.Fallback> fallbacks = new CopyOnWriteArrayList<>();
      TransportConfig following = TransportConfig.builder().versionPolicy(HttpVersionPolicy.NEGOTIATE_WITH_HTTP3)
          .trustedCertificates(ca).listener(e -> {
            if (e instanceof WireEvent.Fallback f) {
              fallbacks.add(f);
            }
          }).build();
      byte[] data = "over TCP after all".getBytes(StandardCharsets.UTF_8);
      try (S3Client s3 = client(server, following)) {
        s3.createBucket("blocked");
        long started = System.nanoTime();
        s3.putObject(BucketKey.of("blocked", "k"), data);
        System.out.println("put took ms: " + (System.nanoTime() - started) / 1_000_000);
        System.out.println("read back equal: " + java.util.Arrays.equals(data, s3.getObjectBytes(BucketKey.of("blocked", "k")).bytes()));
      }
      System.out.println("protocols served: " + served);
      for (WireEvent.Fallback f : fallbacks) {
        System.out.println("fallback: " + f.from() + " -> " + f.to() + ": " + f.reason());
      }

      // Shorter than the defaults' 10 + 10 s, as each of the retry policy's 3 attempts waits it out.
      TransportConfig only = TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(ca)
          .connectTimeout(java.time.Duration.ofSeconds(2)).tlsHandshakeTimeout(java.time.Duration.ofSeconds(1)).build();
      try (S3Client s3 = client(server, only)) {
        s3.getObjectBytes(BucketKey.of("blocked", "k"));
        System.out.println("HTTP/3 only: answered");
      } catch (S3Exception e) {
        System.out.println("HTTP/3 only: " + e.getClass().getSimpleName()
            + (e instanceof TransportException t ? " " + t.kind() : "") + " " + e.retrySafety() + ": " + e.getMessage());
      }
    }

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(Map.of("HOME", dir.toString()), new PrintWriter(out), new PrintWriter(err), "doctor");
    System.out.println("doctor exit: " + exit);
    out.toString().lines().forEach(l -> System.out.println("doctor: " + l));
    err.toString().lines().forEach(l -> System.out.println("doctor stderr: " + l));
  }

  private static S3Client client(S3Server server, TransportConfig config) {
    return S3Client.builder().endpoint(server.endpoint()).region("us-east-1")
        .credentials(server.accessKey(), server.secretKey()).transportConfig(config).build();
  }
}
