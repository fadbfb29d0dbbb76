package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.s3wire.cli.CliRun;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stat} shows the checksums a server returns on HEAD ({@code x-amz-checksum-*}), here from a
 * JDK HTTP server that answers as S3 does for an object uploaded with CRC32 and SHA-256 checksums
 * (two checksums at once, which the embedded server never keeps; {@code CommandsEndToEndTest} covers it).
 */
@Timeout(60)
class StatChecksumsTest {
  @TempDir Path home;
  HttpServer server;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final List<String> checksumModes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      seen.add(x.getRequestMethod() + " " + x.getRequestURI().getPath());
      checksumModes.add(String.valueOf(x.getRequestHeaders().getFirst("x-amz-checksum-mode")));
      var h = x.getResponseHeaders();
      h.add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
      h.add("Last-Modified", "Fri, 27 Nov 2026 12:00:00 GMT");
      h.add("Content-Type", "text/plain");
      h.add("x-amz-checksum-crc32", "NhCmhg==");
      h.add("x-amz-checksum-sha256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
      h.add("x-amz-checksum-type", "FULL_OBJECT");
      h.add("x-amz-meta-owner", "ops");
      x.sendResponseHeaders(200, -1);
      h.add("Content-Length", "5");
      x.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private CliRun stat(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "stat";
    args[1] = "s3://sums/hello.txt";
    args[2] = "--endpoint";
    args[3] = "http://127.0.0.1:" + server.getAddress().getPort();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.run(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY",
        "stat-test-secret-0123456789", "AWS_REGION", "us-east-1"), args);
  }

  @Test
  void textListsEachStoredChecksumAfterTheETag() {
    CliRun r = stat();
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(seen).containsExactly("HEAD /sums/hello.txt");
    assertThat(r.out()).contains("etag:          5d41402abc4b2a76b9719d911017c592\n"
        + "checksum:      crc32 NhCmhg==\n"
        + "checksum:      sha256 LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=\n"
        + "last modified: 2026-11-27 12:00:00 UTC\n");
    assertThat(r.out()).doesNotContain("FULL_OBJECT");
  }

  @Test
  void jsonCarriesThemByAlgorithm() {
    CliRun r = stat("--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Map<String, Object> stat = CommandsEndToEndTest.jsonLines(r.out()).get(0);
    assertThat(stat.get("checksums")).isEqualTo(Map.of("crc32", "NhCmhg==",
        "sha256", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="));
    assertThat(stat.get("metadata")).isEqualTo(Map.of("owner", "ops"));
  }

  @Test
  void checksumModeIsAskedForOnlyWithTheFlag() {
    CliRun plain = stat("--provider", "minio");
    CliRun asked = stat("--provider", "minio", "--checksums");
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(asked.exitCode()).as(asked.toString()).isZero();
    assertThat(checksumModes).containsExactly("null", "ENABLED");
    assertThat(asked.err()).doesNotContain("provider profile");
  }

  @Test
  void aProfileWithoutFlexibleChecksumsSaysWhyNoneWereAskedFor() {
    CliRun r = stat("--checksums");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(checksumModes).containsExactly("null");
    assertThat(r.err()).contains("the generic provider profile takes no flexible checksums, so x-amz-checksum-mode is not sent");
  }
}
