package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HTTP/1.1 requests sent back to back on one connection, before their answers, are answered in order. */
@Timeout(30)
class PipeliningTest {
  static S3Server server;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String put(String key, String body) {
    return "PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /** Reads one response head (up to its blank line), nothing after it. */
  static String head(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("connection ended inside a response head: " + head).isNotNegative();
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads one response: head, then as many body bytes as its content-length says. */
  static String response(InputStream in) throws Exception {
    String h = head(in);
    Matcher m = Pattern.compile("(?i)content-length: (\\d+)").matcher(h);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return h + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }

  @Test
  void requestsWithBodiesSentTogetherAreEachAnsweredWithTheirOwnBody() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      // All in one write: the second and third requests arrive while the first is still being handled.
      String requests = put("a", "first body") + put("b", "second body") + put("c", "third")
          + "GET /bucket/b HTTP/1.1\r\nHost: x\r\n\r\n";
      s.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 3; i++) {
        assertThat(response(in)).as("PUT %d", i + 1).startsWith("HTTP/1.1 200 OK");
      }
      assertThat(response(in)).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\nsecond body");
    }
    try (ObjectContent c = server.store().getObject("bucket", "c", 0, server.store().headObject("bucket", "c").size());
        InputStream in = c.newInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("third");
    }
  }

  /**
   * A bodiless request's end reaches the server after its head went to a worker; answering first
   * must not make the server close a connection the client wants to keep.
   */
  @Test
  void bodilessRequestsAnsweredAtOnceKeepTheConnection() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      for (int i = 0; i < 300; i++) {
        s.getOutputStream().write("HEAD /bucket HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        String head = response(in);
        assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("connection: close");
      }
    }
  }
}
