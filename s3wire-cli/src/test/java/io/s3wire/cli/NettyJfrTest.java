package io.s3wire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line turns off Netty's JFR allocator events unless asked for them: loading JFR for them
 * costs a short command start-up CPU. Checked in a child JVM that logs every class it loads; the run
 * that asks for the events is the control that the log would show JFR.
 */
@Timeout(120)
class NettyJfrTest {
  /**
   * JFR's event registry, loaded when Netty's allocator first creates one of its events. Netty loads
   * {@code jdk.jfr.FlightRecorder} itself either way, to see whether JFR is there.
   */
  private static final String JFR_CLASS = " jdk.jfr.internal.MetadataRepository ";

  @TempDir Path tmp;

  @Test
  void aCommandThatUsesNettyNeverLoadsJfr() throws Exception {
    CliRun run = ChildJvm.run(List.of("-Xlog:class+load=info"), tmp, "probe", "--local");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(" io.netty.buffer.PooledByteBufAllocator ").doesNotContain(JFR_CLASS);
  }

  @Test
  void theEventsComeBackWhenAskedFor() throws Exception {
    CliRun run = ChildJvm.run(List.of("-Xlog:class+load=info", "-Dio.netty.jfr.enabled=true"), tmp, "probe", "--local");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(" io.netty.buffer.AllocateChunkEvent ", JFR_CLASS);
  }
}
