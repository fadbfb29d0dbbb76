package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path agent = Path.of("target", "agents", "extract-tls-secrets.jar").toAbsolutePath();
    assertThat(agent).as("the build copies the agent (maven-dependency-plugin)").exists();
    Path keys = tmp.resolve("keys.log");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = tmp.resolve("out.txt");
    Process p = new ProcessBuilder(java.toString(), "-javaagent:" + agent + "=" + keys, "-cp", classpath,
        "io.s3wire.cli.Main", "probe", "--local", "--tls", "jdk", "--keylog", keys.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("protocol: HTTP/2", "TLS:      TLSv1.3");
    List<String> lines = Files.readAllLines(keys);
    assertThat(lines).as(output).anyMatch(l -> l.matches("CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-fA-F]{64} [0-9a-fA-F]+"))
        .anyMatch(l -> l.startsWith("SERVER_HANDSHAKE_TRAFFIC_SECRET "))
        .anyMatch(l -> l.startsWith("CLIENT_TRAFFIC_SECRET_0 "))
        .anyMatch(l -> l.startsWith("SERVER_TRAFFIC_SECRET_0 "));
  }
}
