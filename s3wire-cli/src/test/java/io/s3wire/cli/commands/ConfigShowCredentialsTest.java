package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.s3wire.cli.CliRun;
import io.s3wire.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code config show} names the credentials' provider and expiry, never the secret or token. */
@Timeout(60)
class ConfigShowCredentialsTest {
  @TempDir Path home;

  @Test
  void temporaryCredentialsFromCredentialProcessShowTheirSourceAndExpiry() throws IOException {
    Path script = Files.writeString(home.resolve("creds.sh"), "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": "
        + "\"AKPROC\", \"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"proc-token\", "
        + "\"Expiration\": \"2099-01-01T01:00:00Z\"}'\n");
    script.toFile().setExecutable(true);
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), "[profile p]\nregion = eu-west-1\ncredential_process = " + script + "\n");
    CliRun run = CliRun.run(Map.of("HOME", home.toString(), "AWS_PROFILE", "p", "AWS_EC2_METADATA_DISABLED", "true"),
        "config", "show");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("credentials = access key AKPROC with session token, secret <masked>, expires 2099-01-01T01:00:00Z"
            + " (credential_process (from " + home.resolve(".aws/config") + " [profile p]))")
        .doesNotContain("proc-secret").doesNotContain("proc-token");
  }

  @Test
  void aFailingSourceIsNamedWithItsReason() throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), "[profile p]\nregion = eu-west-1\n"
        + "credential_process = echo 'sso session expired' >&2; exit 2\n");
    CliRun run = CliRun.run(Map.of("HOME", home.toString(), "AWS_PROFILE", "p", "AWS_EC2_METADATA_DISABLED", "true"),
        "config", "show");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("credentials = <none> (credentials: no AWS credentials; tried environment variables")
        .contains("exited 2: sso session expired");
  }

  // --ca is trusted by the credential calls too: a container-credentials endpoint behind a private CA.
  @Test
  void theCaGivenWithCaIsTrustedByTheCredentialCalls() throws Exception {
    TestCertificates certificate = TestCertificates.localhost();
    HttpsServer agent = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    agent.setHttpsConfigurator(new HttpsConfigurator(certificate.serverSslContext()));
    agent.createContext("/creds", ex -> {
      byte[] body = ("{\"AccessKeyId\":\"AKCONT\",\"SecretAccessKey\":\"cont-secret\",\"Token\":\"cont-token\","
          + "\"Expiration\":\"2099-01-01T01:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    agent.start();
    try {
      Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "AWS_REGION", "eu-west-1",
          "AWS_EC2_METADATA_DISABLED", "true",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://127.0.0.1:" + agent.getAddress().getPort() + "/creds"));
      CliRun untrusted = CliRun.run(env, "config", "show");
      assertThat(untrusted.out()).as(untrusted.toString()).contains("credentials = <none>").doesNotContain("AKCONT");
      CliRun trusted = CliRun.run(env, "config", "show", "--ca", certificate.pemFile().toString());
      assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
      assertThat(trusted.out()).contains("credentials = access key AKCONT with session token, secret <masked>")
          .doesNotContain("cont-secret").doesNotContain("cont-token");
    } finally {
      agent.stop(0);
    }
  }
}
