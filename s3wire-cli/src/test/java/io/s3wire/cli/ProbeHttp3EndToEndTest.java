package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.testing.Http3TestServer;
import io.s3wire.testing.TestCertificates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code s3wire probe --http 3} through the real entry point against a Netty HTTP/3 server. */
@Timeout(60)
class ProbeHttp3EndToEndTest {
  @Test
  void probeOverHttp3ShowsQuicAndTheProtocol() throws Exception {
    TestCertificates cert = TestCertificates.localhost();
    try (Http3TestServer server = new Http3TestServer(cert, 30_000)) {
      CliRun run = CliRun.run("probe", "--http", "3", "--ca", cert.pemFile().toString(), "--trace",
          "https://127.0.0.1:" + server.port() + "/");
      assertThat(run.exitCode()).as("%s", run).isZero();
      List<String> lines = run.out().lines().toList();
      assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 QUIC handshake done: QUIC v1 TLS_\\w+"));
      assertThat(lines).anyMatch(l -> l.matches("\\[ *\\d+\\.\\d{3}\\] c1 send HTTP/3 HEADERS frame <length=\\d+, stream_id=0>"));
      assertThat(lines).contains("protocol: HTTP/3", "status:   200");
    }
  }
}
