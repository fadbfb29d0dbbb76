package io.s3wire.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3wire doctor} with nothing configured: the README's first command on a fresh machine. */
@Timeout(120)
class DoctorDefaultRunTest {
  @TempDir Path home;

  @Test
  void startsTheEmbeddedGcsServerAndNamesTheHostHeaderCause() {
    CliRun run = CliRun.run(Map.of("HOME", home.toString()), "doctor");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .startsWith("s3wire doctor: no endpoint configured")
        .contains("started the embedded S3 server over TLS in the gcs profile at https://127.0.0.1:")
        .containsPattern(", with HTTP/3 on UDP port \\d+$");
    assertThat(run.out()).contains("[host-header-reset] HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR)");
    assertThat(run.out().lines()).contains(
        "tls      alpn         shape             bucket                   put                      get                      delete");
    // The embedded server serves HTTP/3 too and advertises it: the h3 rows join, the normalised one passes.
    assertThat(run.out().lines().toList().get(1)).matches("s3wire doctor: h3 advertised by Alt-Svc \\(h3=\":(\\d+)\"; ma=86400\\),"
        + " so the h3 rows run over QUIC to 127\\.0\\.0\\.1:\\1; .*");
    assertThat(run.out()).containsPattern("(?m)^jdk      h3           normalised         JDK has no QUIC +JDK has no QUIC")
        .containsPattern("(?m)^openssl  h3           normalised         h3 200 \\d+ms +h3 200 \\d+ms +h3 200 \\d+ms +h3 204 \\d+ms$")
        .contains("[host-header-reset] HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR),"
            + " HTTP/3 ones with H3_MESSAGE_ERROR\n")
        .doesNotContain("unrecognised-failure", "h3-unreachable");
    assertThat(run.out()).containsPattern("(?m)^cleanup: deleted \\d+ test object\\(s\\) under s3wire-doctor-[0-9a-f]+/ \\(");
    assertThat(run.err()).isEmpty();
  }
}
