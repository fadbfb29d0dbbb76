package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Over plain HTTP an upload's body is signed by its SHA-256 unless {@code --unsigned-payload}; the trace shows which. */
@Timeout(60)
class PayloadSigningTest {
  @TempDir Path tmp;

  @Test
  void unsignedPayloadSendsNoBodyHash() throws Exception {
    byte[] body = "a body worth signing".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("f.txt"), body);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    try (LocalS3 s3 = new LocalS3(Files.createDirectories(tmp.resolve("home")))) {
      s3.server.store().createBucket("sig");

      CliRun signed = s3.run("cp", file.toString(), "s3://sig/signed", "--trace", "--http", "1.1");
      assertThat(signed.exitCode()).as(signed.toString()).isZero();
      assertThat(signed.err()).contains("x-amz-content-sha256: " + hash).doesNotContain("UNSIGNED-PAYLOAD");

      CliRun unsigned = s3.run("cp", file.toString(), "s3://sig/unsigned", "--trace", "--http", "1.1", "--unsigned-payload");
      assertThat(unsigned.exitCode()).as(unsigned.toString()).isZero();
      assertThat(unsigned.err()).contains("x-amz-content-sha256: UNSIGNED-PAYLOAD").doesNotContain(hash);

      Path back = tmp.resolve("back.txt");
      assertThat(s3.run("cp", "s3://sig/unsigned", back.toString()).exitCode()).isZero();
      assertThat(Files.readAllBytes(back)).isEqualTo(body);
    }
  }
}
