package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.ChildJvm;
import io.s3wire.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing over plain HTTP loads only what it uses: no TLS provider (BoringSSL is not even probed),
 * no JFR event machinery while no recording runs, and no other command's picocli model. Checked in a
 * child JVM that logs every class it loads, against an embedded server; each test has a control run
 * that shows the log would contain the class when the path does use it.
 */
@Timeout(120)
class ListingStartupTest {
  private static final String BORINGSSL = " io.netty.handler.ssl.OpenSsl ";
  private static final String JFR_REGISTRY = " jdk.jfr.internal.MetadataRepository ";
  private static final String OTHER_COMMAND = " io.s3wire.cli.commands.SyncCommand ";

  @TempDir Path tmp;
  private LocalS3 s3;

  @BeforeEach
  void start() throws java.io.IOException {
    s3 = new LocalS3(tmp);
    CliRun mb = s3.run("mb", "s3://startup");
    assertThat(mb.exitCode()).as(mb.out() + mb.err()).isZero();
  }

  @AfterEach
  void stop() {
    s3.close();
  }

  private CliRun child(List<String> jvmOptions, String... args) throws Exception {
    return ChildJvm.run(jvmOptions, childEnv(), tmp, args);
  }

  private Map<String, String> childEnv() {
    return Map.of("HOME", tmp.toString(), "AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY, "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");
  }

  @Test
  void aPlainHttpListingLoadsNoTlsProviderNoJfrAndNoOtherCommand() throws Exception {
    CliRun run = child(List.of("-Xlog:class+load=info"), "ls", "s3://startup", "--endpoint", s3.server.endpoint().toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(" io.s3wire.cli.commands.LsCommand ")
        .doesNotContain(BORINGSSL, JFR_REGISTRY, OTHER_COMMAND);
  }

  @Test
  void controlBoringSslIsProbedWhenTheEndpointIsNotPlainHttp() throws Exception {
    // No connection is needed: the provider is chosen before, and the address refuses at once.
    CliRun run = child(List.of("-Xlog:class+load=info"), "ls", "s3://startup", "--endpoint", "https://127.0.0.1:1",
        "--retries", "0");
    assertThat(run.out()).contains(BORINGSSL);
  }

  @Test
  void controlJfrEventsAreMadeWhileARecordingRuns() throws Exception {
    CliRun run = child(List.of("-Xlog:class+load=info", "-XX:StartFlightRecording:filename=" + tmp.resolve("r.jfr")),
        "ls", "s3://startup", "--endpoint", s3.server.endpoint().toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(" io.s3wire.internal.JfrEvents$Call ");
  }

  @Test
  void controlHelpBuildsEveryCommand() throws Exception {
    CliRun run = child(List.of("-Xlog:class+load=info"), "--help");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(OTHER_COMMAND).contains("sync");
  }
}
