package io.s3wire.tlsload;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.TlsProvider;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client configured for the OPENSSL provider loads BoringSSL only when it first needs TLS: probing
 * it costs about half a second at start, which a plain-HTTP client should not pay. Checked in a child
 * JVM that logs every class it loads; the https run is the control that the log would show it.
 */
@Timeout(120)
class LazyTlsProviderTest {
  private static final String OPENSSL_CLASS = " io.netty.handler.ssl.OpenSsl ";

  @TempDir Path tmp;

  @Test
  void aPlainHttpClientNeverLoadsBoringSsl() throws Exception {
    try (S3Server server = S3Server.builder().credentials("AKIDLAZYTLS", "lazy-tls-secret-key").start()) {
      String out = runChild(server);
      assertThat(out).contains("buckets: 0");
      assertThat(out).doesNotContain(OPENSSL_CLASS);
    }
  }

  @Test
  void anHttpsClientLoadsItForItsFirstConnection() throws Exception {
    Assumptions.assumeTrue(TlsProvider.OPENSSL.isAvailable(), TlsProvider.OPENSSL.unavailabilityCause());
    try (S3Server server = S3Server.builder().credentials("AKIDLAZYTLS", "lazy-tls-secret-key").tls(true).start()) {
      String out = runChild(server);
      assertThat(out).contains("buckets: 0");
      assertThat(out).contains(OPENSSL_CLASS);
    }
  }

  private String runChild(S3Server server) throws IOException, InterruptedException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile(tmp, "child", ".out");
    List<String> cmd = List.of(java.toString(), "-Xlog:class+load=info", "-cp", classpath,
        OpenSslClientChild.class.getName(), server.endpoint().toString(), server.accessKey(), server.secretKey(),
        tmp.resolve("no-aws-home").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(100, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text.lines().filter(l -> !l.contains("[class,load]")).reduce("", (a, b) -> a + b + "\n"))
        .isZero();
    return text;
  }
}
