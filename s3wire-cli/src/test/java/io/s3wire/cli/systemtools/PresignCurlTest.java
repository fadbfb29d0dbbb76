package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code s3wire presign} URLs used by curl against the embedded server: PUT, then GET, plain and TLS. */
@Tag("system-tools")
@Timeout(60)
class PresignCurlTest {
  private static final String ACCESS = "presign-access";
  private static final String SECRET = "presign-secret-0123456789abcdef";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void curlPutsAndGetsThroughPresignedUrls(boolean tls) throws Exception {
    Path curl = SystemTool.require("curl");
    try (S3Server server = S3Server.builder().credentials(ACCESS, SECRET).tls(tls).start()) {
      server.store().createBucket("signed");
      Path ca = tmp.resolve("ca.pem");
      if (tls) {
        server.writeCertificatePem(ca);
      }
      Map<String, String> env = Map.of("HOME", tmp.toString(), "AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY", SECRET,
          "AWS_REGION", "us-east-1");
      String endpoint = server.endpoint().toString();

      CliRun put = CliRun.run(env, "presign", "s3://signed/dir/file name.txt", "--method", "PUT", "--expires", "2m",
          "--endpoint", endpoint);
      assertThat(put.exitCode()).as(put.toString()).isZero();
      Path body = Files.writeString(tmp.resolve("body.txt"), "uploaded by curl\n");
      assertThat(curl(curl, tls ? ca : null, "-T", body.toString(), put.out().strip())).isEqualTo("200");

      CliRun get = CliRun.run(env, "presign", "s3://signed/dir/file name.txt", "--endpoint", endpoint);
      Path fetched = tmp.resolve("fetched.txt");
      assertThat(curl(curl, tls ? ca : null, "-o", fetched.toString(), get.out().strip())).isEqualTo("200");
      assertThat(Files.readString(fetched)).isEqualTo("uploaded by curl\n");

      // The signature covers the method: the GET URL cannot be used to overwrite the object.
      assertThat(curl(curl, tls ? ca : null, "-T", body.toString(), "-o", "/dev/null", get.out().strip())).isEqualTo("403");
    }
  }

  /** Runs curl; returns the HTTP status it reports. */
  private String curl(Path curl, Path ca, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "20", "-w", "%{http_code}"));
    if (ca != null) {
      cmd.addAll(List.of("--cacert", ca.toString()));
    }
    if (!List.of(args).contains("-o")) {
      cmd.addAll(List.of("-o", "/dev/null"));
    }
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "curl", ".out");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
    } finally {
      SystemTool.stop(p);
    }
    return Files.readString(out, StandardCharsets.UTF_8).strip();
  }
}
