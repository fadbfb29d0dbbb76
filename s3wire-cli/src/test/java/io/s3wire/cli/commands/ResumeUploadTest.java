package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.FaultRules;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp --resume}: an upload in a child process stopped mid-way, by SIGKILL (a crash) or by
 * SIGTERM (Ctrl-C runs the same shutdown hook), keeps its multipart upload and its state file; the same
 * command again sends only the parts the state file does not record.
 */
@Timeout(180)
class ResumeUploadTest {
  private static final int MIB = 1024 * 1024;
  private static final int PARTS = 8;

  @TempDir Path tmp;

  @Test
  void aCrashedUploadResumesWithOnlyTheMissingParts() throws Exception {
    resumesAfter(true);
  }

  @Test
  void anInterruptedUploadIsKeptForResume() throws Exception {
    resumesAfter(false);
  }

  private void resumesAfter(boolean kill) throws Exception {
    byte[] data = new byte[PARTS * 5 * MIB];
    new Random(7).nextBytes(data);
    Path file = Files.write(tmp.resolve("data.bin"), data);
    Path state = tmp.resolve("data.bin.s3wire-upload");
    Path home = Files.createDirectories(tmp.resolve("home"));
    try (LocalS3 s3 = new LocalS3(home)) {
      S3Server server = s3.server;
      server.store().createBucket("keep");
      // One part at a time, slowly enough for the signal to land mid-upload.
      server.faultRules(FaultRules.parse(
          "[{\"method\": \"PUT\", \"path\": \"/keep/**\", \"action\": \"bandwidth\", \"bytesPerSecond\": 10485760}]"));
      String[] cp = {"cp", file.toString(), "s3://keep/data.bin", "--part-size", "5MiB", "--concurrency", "1", "--resume"};

      Process child = startCli(s3, cp);
      String output;
      try {
        long recorded = awaitRecordedParts(state, 3);
        assertThat(recorded).isBetween(3L, PARTS - 1L);
        if (kill) {
          child.destroyForcibly();
        } else {
          child.destroy();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child stopped").isTrue();
      } finally {
        child.destroyForcibly();
      }
      output = Files.readString(tmp.resolve("child.out"), StandardCharsets.UTF_8);
      if (!kill) {
        assertThat(output).contains("run the same command with --resume");
        assertThat(server.requestCount("AbortMultipartUpload")).as(output).isZero();
      }
      long journaled = partLines(state);
      assertThat(server.store().listMultipartUploads("keep")).as(output).hasSize(1);
      assertThat(server.store().listParts("keep", "data.bin",
          server.store().listMultipartUploads("keep").get(0).uploadId()).size()).isGreaterThanOrEqualTo((int) journaled);
      assertThat(Files.readString(state)).doesNotContain(LocalS3.SECRET_KEY).doesNotContain(LocalS3.ACCESS_KEY);

      server.clearFaultRules();
      server.resetRequestCounts();
      CliRun resumed = s3.run(cp);

      assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
      assertThat(server.requestCount("UploadPart")).as(resumed.toString()).isEqualTo(PARTS - journaled);
      assertThat(server.requestCount("CreateMultipartUpload")).isZero();
      assertThat(state).doesNotExist();
      assertThat(server.store().listMultipartUploads("keep")).isEmpty();
      Path back = tmp.resolve("back.bin");
      assertThat(s3.run("cp", "s3://keep/data.bin", back.toString()).exitCode()).isZero();
      assertThat(Files.mismatch(back, file)).isEqualTo(-1L);
    }
  }

  @Test
  void directoryUploadsLeaveOutTheirOwnWorkFiles() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("dir"));
    Files.writeString(dir.resolve("a.bin"), "a");
    Files.writeString(dir.resolve("a.bin.s3wire-upload"), "s3wire-upload-state 1\nbucket keep\n");
    Files.writeString(dir.resolve(".a.bin812.s3wire-download"), "half a download");
    Files.writeString(dir.resolve("notes.s3wire-upload"), "a file of the user's that only looks like one");
    try (LocalS3 s3 = new LocalS3(Files.createDirectories(tmp.resolve("home")))) {
      s3.server.store().createBucket("keep");
      CliRun up = s3.run("cp", dir.toString(), "s3://keep/p", "--recursive");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      CliRun ls = s3.run("ls", "s3://keep/p/");
      assertThat(ls.out()).contains("p/a.bin").contains("p/notes.s3wire-upload")
          .doesNotContain("a.bin.s3wire-upload").doesNotContain("s3wire-download");
    }
  }

  private Process startCli(LocalS3 s3, String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, "io.s3wire.cli.Main"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--endpoint", s3.server.endpoint().toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile());
    pb.environment().putAll(s3.env);
    return pb.start();
  }

  /** Waits (on file-system events, not by polling) until the state file records at least {@code n} parts. */
  private static long awaitRecordedParts(Path state, int n) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      state.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (true) {
        long parts = partLines(state);
        if (parts >= n) {
          return parts;
        }
        long left = deadline - System.nanoTime();
        WatchKey key = left > 0 ? watch.poll(left, TimeUnit.NANOSECONDS) : null;
        assertThat(key).as("the state file records " + n + " parts in time").isNotNull();
        key.pollEvents();
        key.reset();
      }
    }
  }

  private static long partLines(Path state) throws IOException {
    if (!Files.exists(state)) {
      return 0;
    }
    return Files.readAllLines(state, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("part ")).count();
  }
}
