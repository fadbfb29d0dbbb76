package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp s3://... s3://...} above the copy threshold goes as parallel UploadPartCopy parts. The
 * threshold is lowered to 5 MiB so a 17 MiB object shows it (the real case, over 5 GiB, takes the
 * same path with the threshold at its 5 GiB default).
 */
@Timeout(120)
class MultipartCopyEndToEndTest {
  private static final int SIZE = 17 * 1024 * 1024;

  @TempDir static Path home;
  @TempDir static Path dir;
  static LocalS3 s3;
  static byte[] bytes;

  @BeforeAll
  static void start() throws IOException {
    s3 = new LocalS3(home);
    bytes = new byte[SIZE];
    new Random(6).nextBytes(bytes);
    Path file = Files.write(dir.resolve("big.bin"), bytes);
    ok(s3.run("mb", "s3://mpc-src"));
    ok(s3.run("mb", "s3://mpc-dst"));
    ok(s3.run("cp", file.toString(), "s3://mpc-src/big.bin", "--content-type", "application/x-big",
        "--metadata", "owner=ops", "--metadata", "tier=cold"));
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  static void ok(CliRun r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void overTheThresholdTheServerSeesUploadPartCopiesAndTheCopyKeepsBytesAndMetadata() throws IOException {
    s3.server.resetRequestCounts();
    CliRun copy = s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-dst/copy.bin", "--copy-threshold", "5MiB");
    ok(copy);
    assertThat(copy.out()).isEqualTo("copy: s3://mpc-src/big.bin to s3://mpc-dst/copy.bin\n");
    // 17 MiB in the manager's automatic 8 MiB parts: 8 + 8 + 1.
    assertThat(s3.server.requestCount("UploadPartCopy")).isEqualTo(3);
    assertThat(s3.server.requestCount("CreateMultipartUpload")).isEqualTo(1);
    assertThat(s3.server.requestCount("CompleteMultipartUpload")).isEqualTo(1);
    assertThat(s3.server.requestCount("CopyObject")).isZero();
    assertThat(s3.server.requestCount("GetObject")).isZero();

    Path back = dir.resolve("back.bin");
    ok(s3.run("cp", "s3://mpc-dst/copy.bin", back.toString()));
    assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
    Map<String, Object> stat = CommandsEndToEndTest.jsonLines(s3.run("stat", "s3://mpc-dst/copy.bin", "--json").out()).get(0);
    assertThat(stat.get("size")).isEqualTo((long) SIZE);
    assertThat(stat.get("content_type")).isEqualTo("application/x-big");
    assertThat(stat.get("metadata")).isEqualTo(Map.of("owner", "ops", "tier", "cold"));
    assertThat((String) stat.get("etag")).endsWith("-3");
  }

  @Test
  void underTheThresholdItIsOneCopyObject() {
    s3.server.resetRequestCounts();
    ok(s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-dst/single.bin"));
    assertThat(s3.server.requestCount("CopyObject")).isEqualTo(1);
    assertThat(s3.server.requestCount("UploadPartCopy")).isZero();
    assertThat(s3.server.requestCount("CreateMultipartUpload")).isZero();
  }

  @Test
  void mvOverTheThresholdCopiesInPartsThenDeletesTheSource() {
    ok(s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-src/to-move.bin"));
    s3.server.resetRequestCounts();
    ok(s3.run("mv", "s3://mpc-src/to-move.bin", "s3://mpc-dst/moved.bin", "--copy-threshold", "16MiB"));
    assertThat(s3.server.requestCount("UploadPartCopy")).isEqualTo(3);
    assertThat(s3.run("stat", "s3://mpc-src/to-move.bin").exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(s3.run("stat", "s3://mpc-dst/moved.bin").out()).contains("size:          " + SIZE + " (17.0 MiB)\n");
  }

  @Test
  void replacingMetadataOnAMultipartCopyIsRefusedBeforeAnyUpload() {
    s3.server.resetRequestCounts();
    CliRun r = s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-dst/meta.bin", "--copy-threshold", "5MiB",
        "--metadata", "owner=dev");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).isEqualTo("s3wire: s3://mpc-src/big.bin is 17.0 MiB, over the copy threshold of 5.0 MiB:"
        + " a multipart copy keeps the source's metadata, so --content-type, --metadata, --storage-class, --sse*,"
        + " --tag, --acl and the content headers cannot be used with it\n");
    assertThat(s3.server.requestCount("CreateMultipartUpload")).isZero();
    assertThat(s3.server.requestCount("UploadPartCopy")).isZero();
  }

  @Test
  void copyThresholdIsCheckedAsAUsageError() {
    assertThat(s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-dst/x", "--copy-threshold", "1MiB").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(s3.run("cp", "s3://mpc-src/big.bin", "s3://mpc-dst/x", "--copy-threshold", "6GiB").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void sizesParse() {
    assertThat(Format.parseSize("5GiB")).isEqualTo(5L << 30);
    assertThat(Format.parseSize("64M")).isEqualTo(64L << 20);
    assertThat(Format.parseSize("1048576")).isEqualTo(1048576L);
    assertThat(Format.parseSize("7 KiB")).isEqualTo(7168L);
    assertThat(Format.parseSize("12B")).isEqualTo(12L);
    assertThatThrownBy(() -> Format.parseSize("5 gigs")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Format.parseSize("-5M")).isInstanceOf(IllegalArgumentException.class);
  }
}
