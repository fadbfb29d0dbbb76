package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslProvider;
import io.s3wire.error.ClientException;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** NSS key-log lines from BoringSSL through the OPENSSL provider; a clear refusal with the JDK provider. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class KeyLogTest {
  private static final TestCertificates CERT = TestCertificates.localhost();
  private static final String HEX64 = "[0-9a-f]{64}";

  @Test
  void tls13HandshakeWritesTrafficSecrets(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("keys.log");
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).provider(SslProvider.JDK).build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(TlsProvider.OPENSSL)
            .trustedCertificates(CERT.pemFile()).minTlsVersion("TLSv1.3").keyLogFile(log).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
      }
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
    assertThat(lines).allSatisfy(l -> assertThat(l).matches("[A-Z_0-9]+ " + HEX64 + " [0-9a-f]{64,96}"));
    assertThat(lines.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet())).containsExactlyInAnyOrder(
        "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0",
        "EXPORTER_SECRET");
    // One client random for the whole handshake.
    assertThat(lines.stream().map(l -> l.split(" ")[1]).distinct()).hasSize(1);
  }

  @Test
  void tls12HandshakeWritesClientRandom(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("keys.log");
    try (TestHttpServer s = TestHttpServer.builder().tls(CERT).provider(SslProvider.JDK).tlsProtocols("TLSv1.2").build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(TlsProvider.OPENSSL)
            .trustedCertificates(CERT.pemFile()).keyLogFile(log).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(200);
      }
    }
    assertThat(Files.readAllLines(log, StandardCharsets.US_ASCII)).singleElement()
        .satisfies(l -> assertThat(l).matches("CLIENT_RANDOM " + HEX64 + " [0-9a-f]{96}"));
  }

  @Test
  void jdkProviderRefusesAKeyLogClearly(@TempDir Path dir) {
    assertThatThrownBy(() -> HttpTransport.create(TransportConfig.builder().tlsProvider(TlsProvider.JDK)
            .keyLogFile(dir.resolve("k.log")).build()))
        .isInstanceOf(ClientException.class)
        .hasMessage("keyLogFile: Java 17 cannot export TLS 1.3 secrets from the JDK TLS provider; use the OPENSSL provider,"
            + " or run with the extract-tls-secrets agent (the s3wire launcher adds it for --keylog with --tls jdk)");
  }
}
