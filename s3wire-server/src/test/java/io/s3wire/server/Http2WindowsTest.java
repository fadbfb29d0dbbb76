package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The flow-control credit the server grants uploads over HTTP/2: its SETTINGS announce the
 * configured stream window and its first connection WINDOW_UPDATE twice that beyond 65,535.
 */
@Timeout(30)
class Http2WindowsTest {
  private static int setting(RawH2Client.Frame settings, int id) {
    ByteBuffer b = ByteBuffer.wrap(settings.payload());
    while (b.remaining() >= 6) {
      int key = b.getShort() & 0xffff;
      int value = b.getInt();
      if (key == id) {
        return value;
      }
    }
    throw new AssertionError("setting " + id + " not in the server's SETTINGS");
  }

  private static void assertWindows(ServerLimits limits, int streamWindow) throws Exception {
    try (S3Server server = S3Server.builder().anonymous(true).limits(limits).start();
        RawH2Client c = new RawH2Client(server.port())) {
      RawH2Client.Frame update = c.await(RawH2Client.WINDOW_UPDATE, 0);
      assertThat(update).as("the server's connection WINDOW_UPDATE").isNotNull();
      // The server's SETTINGS come first; the client answered them on the way.
      assertThat(setting(c.peerSettings(), 4)).as("SETTINGS_INITIAL_WINDOW_SIZE").isEqualTo(streamWindow);
      assertThat(ByteBuffer.wrap(update.payload()).getInt() & 0x7fffffff).isEqualTo(2 * (streamWindow - 65_535));
    }
  }

  @Test
  void theDefaultWindowsLetAnUploadFillALinkWithTensOfMillisecondsOfRoundTrip() throws Exception {
    assertWindows(ServerLimits.defaults(), 4 << 20);
  }

  @Test
  void configuredWindowsAreAnnounced() throws Exception {
    ServerLimits d = ServerLimits.defaults();
    ServerLimits small = new ServerLimits(d.maxConcurrentStreams(), d.maxHeaderListSize(), 256 * 1024,
        d.maxFrameSize(), d.maxReceivedRstFrames(), d.maxSentRstFrames(), d.rstWindow(),
        d.maxSmallContinuationFrames(), d.maxConsecutiveEmptyDataFrames(), d.maxQueuedControlFrames(),
        d.maxRequestBodyBytes(), d.maxInitialLineLength(), d.maxHeaderSize(), d.readTimeout(), d.writeTimeout(),
        d.idleTimeout(), d.requestHeadTimeout(), d.streamDeadline(), d.gracefulShutdownTimeout());
    assertWindows(small, 256 * 1024);
  }
}
