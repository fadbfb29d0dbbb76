package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An HTTP/1.1 answer sent before the request body was read, on a connection the server then closes,
 * reaches the client whole and is followed by an orderly end, not a reset: the server reads and
 * discards what the client still sends (a lingering close) instead of closing with unread bytes, which
 * makes the kernel send RST and can destroy the answer at the client (which then replays the request).
 * Raw sockets, so that the client keeps sending its body after the answer, as a streaming client does.
 */
@Timeout(60)
class LingeringCloseTest {
  /** Above the size the router drains before an early error answer: the answer comes before the body. */
  private static final int DECLARED = 24 << 20;
  static S3Server server;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().start();
    server.store().createBucket("bucket");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static byte[] unsignedPutHead(long length) {
    return ("PUT /bucket/big HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads until the end of the stream; a reset shows as the SocketException it throws. */
  private static int readToEnd(InputStream in) throws IOException {
    int n = 0;
    while (in.read() >= 0) {
      n++;
    }
    return n;
  }

  @Test
  void anEarlyRefusalOfALargePutReachesAClientThatKeepsSendingAndEndsWithoutAReset() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      // The head and the first MiB in one write: the server refuses on the head while the rest of that MiB
      // waits, unread, in its receive buffer; a writer thread then sends the remainder of the declared body.
      byte[] head = unsignedPutHead(DECLARED);
      byte[] first = new byte[head.length + (1 << 20)];
      System.arraycopy(head, 0, first, 0, head.length);
      out.write(first);
      CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
        byte[] chunk = new byte[64 * 1024];
        long sent = 1 << 20;
        try {
          while (sent < DECLARED) {
            int n = (int) Math.min(chunk.length, DECLARED - sent);
            out.write(chunk, 0, n);
            sent += n;
          }
          s.shutdownOutput();
          return sent;
        } catch (IOException e) {
          throw new IllegalStateException("body write failed after " + sent + " bytes: " + e, e);
        }
      });
      InputStream in = s.getInputStream();
      String response = PipeliningTest.response(in);
      assertThat(response).startsWith("HTTP/1.1 403 ").containsIgnoringCase("connection: close")
          .contains("<Code>AccessDenied</Code>");
      assertThat(readToEnd(in)).as("bytes after the response").isZero();
      assertThat(writer.get(20, TimeUnit.SECONDS)).as("body bytes the client could send").isEqualTo(DECLARED);
    }
  }

  @Test
  void aClientThatStopsSendingAfterAnEarlyAnswerSeesTheEndOfTheConnectionAfterIt() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      byte[] head = unsignedPutHead(DECLARED);
      byte[] first = new byte[head.length + (256 << 10)];
      System.arraycopy(head, 0, first, 0, head.length);
      s.getOutputStream().write(first);
      InputStream in = s.getInputStream();
      assertThat(PipeliningTest.response(in)).startsWith("HTTP/1.1 403 ");
      // The socket stays open for writing: the end comes from the server, once it read what was sent.
      assertThat(readToEnd(in)).as("bytes after the response").isZero();
    }
  }
}
