package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK provider's key log: a child JVM started as the launcher starts it, with the
 * extract-tls-secrets agent the build copies into target/agents, writes TLS 1.3 secrets.
 */
class KeyLogAgentTest {
  @TempDir Path tmp;

  @Test
  @Timeout(120)
  void jdkProviderWithTheAgentWritesTls13Secrets() throws IOException, InterruptedException {
    assertThat(ChildJvm.agent()).as("the build copies the agent (maven-dependency-plugin)").exists();
    Path keys = tmp.resolve("keys.log");
    CliRun run = ChildJvm.runWithAgent(keys, tmp, "probe", "--local", "--tls", "jdk", "--keylog", keys.toString());
    String output = run.out();
    assertThat(run.exitCode()).as(output).isZero();
    assertThat(output).contains("protocol: HTTP/2", "TLS:      TLSv1.3");
    List<String> lines = Files.readAllLines(keys);
    assertThat(lines).as(output).anyMatch(l -> l.matches("CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-fA-F]{64} [0-9a-fA-F]+"))
        .anyMatch(l -> l.startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET "))
        .anyMatch(l -> l.startsWith("CLIENT_TRAFFIC_SECRET_0 "))
        .anyMatch(l -> l.startsWith("SERVER_TRAFFIC_SECRET_0 "));
  }
}
