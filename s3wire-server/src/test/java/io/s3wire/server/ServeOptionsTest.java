package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code s3wire serve} prints, exactly; the secret only when generated; the CA file clients trust. */
@Timeout(30)
class ServeOptionsTest {
  @TempDir
  Path dir;

  @Test
  void bannerWithGeneratedCredentialsAndTls() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path ca = dir.resolve("ca.pem");
    ServeOptions o = new ServeOptions(dir.resolve("data"), "127.0.0.1", 0, true, io.s3wire.http.TlsProvider.JDK,
        List.of("h2"), "gcs", null, null, null, false, null, null, ca);
    try (S3Server server = o.start(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
          "s3wire server listening on https://127.0.0.1:" + server.port() + "\n"
              + "  store:       " + dir.resolve("data").toAbsolutePath() + "\n"
              + "  profile:     gcs\n"
              + "  tls:         JDK, alpn h2\n"
              + "  certificate: sha256 " + server.certificateSha256() + "\n"
              + "  ca file:     " + ca.toAbsolutePath() + "\n"
              + "  access key:  " + server.accessKey() + "\n"
              + "  secret key:  " + server.secretKey() + "\n");
      assertThat(server.certificateSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
      assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----\n")
          .endsWith("-----END CERTIFICATE-----\n").isEqualTo(server.certificatePem());
      assertThat(server.secretGenerated()).isTrue();
    }
  }

  @Test
  void bannerNamesTheHttp3PortAndHttp3NeedsTls() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ServeOptions o = new ServeOptions(null, "127.0.0.1", 0, true, io.s3wire.http.TlsProvider.JDK,
        List.of("h2", "http/1.1"), "s3", null, null, null, true, null, null, null, List.of(), true);
    try (S3Server server = o.start(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
          "s3wire server listening on https://127.0.0.1:" + server.port() + "\n"
              + "  store:       memory\n"
              + "  profile:     s3\n"
              + "  tls:         JDK, alpn h2,http/1.1\n"
              + "  certificate: sha256 " + server.certificateSha256() + "\n"
              + "  http3:       udp " + server.port() + ", advertised as alt-svc h3=\":" + server.port() + "\"\n"
              + "  auth:        anonymous\n");
    }
    ServeOptions plain = new ServeOptions(null, "127.0.0.1", 0, false, io.s3wire.http.TlsProvider.JDK, List.of(),
        "s3", null, null, null, true, null, null, null, List.of(), true);
    assertThatThrownBy(() -> plain.start(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("HTTP/3 needs TLS: QUIC always runs over TLS 1.3");
  }

  @Test
  void givenSecretIsNeverPrinted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ServeOptions o = new ServeOptions(null, "127.0.0.1", 0, false, io.s3wire.http.TlsProvider.JDK, List.of(), "s3",
        null, "AKIDGIVEN", "given-secret-value", false, null, null, null);
    try (S3Server server = o.start(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      String text = bytes.toString(StandardCharsets.UTF_8);
      assertThat(text).isEqualTo("s3wire server listening on http://127.0.0.1:" + server.port() + "\n"
          + "  store:       memory\n"
          + "  profile:     s3\n"
          + "  access key:  AKIDGIVEN\n"
          + "  secret key:  (as given)\n");
      assertThat(text).doesNotContain("given-secret-value");
    }
  }

  @Test
  void furtherUsersArePrintedWithTheirSecretOnlyWhenGenerated() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ServeOptions o = new ServeOptions(null, "127.0.0.1", 0, false, io.s3wire.http.TlsProvider.JDK, List.of(), "s3",
        null, "AKIDGIVEN", "given-secret-value", false, null, null, null,
        List.of("AKIDSECOND:second-secret-value", "AKIDTHIRD"));
    try (S3Server server = o.start(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      String text = bytes.toString(StandardCharsets.UTF_8);
      assertThat(server.users()).extracting(ServerUser::accessKey).containsExactly("AKIDGIVEN", "AKIDSECOND",
          "AKIDTHIRD");
      String third = server.user("AKIDTHIRD").secretKey();
      assertThat(third).hasSize(40);
      assertThat(text).isEqualTo("s3wire server listening on http://127.0.0.1:" + server.port() + "\n"
          + "  store:       memory\n"
          + "  profile:     s3\n"
          + "  access key:  AKIDGIVEN\n"
          + "  secret key:  (as given)\n"
          + "  user:        AKIDSECOND secret (as given)\n"
          + "  user:        AKIDTHIRD secret " + third + "\n");
      assertThat(text).doesNotContain("given-secret-value").doesNotContain("second-secret-value");
    }
  }

  @Test
  void aUserWithAnEmptySecretIsRefusedWithoutShowingIt() {
    ServeOptions o = new ServeOptions(null, "127.0.0.1", 0, false, io.s3wire.http.TlsProvider.JDK, List.of(), "s3",
        null, null, null, false, null, null, null, List.of(":hidden-secret"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> o.start(System.out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hidden-secret")
        .hasMessageContaining("ACCESS_KEY:SECRET_KEY");
  }
}
