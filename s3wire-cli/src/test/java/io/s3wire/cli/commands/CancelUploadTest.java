package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.server.FaultRules;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.S3Server;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGTERM here; both run the JVM's shutdown hooks) during a large upload in a child
 * process leaves no object and no open multipart upload on the server.
 */
@Timeout(180)
class CancelUploadTest {
  @TempDir Path tmp;

  @Test
  void interruptedMultipartUploadIsAborted() throws Exception {
    Path big = tmp.resolve("big.bin");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(48L * 1024 * 1024);
    }
    CountDownLatch partsArriving = new CountDownLatch(1);
    try (S3Server server = S3Server.builder().credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)
        .observer(r -> {
          if (r.operation().equals("UploadPart")) {
            partsArriving.countDown();
          }
        }).start()) {
      server.store().createBucket("cancel");
      // Slow parts so the upload is certainly running when the signal comes.
      server.faultRules(FaultRules.parse(
          "[{\"method\": \"PUT\", \"path\": \"/cancel/**\", \"action\": \"bandwidth\", \"bytesPerSecond\": 262144}]"));
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classpath, "io.s3wire.cli.Main", "cp", big.toString(), "s3://cancel/big.bin",
          "--endpoint", server.endpoint().toString()));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile());
      pb.environment().put("HOME", tmp.toString());
      pb.environment().put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
      pb.environment().put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
      pb.environment().put("AWS_REGION", "us-east-1");
      Process child = pb.start();
      try {
        assertThat(partsArriving.await(120, TimeUnit.SECONDS)).as("upload parts reached the server").isTrue();
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stopped").isTrue();
      } finally {
        child.destroyForcibly();
      }
      String output = Files.readString(tmp.resolve("child.out"), StandardCharsets.UTF_8);
      assertThat(server.store().listMultipartUploads("cancel")).as(output).isEmpty();
      assertThatThrownBy(() -> server.store().headObject("cancel", "big.bin")).isInstanceOf(S3ErrorException.class);
      assertThat(server.requestCount("AbortMultipartUpload")).as(output).isPositive();
    }
  }
}
