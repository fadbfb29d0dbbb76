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
 * or version is ever visible, and the store reopens with every earlier object and version intact.
 */
@Tag("slow")
@Timeout(180)
class CrashSafetyTest {
  @TempDir
  Path dir;

  @Test
  void sigkillDuringLargeUploadLeavesNoVisibleObject() throws Exception {
    Process child = startChild();
    try {
      int port = port(child);
      assertThat(request(port, "PUT /bucket", new byte[0])).isEqualTo("HTTP/1.1 200 OK");
      List<String> earlier = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String key = "earlier-" + i;
        byte[] body = ("object " + i).repeat(1000).getBytes(StandardCharsets.US_ASCII);
        assertThat(request(port, "PUT /bucket/" + key, body)).isEqualTo("HTTP/1.1 200 OK");
        earlier.add(key);
      }
      killDuringLargeUpload(child, port, "large");
      try (ObjectStore reopened = ObjectStore.file(dir)) {
        assertThatThrownBy(() -> reopened.headObject("bucket", "large")).isInstanceOfSatisfying(S3ErrorException.class,
            e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_KEY));
        List<String> keys = new ArrayList<>();
        reopened.listObjects("bucket", "", "").forEachRemaining(o -> keys.add(o.key()));
        assertThat(keys).containsExactlyElementsOf(earlier);
        for (int i = 0; i < 5; i++) {
          StoredObject info = reopened.headObject("bucket", "earlier-" + i);
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

  @Test
  void sigkillDuringNewVersionLeavesEveryEarlierVersion() throws Exception {
    Process child = startChild();
    try {
      int port = port(child);
      assertThat(request(port, "PUT /bucket", new byte[0])).isEqualTo("HTTP/1.1 200 OK");
      byte[] enable = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
          .getBytes(StandardCharsets.US_ASCII);
      assertThat(request(port, "PUT /bucket?versioning", enable)).isEqualTo("HTTP/1.1 200 OK");
      for (int i = 1; i <= 3; i++) {
        assertThat(request(port, "PUT /bucket/k", "v".repeat(i).getBytes(StandardCharsets.US_ASCII)))
            .isEqualTo("HTTP/1.1 200 OK");
      }
      killDuringLargeUpload(child, port, "k");
      try (ObjectStore reopened = ObjectStore.file(dir)) {
        List<Long> sizes = new ArrayList<>();
        reopened.listVersions("bucket", "", "", "").forEachRemaining(v -> sizes.add(v.object().size()));
        assertThat(sizes).containsExactly(3L, 2L, 1L);
        assertThat(reopened.versioning("bucket")).isEqualTo(BucketVersioning.ENABLED);
        assertThat(reopened.headObject("bucket", "k").size()).isEqualTo(3);
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
          assertThat(tmp).isEmpty();
        }
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private Process startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashServerMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
  }

  private static int port(Process child) throws Exception {
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
    return port;
  }

  /** Sends {@code requestLine} with {@code body} on a fresh connection; returns the status line. */
  private static String request(int port, String requestLine, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream o = s.getOutputStream();
      o.write((requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      o.write(body);
      o.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    }
  }

  /** Kills the child with SIGKILL while 200 MiB of a declared 1 GiB PUT of {@code key} are in. */
  private void killDuringLargeUpload(Process child, int port, String key) throws Exception {
    long declared = 1L << 30;
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream o = s.getOutputStream();
      o.write(("PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + declared + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        o.write(chunk);
      }
      o.flush();
      // The server is mid-write. SIGKILL (destroyForcibly on Linux).
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
      assertThat(tmp.count()).as("the killed upload's temp file is still there before reopen").isEqualTo(1);
    }
  }
}
