package io.s3wire.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.CliRun;
import io.s3wire.server.FaultRules;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Recursive copies, sync and partial failures through the real entry point against the embedded server. */
@Timeout(300)
class RecursiveEndToEndTest {
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

  private static Set<String> keys(String address) {
    CliRun r = s3.run("ls", address, "--recursive", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return CommandsEndToEndTest.jsonLines(r.out()).stream().map(m -> (String) m.get("key"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void twoThousandSmallFilesWithIncludeAndExclude() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("src"));
    for (int d = 0; d < 20; d++) {
      Path dir = Files.createDirectory(src.resolve("d" + d));
      for (int i = 0; i < 50; i++) {
        Files.writeString(dir.resolve("f" + i + ".txt"), "text " + d + "/" + i);
        Files.writeString(dir.resolve("f" + i + ".log"), "log " + d + "/" + i);
      }
    }
    CommandsEndToEndTest.ok(s3.run("mb", "s3://rec-big"));
    long t0 = System.nanoTime();
    CliRun cp = s3.run("cp", src.toString(), "s3://rec-big/up", "--recursive", "--exclude", "*.log",
        "--include", "d7/*.log", "--parallel", "16", "--quiet");
    long uploadMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(cp.exitCode()).as(cp.toString()).isZero();
    assertThat(cp.out()).isEmpty();
    Set<String> uploaded = keys("s3://rec-big/up/");
    assertThat(uploaded).hasSize(1000 + 50);
    assertThat(uploaded).contains("up/d0/f0.txt", "up/d19/f49.txt", "up/d7/f3.log").doesNotContain("up/d8/f3.log");
    System.out.println("recursive upload of 1,050 of 2,000 files: " + uploadMs + " ms");

    Path back = tmp.resolve("back");
    CliRun down = s3.run("cp", "s3://rec-big/up/", back.toString(), "--recursive", "--include", "*", "--exclude", "d1*");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    try (Stream<Path> files = Files.walk(back)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1050 - 11 * 50 + 0);
    }
    assertThat(Files.readString(back.resolve("d7/f3.log"))).isEqualTo("log 7/3");
    assertThat(back.resolve("d12")).doesNotExist();
  }

  @Test
  void syncTwiceCopiesNothingTheSecondTime() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("site"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(src.resolve("p" + i + ".html"), "<p>" + i + "</p>");
    }
    Files.createDirectory(src.resolve("css"));
    Files.writeString(src.resolve("css/a.css"), "a{}");
    CommandsEndToEndTest.ok(s3.run("mb", "s3://rec-sync"));

    CliRun first = s3.run("sync", src.toString(), "s3://rec-sync/site");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out().lines()).hasSize(31).allMatch(l -> l.startsWith("upload: "));
    CliRun second = s3.run("sync", src.toString(), "s3://rec-sync/site");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).isEmpty();

    Files.writeString(src.resolve("p3.html"), "<p>changed and longer</p>");
    Files.delete(src.resolve("p4.html"));
    CliRun dry = s3.run("sync", src.toString(), "s3://rec-sync/site", "--delete", "--dry-run", "--json");
    assertThat(CommandsEndToEndTest.jsonLines(dry.out())).containsExactly(
        Map.of("op", "upload", "source", src.resolve("p3.html").toString(), "target", "s3://rec-sync/site/p3.html",
            "size", 25L, "dry_run", true),
        Map.of("op", "delete", "target", "s3://rec-sync/site/p4.html", "dry_run", true));
    assertThat(keys("s3://rec-sync/site/")).contains("site/p4.html");
    CliRun third = s3.run("sync", src.toString(), "s3://rec-sync/site", "--delete");
    assertThat(third.out()).isEqualTo("upload: " + src.resolve("p3.html") + " to s3://rec-sync/site/p3.html\n"
        + "delete: s3://rec-sync/site/p4.html\n");
    assertThat(s3.run("sync", src.toString(), "s3://rec-sync/site", "--delete").out()).isEmpty();

    Path copy = tmp.resolve("copy");
    CliRun down = s3.run("sync", "s3://rec-sync/site", copy.toString());
    assertThat(down.out().lines()).hasSize(30).allMatch(l -> l.startsWith("download: "));
    assertThat(s3.run("sync", "s3://rec-sync/site", copy.toString()).out()).isEmpty();
    assertThat(s3.run("sync", "s3://rec-sync/site", copy.toString(), "--checksum").out()).isEmpty();
    assertThat(Files.readString(copy.resolve("p3.html"))).isEqualTo("<p>changed and longer</p>");

    CliRun s3ToS3 = s3.run("sync", "s3://rec-sync/site", "s3://rec-sync/mirror", "--size-only");
    assertThat(s3ToS3.out().lines()).hasSize(30).allMatch(l -> l.startsWith("copy: "));
    assertThat(s3.run("sync", "s3://rec-sync/site", "s3://rec-sync/mirror", "--size-only").out()).isEmpty();
  }

  @Test
  void partialFailureExitsThreeWithASummary() throws IOException {
    Path src = Files.createDirectory(tmp.resolve("mixed"));
    Files.createDirectory(src.resolve("bad"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(src.resolve("ok" + i + ".txt"), "ok");
    }
    Files.writeString(src.resolve("bad/x.txt"), "x");
    Files.writeString(src.resolve("bad/y.txt"), "y");
    CommandsEndToEndTest.ok(s3.run("mb", "s3://rec-partial"));
    s3.server.faultRules(FaultRules.parse(
        "[{\"method\": \"PUT\", \"path\": \"/rec-partial/bad/**\", \"action\": \"error\", \"code\": \"AccessDenied\"}]"));
    try {
      CliRun cp = s3.run("cp", src.toString(), "s3://rec-partial/", "--recursive");
      assertThat(cp.exitCode()).as(cp.toString()).isEqualTo(ExitCodes.PARTIAL);
      assertThat(cp.out().lines()).hasSize(3);
      List<String> err = cp.err().lines().toList();
      assertThat(err).hasSize(3);
      assertThat(err.get(2)).isEqualTo("s3wire: 2 of 5 failed (3 done)");
      assertThat(err.subList(0, 2)).allMatch(l -> l.startsWith("s3wire: copy failed: " + src.resolve("bad"))
          && l.contains("AccessDenied"));
      assertThat(keys("s3://rec-partial")).containsExactly("ok0.txt", "ok1.txt", "ok2.txt");
    } finally {
      s3.server.clearFaultRules();
    }
  }

  @Test
  void serveStartsTheServerACommandCanUse() throws IOException {
    Path data = tmp.resolve("data");
    io.s3wire.server.ServeOptions r = new io.s3wire.server.ServeOptions(data, "127.0.0.1", 0, false,
        io.s3wire.http.TlsProvider.JDK, List.of("h2", "http/1.1"), "s3", null, "serve-key", "serve-secret-0123456789",
        false, null, null, null);
    StringWriter text = new StringWriter();
    try (S3Server server = ServeCommand.start(r, new PrintWriter(text))) {
      assertThat(text.toString()).startsWith("s3wire server listening on " + server.endpoint() + "\n")
          .contains("  access key:  serve-key\n").contains("  secret key:  (as given)\n")
          .endsWith("Ctrl-C stops the server.\n").doesNotContain("serve-secret-0123456789");
      Map<String, String> env = Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", "serve-key",
          "AWS_SECRET_ACCESS_KEY", "serve-secret-0123456789");
      CliRun mb = CliRun.run(env, "mb", "s3://served", "--endpoint", server.endpoint().toString());
      assertThat(mb.exitCode()).as(mb.toString()).isZero();
      CliRun ls = CliRun.run(env, "ls", "--endpoint", server.endpoint().toString(), "--http", "2");
      assertThat(ls.out()).endsWith("  served\n");
    }
    try (Stream<Path> files = Files.walk(data)) {
      assertThat(files.anyMatch(p -> p.toString().contains("served"))).isTrue();
    }
  }

  @Test
  void stdinUploadIsReadAsBytes() {
    CommandsEndToEndTest.ok(s3.run("mb", "s3://rec-bytes"));
    byte[] bytes = "é\u0000\u00ff binary".getBytes(StandardCharsets.ISO_8859_1);
    CommandsEndToEndTest.ok(s3.runWithStreams(bytes, "cp", "-", "s3://rec-bytes/b").run());
    assertThat(s3.runWithStreams(new byte[0], "cat", "s3://rec-bytes/b").stdout()).isEqualTo(bytes);
  }
}
