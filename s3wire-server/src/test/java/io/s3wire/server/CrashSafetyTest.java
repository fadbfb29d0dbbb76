package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server in a child JVM is killed with SIGKILL in the middle of a large upload: no partial object
 * is ever visible, and the store reopens with every earlier object intact.
 */
@Tag("slow")
@Timeout(180)
class CrashSafetyTest {
  @TempDir
  Path dir;

  @Test
  void sigkillDuringLargeUploadLeavesNoVisibleObject() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashServerMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      int port = -1;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("PORT ")) {
          port = Integer.parseInt(line.substring(5).trim());
          break;
        }
      }
      assertThat(port).isPositive();
      List<String> earlier = new ArrayList<>();
      try (Socket s = new Socket("127.0.0.1", port)) {
        OutputStream o = s.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        o.write("PUT /bucket HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        o.flush();
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      }
      for (int i = 0; i < 5; i++) {
        String key = "earlier-" + i;
        byte[] body = ("object " + i).repeat(1000).getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket("127.0.0.1", port)) {
          OutputStream o = s.getOutputStream();
          o.write(("PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          o.write(body);
          o.flush();
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
          assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
        earlier.add(key);
      }
      long declared = 1L << 30;
      try (Socket s = new Socket("127.0.0.1", port)) {
        OutputStream o = s.getOutputStream();
        o.write(("PUT /bucket/large HTTP/1.1\r\nHost: x\r\nContent-Length: " + declared + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 200; i++) {
          o.write(chunk);
        }
        o.flush();
        // 200 MiB of 1 GiB are in; the server is mid-write. SIGKILL (destroyForcibly on Linux).
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
        assertThat(tmp.count()).as("the killed upload's temp file is still there before reopen").isEqualTo(1);
      }
      try (ObjectStore reopened = ObjectStore.file(dir)) {
        assertThatThrownBy(() -> reopened.headObject("bucket", "large")).isInstanceOfSatisfying(S3ErrorException.class,
            e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_KEY));
        List<String> keys = new ArrayList<>();
        reopened.listObjects("bucket", "", "").forEachRemaining(o -> keys.add(o.key()));
        assertThat(keys).containsExactlyElementsOf(earlier);
        for (int i = 0; i < 5; i++) {
          ObjectInfo info = reopened.headObject("bucket", "earlier-" + i);
          assertThat(info.size()).isEqualTo(("object " + i).repeat(1000).length());
        }
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
          assertThat(tmp).isEmpty();
        }
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
