package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.internal.fault.MiniJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every storage command through the real entry point, in this JVM, against the embedded server. */
@Timeout(120)
class CommandsEndToEndTest {
  @TempDir static Path home;
  @TempDir Path tmp;
  static LocalS3 s3;

  @BeforeAll
  static void start() throws IOException {
    s3 = new LocalS3(home);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> jsonLines(String out) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add((Map<String, Object>) MiniJson.parse(line));
      }
    }
    return lines;
  }

  static void ok(CliRun r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  private static void mb(String bucket) {
    ok(s3.run("mb", "s3://" + bucket));
  }

  @Test
  void bucketsObjectsStatCatAsTextAndJson() throws IOException {
    CliRun made = s3.run("mb", "s3://e2e-basic");
    ok(made);
    assertThat(made.out()).isEqualTo("make_bucket: e2e-basic\n");
    List<Map<String, Object>> buckets = jsonLines(s3.run("ls", "--json").out());
    assertThat(buckets).anySatisfy(b -> assertThat(b.get("bucket")).isEqualTo("e2e-basic"));

    Path file = Files.writeString(tmp.resolve("hello.txt"), "hello, world\n");
    CliRun up = s3.run("cp", file.toString(), "s3://e2e-basic/dir/", "--content-type", "text/plain", "--metadata", "owner=ops");
    ok(up);
    assertThat(up.out()).isEqualTo("upload: " + file + " to s3://e2e-basic/dir/hello.txt\n");

    List<Map<String, Object>> top = jsonLines(s3.run("ls", "s3://e2e-basic", "--json").out());
    assertThat(top).containsExactly(Map.of("prefix", "dir/"));
    CliRun text = s3.run("ls", "s3://e2e-basic/dir/");
    assertThat(text.out()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d          13  dir/hello.txt\n");
    List<Map<String, Object>> objects = jsonLines(s3.run("ls", "s3://e2e-basic", "--recursive", "--json").out());
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0)).containsEntry("key", "dir/hello.txt").containsKeys("etag", "last_modified");
    assertThat(((Number) objects.get(0).get("size")).longValue()).isEqualTo(13);
    assertThat(s3.run("ls", "s3://e2e-basic", "--recursive", "--human").out()).endsWith("total: 1 objects, 13 B\n");

    Map<String, Object> stat = jsonLines(s3.run("stat", "s3://e2e-basic/dir/hello.txt", "--json").out()).get(0);
    assertThat(stat).containsEntry("key", "dir/hello.txt").containsEntry("content_type", "text/plain")
        .containsEntry("etag", "22c3683b094136c3398391ae71b20f04").containsEntry("metadata", Map.of("owner", "ops"));
    assertThat(s3.run("stat", "s3://e2e-basic/dir/hello.txt").out())
        .contains("size:          13 (13 B)\n").contains("content type:  text/plain\n").contains("metadata:      owner=ops\n");
    // The object came without a checksum: the embedded server, like S3, keeps its default CRC64NVME
    // and returns it only in checksum mode.
    assertThat(stat.get("checksums")).isEqualTo(Map.of());
    Map<String, Object> withSums = jsonLines(s3.run("stat", "s3://e2e-basic/dir/hello.txt", "--json", "--checksums", "--provider", "minio").out()).get(0);
    assertThat(withSums.get("checksums")).isEqualTo(Map.of("crc64nvme", io.s3wire.checksum.Crc64Nvme.base64(
        io.s3wire.checksum.Crc64Nvme.of("hello, world\n".getBytes(StandardCharsets.UTF_8)))));

    LocalS3.BinaryRun cat = s3.runWithStreams(new byte[0], "cat", "s3://e2e-basic/dir/hello.txt");
    ok(cat.run());
    assertThat(new String(cat.stdout(), StandardCharsets.UTF_8)).isEqualTo("hello, world\n");
  }

  @Test
  void stdinToObjectAndObjectToStdout() {
    mb("e2e-std");
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    LocalS3.BinaryRun up = s3.runWithStreams(data, "cp", "-", "s3://e2e-std/from-stdin.bin");
    ok(up.run());
    assertThat(up.run().out()).isEqualTo("upload: - to s3://e2e-std/from-stdin.bin\n");
    LocalS3.BinaryRun down = s3.runWithStreams(new byte[0], "cp", "s3://e2e-std/from-stdin.bin", "-");
    ok(down.run());
    assertThat(down.run().out()).isEmpty();
    assertThat(down.stdout()).isEqualTo(data);
  }

  @Test
  void downloadServerSideCopyMoveRemove() throws IOException {
    mb("e2e-ops");
    Path file = Files.writeString(tmp.resolve("a.txt"), "alpha");
    ok(s3.run("cp", file.toString(), "s3://e2e-ops/a.txt"));

    ok(s3.run("cp", "s3://e2e-ops/a.txt", "s3://e2e-ops/b.txt", "--metadata", "copied=yes", "--content-type", "text/x-a"));
    Map<String, Object> b = jsonLines(s3.run("stat", "s3://e2e-ops/b.txt", "--json").out()).get(0);
    assertThat(b).containsEntry("content_type", "text/x-a").containsEntry("metadata", Map.of("copied", "yes"));

    Path dir = Files.createDirectory(tmp.resolve("down"));
    CliRun down = s3.run("cp", "s3://e2e-ops/b.txt", dir.toString());
    ok(down);
    assertThat(down.out()).isEqualTo("download: s3://e2e-ops/b.txt to " + dir.resolve("b.txt") + "\n");
    assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("alpha");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("b.txt"));
    }

    CliRun moved = s3.run("mv", "s3://e2e-ops/b.txt", "s3://e2e-ops/c.txt");
    ok(moved);
    assertThat(moved.out()).isEqualTo("copy: s3://e2e-ops/b.txt to s3://e2e-ops/c.txt\n");
    assertThat(s3.run("stat", "s3://e2e-ops/b.txt").exitCode()).isEqualTo(ExitCodes.FAILED);
    ok(s3.run("stat", "s3://e2e-ops/c.txt"));

    Path local = Files.writeString(tmp.resolve("local.txt"), "gone after mv");
    ok(s3.run("mv", local.toString(), "s3://e2e-ops/"));
    assertThat(local).doesNotExist();
    LocalS3.BinaryRun cat = s3.runWithStreams(new byte[0], "cat", "s3://e2e-ops/local.txt");
    assertThat(new String(cat.stdout(), StandardCharsets.UTF_8)).isEqualTo("gone after mv");

    CliRun rm = s3.run("rm", "s3://e2e-ops/c.txt");
    ok(rm);
    assertThat(rm.out()).isEqualTo("delete: s3://e2e-ops/c.txt\n");
    CliRun notEmpty = s3.run("rb", "s3://e2e-ops");
    assertThat(notEmpty.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(notEmpty.err()).contains("BucketNotEmpty");
    CliRun forced = s3.run("rb", "s3://e2e-ops", "--force");
    ok(forced);
    assertThat(forced.out()).isEqualTo("remove_bucket: e2e-ops\n");
    assertThat(jsonLines(s3.run("ls", "--json").out())).noneSatisfy(m -> assertThat(m.get("bucket")).isEqualTo("e2e-ops"));
  }

  @Test
  void failuresPrintOneLineAndVerboseAddsAttempts() {
    mb("e2e-fail");
    CliRun missing = s3.run("cat", "s3://e2e-fail/none");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).startsWith("s3wire: The server answered 404").contains("NoSuchKey").endsWith("\n");
    assertThat(missing.err().lines()).hasSize(1);

    CliRun verbose = s3.run("stat", "s3://e2e-fail/none", "-v");
    assertThat(verbose.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(verbose.err().lines().skip(1)).anySatisfy(l -> assertThat(l).startsWith("  attempt 1: "));

    CliRun badDownload = s3.run("cp", "s3://e2e-fail/none", tmp.resolve("x").toString());
    assertThat(badDownload.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void presignedUrlsWorkForGetAndPut() throws Exception {
    mb("e2e-presign");
    CliRun put = s3.run("presign", "s3://e2e-presign/up.txt", "--method", "PUT", "--expires", "5m");
    ok(put);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> putResponse = http.send(HttpRequest.newBuilder(URI.create(put.out().strip()))
        .PUT(HttpRequest.BodyPublishers.ofString("via presigned PUT")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(putResponse.statusCode()).isEqualTo(200);

    Map<String, Object> get = jsonLines(s3.run("presign", "s3://e2e-presign/up.txt", "--json").out()).get(0);
    assertThat(get).containsEntry("method", "GET");
    assertThat(((Number) get.get("expires_seconds")).longValue()).isEqualTo(3600);
    HttpResponse<String> getResponse = http.send(HttpRequest.newBuilder(URI.create((String) get.get("url")))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(getResponse.statusCode()).isEqualTo(200);
    assertThat(getResponse.body()).isEqualTo("via presigned PUT");
  }

  @Test
  void configShowSaysWhereEachValueCameFromWithoutSecrets() {
    CliRun text = s3.run("config", "show", "--region", "eu-west-1", "--http", "2");
    ok(text);
    assertThat(text.out()).contains("region = eu-west-1 (--region)\n")
        .contains("endpoint_url = " + s3.server.endpoint() + " (--endpoint)\n")
        .contains("provider = generic (default for a configured endpoint)\n")
        .contains("credentials = access key " + LocalS3.ACCESS_KEY + ", secret <masked> (environment variable")
        .contains("http = HTTP_2 (--http)\n")
        .contains("tls = JDK (default)\n")
        .doesNotContain(LocalS3.SECRET_KEY);
    List<Map<String, Object>> json = jsonLines(s3.run("config", "show", "--json").out());
    assertThat(json).contains(Map.of("name", "region", "value", "us-east-1", "source", "environment variable AWS_REGION"));
  }

  @Test
  void traceFileHasTheExchangeAndNoSecret() throws IOException {
    Path trace = tmp.resolve("trace.txt");
    ok(s3.run("ls", "--trace=" + trace));
    String text = Files.readString(trace);
    assertThat(text).contains("GET /");
    assertThat(text).doesNotContain(LocalS3.SECRET_KEY);
  }

  @Test
  void helpOnEveryCommandHasExamplesAndCompletionIsGenerated() {
    for (String cmd : List.of("ls", "cp", "mv", "rm", "mb", "rb", "cat", "stat", "presign", "sync", "serve", "completion")) {
      CliRun help = CliRun.run(s3.env, cmd, "--help");
      assertThat(help.exitCode()).as(cmd).isZero();
      assertThat(help.out()).as(cmd).contains("Usage: s3wire " + cmd).contains("Examples:");
    }
    assertThat(CliRun.run(s3.env, "config", "show", "--help").out()).contains("Examples:");
    CliRun completion = CliRun.run(s3.env, "completion");
    ok(completion);
    assertThat(completion.out()).contains("complete -F").contains("sync").contains("presign");
  }
}
