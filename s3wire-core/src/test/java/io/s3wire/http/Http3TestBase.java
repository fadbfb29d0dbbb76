package io.s3wire.http;

import io.s3wire.testing.Http3TestServer;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.TestCertificates;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the HTTP/3 client tests share: one Netty HTTP/3 server per class and an HTTP_3 transport config trusting it. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
abstract class Http3TestBase {
  static final TestCertificates CERT = TestCertificates.localhost();
  static Http3TestServer server;

  @BeforeAll
  static void startServer() throws InterruptedException {
    server = new Http3TestServer(CERT, 30_000);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** HTTP_3, trusting the test certificate. */
  static TransportConfig.Builder h3() {
    return TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_3).trustedCertificates(CERT.pemFile());
  }

  /** {@code path} on the server, by IP address (the certificate names 127.0.0.1 too). */
  static URI uri(String path) {
    return URI.create("https://127.0.0.1:" + server.port() + path);
  }
}
