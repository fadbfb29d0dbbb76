package io.s3wire.bench.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The transport harness's responder and checks work on both versions before any figure is trusted. */
@Timeout(120)
class BenchServerTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void streamsGetsAndCountsPuts(HttpVersionPolicy policy) throws Exception {
    CertificateFiles cert = CertificateFiles.generate(dir);
    Path file = dir.resolve("body.bin");
    long size = 3L * Routes.CHUNK + 123;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    try (BenchServer server = BenchServer.start(cert, 700);
        HttpTransport t = HttpTransport.create(OurClient.config(TlsProvider.JDK, policy, cert.certificate()))) {
      URI base = URI.create("https://127.0.0.1:" + server.port());
      assertThat(OurClient.get(t, base, size)).isEqualTo(size);
      assertThat(OurClient.put(t, base, file, size)).isEqualTo(size);
      assertThat(server.lastHandshake()).startsWith("TLSv1.3 ")
          .endsWith(policy == HttpVersionPolicy.HTTP_2 ? " h2" : " http/1.1");
      try (HttpResponse r = t.execute(HttpRequest.get(base.resolve("/small"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.body().bytes()).hasSize(700);
      }
      try (HttpResponse r = t.execute(HttpRequest.get(base.resolve("/nothing"))).get(30, TimeUnit.SECONDS)) {
        assertThat(r.status()).isEqualTo(404);
        r.body().bytes();
      }
      assertThat(OurClient.smallGetRate(t, base, 700, 2, 100, 300)).isPositive();
      // A short body is noticed, not timed: the checks can fail.
      assertThatThrownBy(() -> OurClient.smallGetRate(t, base, 701, 1, 100, 100))
          .hasMessageContaining("with 700 bytes");
    }
  }
}
