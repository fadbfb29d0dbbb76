package io.s3wire.bench.server;

import io.s3wire.bench.RateLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server harness's parts run for real: the embedded server as a child JVM, both clients, the rate loop. */
@Timeout(180)
class ServerHarnessTest {
  @TempDir
  Path dir;

  @Test
  void bothClientsRoundTripThroughTheEmbeddedServerInAChildJvm() throws Exception {
    Path file = dir.resolve("object.bin");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(3 << 20);
    }
    int port = ChildJvm.freePort();
    try (ChildJvm server = ChildJvm.start("embedded", dir, List.of("-Xmx256m"), System.getProperty("java.class.path"),
        EmbeddedServerMain.class.getName(),
        List.of("--port", Integer.toString(port), "--access-key", ServerBench.ACCESS_KEY,
            "--secret-key", ServerBench.SECRET_KEY), port)) {
      for (BenchClient c : List.of(
          new S3wireBenchClient(server.endpoint(), ServerBench.ACCESS_KEY, ServerBench.SECRET_KEY, dir.resolve("home")),
          new SdkBenchClient(server.endpoint(), ServerBench.ACCESS_KEY, ServerBench.SECRET_KEY))) {
        try (c) {
          String bucket = c.name().startsWith("s3wire") ? "b-ours" : "b-sdk";
          c.createBucket(bucket);
          c.putFile(bucket, "object", file);
          assertThat(c.getToFile(bucket, "object", dir.resolve("got-" + bucket))).isEqualTo(3 << 20);
          c.putBytes(bucket, "small", new byte[] {1, 2, 3});
          assertThat(c.getBytes(bucket, "small")).containsExactly(1, 2, 3);
          assertThat(RateLoop.perSecond(2, 50, 200, (th, n) -> c.getBytes(bucket, "small"))).isPositive();
        }
      }
    }
  }

  @Test
  void aFailingCallFailsTheRateInsteadOfCounting() {
    assertThatThrownBy(() -> RateLoop.perSecond(2, 10, 10, (th, n) -> {
      throw new IllegalStateException("boom");
    })).hasMessageContaining("boom");
  }
}
