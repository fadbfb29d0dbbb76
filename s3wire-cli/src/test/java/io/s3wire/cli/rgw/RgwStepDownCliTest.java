package io.s3wire.cli.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.cli.rgw.RgwCli.Front;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17, finding 5, as the user met it: {@code cp --provider aws} to Ceph RGW 16.2 failed over TLS
 * with 400 XAmzContentSHA256Mismatch and, over plain HTTP, exited 0 with every CRC32C silently
 * ignored. Now both exit 0, the object is intact, and stderr names the step-down and what checked
 * the bytes.
 */
@Tag("rgw")
@Timeout(180)
class RgwStepDownCliTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Front.class)
  void cpWithProviderAwsStepsDownAndSaysSo(Front front) throws Exception {
    RgwCli cli = new RgwCli(front, tmp);
    String bucket = RgwCli.bucket("stepdown");
    cli.ok("mb", "s3://" + bucket);
    byte[] data = new byte[18 * 1024 * 1024 + 7];
    new Random(18).nextBytes(data);
    Path source = Files.write(tmp.resolve("up.bin"), data);
    CliRun cp = CliRun.run(cli.env(), "cp", "--provider", "aws", "--part-size", "5MiB", source.toString(),
        "s3://" + bucket + "/up.bin");
    assertThat(cp.exitCode()).as(cp.toString()).isZero();
    if (front == Front.TLS) {
      assertThat(cp.err()).as(cp.toString()).contains("s3wire: note: uploads stepped down from aws-chunked with a trailing"
          + " checksum to the checksum in a header: 400 XAmzContentSHA256Mismatch to an upload that signed no payload"
          + " hash (STREAMING-UNSIGNED-PAYLOAD-TRAILER): the server does not take aws-chunked with a trailing checksum\n");
    } else {
      assertThat(cp.err()).as(cp.toString()).doesNotContain("aws-chunked");
    }
    assertThat(cp.err()).as(cp.toString())
        .contains("s3wire: note: the server did not confirm the CRC32C checksum of UploadPart; integrity was checked by"
            + " comparing the part's ETag with the MD5 of its bytes\n")
        .contains("s3wire: note: uploads stepped down from the checksum in a header to Content-MD5 only: the server"
            + " answered without confirming the CRC32C checksum, so it may ignore checksums\n");

    Path back = tmp.resolve("back.bin");
    cli.ok("cp", "s3://" + bucket + "/up.bin", back.toString());
    assertThat(Files.readAllBytes(back)).isEqualTo(data);
    cli.ok("rb", "--force", "s3://" + bucket);
  }
}
