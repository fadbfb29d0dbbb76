package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.StoredUpload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A failed upload whose abort failed too says on stderr which upload it left on the server. */
@Timeout(60)
class UploadLeftCliTest {
  @TempDir Path tmp;

  @Test
  void aFailedAbortNamesTheUploadLeft() throws Exception {
    Path file = Files.write(tmp.resolve("data.bin"), new byte[17 * 1024 * 1024]);
    try (LocalS3 s3 = new LocalS3(Files.createDirectories(tmp.resolve("home")))) {
      s3.server.store().createBucket("keep");
      s3.server.addFaultRule(FaultRule.when().method("PUT").error(S3ErrorCode.ACCESS_DENIED));
      s3.server.addFaultRule(FaultRule.when().method("DELETE").error(S3ErrorCode.ACCESS_DENIED));

      CliRun cp = s3.run("cp", file.toString(), "s3://keep/data.bin", "--part-size", "5MiB");

      List<StoredUpload> left = s3.server.store().listMultipartUploads("keep");
      assertThat(left).hasSize(1);
      assertThat(cp.exitCode()).isNotZero();
      assertThat(cp.err()).contains("s3wire: multipart upload " + left.get(0).uploadId()
          + " of s3://keep/data.bin is left on the server: aborting it failed (403 AccessDenied");
    }
  }
}
