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
        .contains("started the embedded S3 server over TLS in the gcs profile at https://127.0.0.1:");
    assertThat(run.out()).contains("[host-header-reset] HTTP/2 requests that carry a host header are reset with RST_STREAM(PROTOCOL_ERROR)");
    assertThat(run.out().lines()).contains(
        "tls      alpn         shape             bucket                   put                      get                      delete");
    assertThat(run.out()).containsPattern("(?m)^cleanup: deleted \\d+ test object\\(s\\) under s3wire-doctor-[0-9a-f]+/ \\(");
    assertThat(run.err()).isEmpty();
  }
}
