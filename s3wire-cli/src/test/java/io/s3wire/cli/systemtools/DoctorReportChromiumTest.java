package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.cli.doctor.DoctorEngine;
import io.s3wire.cli.doctor.DoctorOptions;
import io.s3wire.cli.doctor.DoctorReport;
import io.s3wire.cli.doctor.HtmlRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's HTML report renders in headless Chromium (Debian's {@code chromium}): a screenshot is
 * taken, and the DOM Chromium built has the matrix and at least one sequence diagram of a failing
 * cell. The report comes from the default run (embedded server, gcs profile), which always has
 * failing HTTP/2 cells.
 */
@Tag("system-tools")
@Timeout(180)
class DoctorReportChromiumTest {
  @TempDir Path dir;

  @Test
  void reportRendersWithMatrixAndDiagrams() throws Exception {
    Path chromium = SystemTool.find("chromium") != null ? SystemTool.require("chromium") : SystemTool.require("chromium-browser");
    DoctorReport report = new DoctorEngine(Map.of("HOME", dir.toString()), Clock.systemUTC())
        .run(new DoctorOptions(null, null, null, null, null, false, null, null));
    Path html = dir.resolve("report.html");
    Files.writeString(html, HtmlRenderer.render(report), StandardCharsets.UTF_8);

    Path png = dir.resolve("report.png");
    run(dir.resolve("screenshot.log"), chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("profile-shot"), "--window-size=1400,2400", "--screenshot=" + png,
        html.toUri().toString());
    byte[] image = Files.readAllBytes(png);
    assertThat(image.length).isGreaterThan(10_000);
    assertThat(new byte[] {image[1], image[2], image[3]}).isEqualTo("PNG".getBytes(StandardCharsets.US_ASCII));

    Path dom = dir.resolve("dom.html");
    run(dom, chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("profile-dom"), "--dump-dom", html.toUri().toString());
    String rendered = Files.readString(dom, StandardCharsets.UTF_8);
    assertThat(rendered).contains("<table id=\"matrix\">");
    assertThat(rendered).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\"");
    assertThat(rendered).contains("[host-header-reset]");
  }

  /** Runs Chromium to completion with its output in {@code out}; fails on a non-zero exit. */
  private static void run(Path out, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(false)
        .redirectOutput(out.toFile()).redirectError(out.resolveSibling(out.getFileName() + ".err").toFile()).start();
    try {
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
      assertThat(p.exitValue()).as(() -> "chromium exit code; stderr: " + readQuietly(out.resolveSibling(out.getFileName() + ".err")))
          .isZero();
    } finally {
      SystemTool.stop(p);
    }
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
