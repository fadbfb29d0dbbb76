package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An HTTP/1.1 connection waiting for its next request is closed after the idle timeout without a
 * warning (an idle client is not an abuser); a partial request head that stalls is still closed as
 * slowloris after the request-head timeout, with one.
 */
@Timeout(30)
class IdleConnectionTest {
  static final Logger SERVER_LOG = Logger.getLogger("io.s3wire.server");

  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Level previousLevel;
  S3Server server;

  @BeforeEach
  void start() throws Exception {
    previousLevel = SERVER_LOG.getLevel();
    SERVER_LOG.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    SERVER_LOG.addHandler(capture);
    server = S3Server.builder().anonymous(true).limits(ServerLimits.defaults().withTimeouts(Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofMillis(800), Duration.ofMillis(300), Duration.ofSeconds(20))).start();
    server.store().createBucket("bucket");
  }

  @AfterEach
  void stop() {
    server.close();
    SERVER_LOG.removeHandler(capture);
    SERVER_LOG.setLevel(previousLevel);
  }

  private static String text(LogRecord r) {
    return new java.text.MessageFormat(r.getMessage(), java.util.Locale.ROOT).format(r.getParameters());
  }

  private List<String> warnings() {
    return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(IdleConnectionTest::text).toList();
  }

  /** Blocks until the server closes the connection; returns everything it sent. */
  private static String readToEnd(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedQuietlyAfterTheIdleTimeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream o = s.getOutputStream();
      o.write("GET /bucket HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      // The response, then nothing more: the server closes the idle connection.
      String all = readToEnd(s);
      assertThat(all).startsWith("HTTP/1.1 200 OK").contains("</ListBucketResult>").doesNotContain("connection: close");
    }
    assertThat(warnings()).isEmpty();
    assertThat(logged).anySatisfy(r -> assertThat(text(r)).endsWith(": idle, closing"));
  }

  @Test
  void aConnectionThatNeverSendsIsClosedQuietly() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aStalledPartialHeadAfterARequestIsStillSlowloris() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream o = s.getOutputStream();
      o.write("GET /bucket HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      InputStream in = s.getInputStream();
      byte[] first = new byte[12];
      assertThat(in.readNBytes(first, 0, 12)).isEqualTo(12);
      assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
      o.write("GET /bucket HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      o.flush();
      readToEnd(s);
    }
    assertThat(warnings()).singleElement().asString()
        .endsWith(": no complete request head within PT0.3S of its first byte; closing");
  }
}
