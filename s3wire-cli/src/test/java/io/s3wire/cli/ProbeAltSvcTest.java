package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.server.S3Server;
import io.s3wire.testing.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3wire probe} over TCP follows the response's Alt-Svc h3 with the same request over QUIC, and says how it went. */
@Timeout(60)
class ProbeAltSvcTest {
  @TempDir Path dir;

  @Test
  void advertisedH3IsProbedOverQuicAndTraced() throws Exception {
    try (S3Server server = S3Server.builder().tls(true).http3(true).build().start()) {
      Path ca = dir.resolve("ca.pem");
      server.writeCertificatePem(ca);
      int port = server.endpoint().getPort();
      CliRun run = CliRun.run("probe", "--trace", "--ca", ca.toString(), server.endpoint() + "/");
      assertThat(run.exitCode()).as("%s", run).isZero();
      List<String> lines = run.out().lines().toList();
      assertThat(lines).contains("protocol: HTTP/2");
      assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 QUIC handshake done: QUIC v1 TLS_\\w+"));
      assertThat(lines.get(lines.size() - 1)).matches("h3:       advertised by Alt-Svc \\(h3=\":" + port
          + "\"; ma=86400\\): HTTP/3 \\d{3} over QUIC to 127\\.0\\.0\\.1:" + port);
    }
  }

  @Test
  void advertisedPortWithNoUdpListenerIsOneLineAndTheProbeStillPasses() throws Exception {
    int udp;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      udp = s.getLocalPort(); // free again once closed: nothing listens there
    }
    TestCertificates cert = TestCertificates.localhost();
    try (AltSvcResponder responder = new AltSvcResponder(cert, "h3=\":" + udp + "\"; ma=60")) {
      CliRun run = CliRun.run("probe", "--http", "1.1", "--ca", cert.pemFile().toString(),
          "https://127.0.0.1:" + responder.port() + "/");
      assertThat(run.exitCode()).as("%s", run).isZero();
      List<String> lines = run.out().lines().toList();
      assertThat(lines).contains("status:   200");
      assertThat(lines.get(lines.size() - 1)).startsWith("h3:       advertised by Alt-Svc (h3=\":" + udp + "\"; ma=60), but"
          + " failed to 127.0.0.1:" + udp + ": HTTP/3 (QUIC) ");
      assertThat(run.err()).isEmpty();
    }
  }

  /** A TLS HTTP/1.1 responder that answers every request 200 with an Alt-Svc header and an empty body. */
  private static final class AltSvcResponder implements AutoCloseable {
    private final SSLServerSocket socket;
    private final Thread acceptor;

    AltSvcResponder(TestCertificates cert, String altSvc) throws IOException {
      socket = (SSLServerSocket) cert.serverSslContext().getServerSocketFactory().createServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket c = socket.accept()) {
            c.setSoTimeout(20_000);
            answer(c.getInputStream(), c.getOutputStream(), altSvc);
          } catch (IOException e) {
            // closed by close(), or the client went away: the next accept decides
          }
        }
      }, "alt-svc-responder");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    /** Answers each request head on the connection until the client closes it. */
    private static void answer(InputStream in, OutputStream out, String altSvc) throws IOException {
      byte[] response = ("HTTP/1.1 200 OK\r\nalt-svc: " + altSvc + "\r\ncontent-length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        if (matched == 4) {
          out.write(response);
          out.flush();
          matched = 0;
        }
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      acceptor.join(10_000);
    }
  }
}
