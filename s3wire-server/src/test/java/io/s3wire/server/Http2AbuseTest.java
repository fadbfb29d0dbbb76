package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.error.Http2ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP/2 abuse: the offending connection gets GOAWAY with the right code and is closed; the
 * server stays up and another connection, open all along, keeps working.
 */
@Timeout(60)
class Http2AbuseTest {
  S3Server server;
  RawH2Client bystander;

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().anonymous(true)
        .limits(ServerLimits.defaults().withHttp2(128, 16 * 1024, 100, 100, 16, 500)).start();
    server.store().createBucket("bucket");
    bystander = new RawH2Client(server.port());
    assertThat(bystander.status(1, "/bucket")).isEqualTo("200");
  }

  @AfterEach
  void stop() throws Exception {
    // The other connection was never disturbed.
    assertThat(bystander.status(3, "/bucket")).isEqualTo("200");
    bystander.close();
    try (RawH2Client fresh = new RawH2Client(server.port())) {
      assertThat(fresh.status(1, "/bucket")).isEqualTo("200");
    }
    server.close();
  }

  private static RawH2Client.Frame goAway(RawH2Client c) throws IOException {
    RawH2Client.Frame g = c.await(RawH2Client.GOAWAY, 0);
    assertThat(g).as("GOAWAY").isNotNull();
    assertThat(c.isClosedByServer()).as("connection closed after GOAWAY").isTrue();
    return g;
  }

  @Test
  void rapidResetGetsEnhanceYourCalm() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      byte[] head = c.encode(1, RawH2Client.request("GET", "/bucket"));
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      for (int id = 1; id < 2 * 1000; id += 2) {
        burst.write(RawH2Client.frameBytes(RawH2Client.HEADERS, 0x5, id, head));
        burst.write(RawH2Client.frameBytes(RawH2Client.RST_STREAM, 0, id, new byte[] {0, 0, 0, 8}));
      }
      try {
        c.raw(burst.toByteArray());
      } catch (IOException closedMidBurst) {
        // The server may close before the whole burst is written.
      }
      assertThat(goAway(c).errorCode()).isEqualTo(Http2ErrorCode.ENHANCE_YOUR_CALM.code());
    }
  }

  @Test
  void continuationFloodGetsGoAway() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      ByteArrayOutputStream flood = new ByteArrayOutputStream();
      byte[] head = c.encode(1, RawH2Client.request("GET", "/bucket"));
      flood.write(RawH2Client.frameBytes(RawH2Client.HEADERS, 0x1, 1, head));
      for (int i = 0; i < 10_000; i++) {
        flood.write(RawH2Client.frameBytes(RawH2Client.CONTINUATION, 0, 1, new byte[0]));
      }
      try {
        c.raw(flood.toByteArray());
      } catch (IOException closedMidFlood) {
        // expected once the server gives up on the connection
      }
      assertThat(goAway(c).errorCode()).isEqualTo(Http2ErrorCode.ENHANCE_YOUR_CALM.code());
    }
  }

  @Test
  void oversizedHeaderBlockGetsGoAway() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port())) {
      byte[] block = c.encode(1, RawH2Client.request("GET", "/bucket", "x-big", "v".repeat(100_000)));
      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      int chunk = 16_384;
      for (int off = 0; off < block.length; off += chunk) {
        int n = Math.min(chunk, block.length - off);
        byte[] part = java.util.Arrays.copyOfRange(block, off, off + n);
        boolean last = off + n >= block.length;
        int type = off == 0 ? RawH2Client.HEADERS : RawH2Client.CONTINUATION;
        int flags = (last ? 0x4 : 0) | (off == 0 ? 0x1 : 0);
        frames.write(RawH2Client.frameBytes(type, flags, 1, part));
      }
      try {
        c.raw(frames.toByteArray());
      } catch (IOException closed) {
        // expected
      }
      RawH2Client.Frame g = goAway(c);
      assertThat(Http2ErrorCode.of(g.errorCode())).isIn(Http2ErrorCode.PROTOCOL_ERROR, Http2ErrorCode.ENHANCE_YOUR_CALM);
    }
  }

  /** Slow under PARANOID leak detection: the server records a trace for each of ~10^5 PING ACKs it writes. */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  @Timeout(300)
  void pingFloodFromAClientThatDoesNotReadGetsGoAway() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port(), 4096)) {
      ByteArrayOutputStream pings = new ByteArrayOutputStream();
      for (int i = 0; i < 20_000; i++) {
        pings.write(RawH2Client.frameBytes(RawH2Client.PING, 0, 0, new byte[8]));
      }
      byte[] burst = pings.toByteArray();
      boolean closed = false;
      for (int round = 0; round < 500 && !closed; round++) {
        try {
          c.raw(burst);
        } catch (IOException e) {
          closed = true;
        }
      }
      // The server closed the connection because its PING ACKs piled up unread (ENHANCE_YOUR_CALM).
      assertThat(closed).isTrue();
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  @Timeout(300)
  void settingsFloodFromAClientThatDoesNotReadGetsClosed() throws Exception {
    try (RawH2Client c = new RawH2Client(server.port(), 4096)) {
      ByteArrayOutputStream settings = new ByteArrayOutputStream();
      for (int i = 0; i < 20_000; i++) {
        settings.write(RawH2Client.frameBytes(RawH2Client.SETTINGS, 0, 0, new byte[] {0, 4, 0, 1, 0, 0}));
      }
      byte[] burst = settings.toByteArray();
      boolean closed = false;
      for (int round = 0; round < 500 && !closed; round++) {
        try {
          c.raw(burst);
        } catch (IOException e) {
          closed = true;
        }
      }
      assertThat(closed).isTrue();
    }
  }
}
