package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Small object requests on the memory store run on the event loop once their body is in hand; the
 * answers stay in order and whole whatever path a request takes (inline, a large GET's body sent
 * from a worker, a body that arrives after its head).
 */
@Timeout(30)
class InlineRequestsTest {
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

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static void put(String key, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("PUT /bucket/" + key + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
          + "\r\n\r\n"));
      s.getOutputStream().write(body);
      assertThat(PipeliningTest.response(s.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void manyPipelinedRequestsInOneWriteAreAnsweredInOrder() throws Exception {
    put("small", ascii("tiny"));
    put("other", ascii("other"));
    StringBuilder requests = new StringBuilder();
    int n = 100;
    for (int i = 0; i < n; i++) {
      requests.append("GET /bucket/").append(i % 2 == 0 ? "small" : "other").append(" HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii(requests.toString()));
      InputStream in = s.getInputStream();
      for (int i = 0; i < n; i++) {
        String r = PipeliningTest.response(in);
        assertThat(r).as("response %d", i).startsWith("HTTP/1.1 200 OK").doesNotContainIgnoringCase("connection: close");
        assertThat(r).as("response %d", i).endsWith(i % 2 == 0 ? "\r\n\r\ntiny" : "\r\n\r\nother");
      }
    }
  }

  @Test
  void aLargeGetBetweenSmallOnesIsWholeAndInOrder() throws Exception {
    byte[] large = new byte[300 * 1024];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) ('a' + i % 26);
    }
    put("large", large);
    put("one", ascii("first"));
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("GET /bucket/one HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /bucket/large HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /bucket/one HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nfirst");
      String r = PipeliningTest.response(in);
      assertThat(r).startsWith("HTTP/1.1 200 OK");
      byte[] got = r.substring(r.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
      assertThat(Arrays.equals(got, large)).as("the large body came back whole").isTrue();
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nfirst");
    }
  }

  @Test
  void aBodyThatFollowsItsHeadInALaterWriteIsStored() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      out.write(ascii("PUT /bucket/late HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf"));
      out.flush();
      out.write(ascii("-later"));
      out.flush();
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 200 OK");
      out.write(ascii("GET /bucket/late HTTP/1.1\r\nHost: x\r\n\r\n"));
      assertThat(PipeliningTest.response(in)).endsWith("\r\n\r\nhalf-later");
    }
  }

  @Test
  void anErrorOnTheLoopIsTypedAndKeepsTheConnection() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(ascii("GET /bucket/absent HTTP/1.1\r\nHost: x\r\n\r\n"
          + "PUT /nobucket/k HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
          + "DELETE /bucket/absent HTTP/1.1\r\nHost: x\r\n\r\n"));
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 404").contains("<Code>NoSuchKey</Code>");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 404").contains("<Code>NoSuchBucket</Code>");
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 204");
    }
  }
}
