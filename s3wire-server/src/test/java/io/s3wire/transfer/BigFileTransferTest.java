package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5 GiB file up and down through the transfer manager in a forked JVM with {@code -Xmx256m}: memory
 * is bounded by configuration, not object size. Long: runs only with {@code -Pslow} (tag {@code slow}).
 */
@Tag("slow")
@Tag("long")
class BigFileTransferTest {
  static final long FIVE_GIB = 5L * 1024 * 1024 * 1024;

  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void fiveGibUpAndDownWithASmallHeap(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:MaxDirectMemorySize=128m",
        "-Dio.netty.leakDetection.level=disabled", "-cp", System.getProperty("java.class.path"),
        BigFileTransferMain.class.getName(), Long.toString(FIVE_GIB), dir.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        System.out.println(line);
        out.add(line);
      }
    }
    if (!p.waitFor(35, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
    assertThat(out).anyMatch(l -> l.startsWith("UPLOAD " + FIVE_GIB + " bytes 640 parts"))
        .anyMatch(l -> l.startsWith("DOWNLOAD " + FIVE_GIB + " bytes")).contains("COMPARE ok");
  }
}
