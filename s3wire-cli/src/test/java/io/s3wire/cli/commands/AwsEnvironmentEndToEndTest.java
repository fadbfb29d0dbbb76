package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.ChildJvm;
import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage commands as a user configured by AWS's environment runs them against a TLS server
 * whose certificate only {@code AWS_CA_BUNDLE} vouches for: the bundle is honoured, options may come
 * before the command, a trace shows each event once, and a refused certificate is one line.
 */
@Timeout(120)
class AwsEnvironmentEndToEndTest {
  @TempDir static Path home;
  @TempDir Path tmp;
  static S3Server server;
  static Path ca;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().tls(true).credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY).start();
    ca = home.resolve("server-ca.pem");
    server.writeCertificatePem(ca);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> env(boolean withCaBundle) {
    Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY, "AWS_REGION", "us-east-1",
        "AWS_ENDPOINT_URL", server.endpoint().toString()));
    if (withCaBundle) {
      env.put("AWS_CA_BUNDLE", ca.toString());
    }
    return env;
  }

  @Test
  void awsCaBundleIsTrustedByTheStorageCommandsAndShownByConfigShow() {
    CliRun made = CliRun.run(env(true), "mb", "s3://ca-bundle-bucket");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    CliRun listed = CliRun.run(env(true), "ls");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("ca-bundle-bucket");
    assertThat(CliRun.run(env(true), "config", "show").out())
        .contains("ca = " + ca + " (environment variable AWS_CA_BUNDLE)\n");
    assertThat(CliRun.run(env(false), "config", "show").out()).contains("ca = system trust store (default)\n");
    CliRun explicit = CliRun.run(env(false), "ls", "--ca", ca.toString());
    assertThat(explicit.exitCode()).as(explicit.toString()).isZero();
  }

  @Test
  void optionsMayComeBeforeTheCommand() {
    CliRun before = CliRun.run(env(false), "--ca", ca.toString(), "--region=us-east-1", "-q", "ls");
    assertThat(before.exitCode()).as(before.toString()).isZero();
    CliRun nested = CliRun.run(env(false), "--http", "2", "config", "show");
    assertThat(nested.exitCode()).as(nested.toString()).isZero();
    assertThat(nested.out()).contains("http = HTTP_2 (--http)\n");
    CliRun unknown = CliRun.run(env(false), "--no-such-option", "ls");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--no-such-option");
  }

  @Test
  void traceShowsEachEventOnce() {
    CliRun traced = CliRun.run(env(true), "ls", "--trace", "--http", "1.1");
    assertThat(traced.exitCode()).as(traced.toString()).isZero();
    List<String> lines = traced.err().lines().toList();
    assertThat(lines.stream().filter(l -> l.contains("TLS handshake done"))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.contains("send GET / HTTP/1.1") || l.contains("GET / HTTP/1.1")))
        .hasSize(1);
  }

  @Test
  void anUntrustedCertificateIsOneLineWithNoLibraryLogs() throws Exception {
    CliRun refused = ChildJvm.run(List.of("-Xshare:auto"), env(false), tmp, "ls");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out().lines().toList()).as(refused.out()).singleElement().asString()
        .startsWith("s3wire: TLS: the certificate of 127.0.0.1:" + server.port() + " is not trusted");
  }
}
