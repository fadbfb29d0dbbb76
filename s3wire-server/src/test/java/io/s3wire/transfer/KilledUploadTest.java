package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.PutObjectResult;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.server.FaultRule;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A resumable upload in a child JVM killed (SIGKILL) after three parts; resuming here sends only the
 * parts its state file does not record.
 */
@Timeout(180)
class KilledUploadTest extends TransferFixture {

  @Test
  void aKilledUploadResumesWithOnlyTheMissingParts() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts());
    byte[] data = random(40 * MIB, 21);
    Path file = Files.write(temp.resolve("killed.bin"), data);
    // Slow enough that the kill lands mid-upload, fast enough to reach part 3 quickly.
    server.addFaultRule(FaultRule.when().method("PUT").bandwidth(20L * MIB));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-Dio.netty.leakDetection.level=disabled",
        "-cp", System.getProperty("java.class.path"), ResumableUploadMain.class.getName(),
        server.endpoint().toString(), bucket, "killed", file.toString());
    pb.environment().put("AWS_ACCESS_KEY_ID", server.accessKey());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", server.secretKey());
    pb.redirectErrorStream(true);
    Process child = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("PART 3")) {
        assertThat(line).doesNotStartWith("DONE");
      }
      assertThat(line).isEqualTo("PART 3");
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Path state = temp.resolve("killed.bin.s3wire-upload");
    long journaled = Files.readAllLines(state).stream().filter(l -> l.startsWith("part ")).count();
    assertThat(journaled).isBetween(3L, 7L);
    assertThat(client.listMultipartUploads(bucket, null).join()).hasSize(1);
    server.clearFaultRules();
    server.resetRequestCounts();

    PutObjectResult r = manager.uploadFile(key("killed"), file, UploadOptions.DEFAULTS.withResume()).join();

    assertThat(server.requestCount("UploadPart")).isEqualTo(8 - journaled);
    assertThat(server.requestCount("CreateMultipartUpload")).isZero();
    assertThat(r.eTag()).isEqualTo(UploadTest.multipartETag(data, 5 * MIB));
    assertThat(Arrays.equals(stored("killed"), data)).isTrue();
    assertThat(state).doesNotExist();
    assertNoUploadsLeft();
  }
}
