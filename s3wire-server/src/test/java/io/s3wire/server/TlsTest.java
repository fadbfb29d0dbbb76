package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.TlsProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TLS with either provider and each ALPN choice: the protocol the client ends up on is the one ALPN allows. */
@Timeout(60)
class TlsTest {

  static Stream<Arguments> matrix() {
    return Stream.of(TlsProvider.JDK, TlsProvider.OPENSSL).flatMap(p -> Stream.of(
        Arguments.of(p, List.of("h2", "http/1.1"), HttpClient.Version.HTTP_2),
        Arguments.of(p, List.of("http/1.1"), HttpClient.Version.HTTP_1_1),
        Arguments.of(p, List.of(), HttpClient.Version.HTTP_1_1)));
  }

  static HttpClient trusting(S3Server server) throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, Peers.trusting(server.certificate()), null);
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_2).build();
  }

  @ParameterizedTest(name = "{0} alpn={1}")
  @MethodSource("matrix")
  void protocolFollowsAlpn(TlsProvider provider, List<String> alpn, HttpClient.Version expected) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(provider.isAvailable(), provider.unavailabilityCause());
    try (S3Server server = S3Server.builder().anonymous(true).tls(true).tlsProvider(provider).alpn(alpn).start()) {
      server.store().createBucket("bucket");
      HttpResponse<String> r = trusting(server).send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/bucket"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.version()).isEqualTo(expected);
      assertThat(server.endpoint().getScheme()).isEqualTo("https");
    }
  }

  @Test
  void servesAGivenPemCertificate(@TempDir Path dir) throws Exception {
    // A PEM pair from a first server's generated certificate is served as given by a second one.
    io.s3wire.server.internal.net.ServerCertificate generated = io.s3wire.server.internal.net.ServerCertificate.selfSigned();
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, generated.pem());
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(generated.privateKeyForTests().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    try (S3Server server = S3Server.builder().anonymous(true).tls(true).certificate(cert, key).start()) {
      assertThat(server.certificateSha256()).isEqualTo(generated.sha256Fingerprint());
      HttpResponse<String> r = trusting(server).send(HttpRequest.newBuilder(server.endpoint()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    }
  }
}
