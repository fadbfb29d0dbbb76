package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.testing.Pattern;
import io.s3wire.testing.TestHttpServer;
import io.s3wire.wire.WireEvent;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP/2 flow-control windows the client grants: what its SETTINGS and its first connection
 * WINDOW_UPDATE announce, that a body many windows long still arrives whole, and which values the
 * builder refuses.
 */
@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(io.s3wire.testing.LeakCheck.class)
class Http2WindowSettingsTest {
  private static List<WireEvent> sentBeforeTheFirstRequest(TransportConfig.Builder config, String path, long length)
      throws Exception {
    List<WireEvent> events = new CopyOnWriteArrayList<>();
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(config.versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri(path)), events::add).get(30, TimeUnit.SECONDS);
          InputStream in = r.body().stream()) {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[8192];
        long n = 0;
        for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
          crc.update(buf, 0, k);
          n += k;
        }
        assertThat(n).isEqualTo(length);
        assertThat(crc.getValue()).isEqualTo(Pattern.crc(length));
      }
    }
    // Frames sent before the request's HEADERS, but for the acknowledgement of the server's SETTINGS.
    List<WireEvent> sent = events.stream().filter(e -> e instanceof WireEvent.Http2Frame f
        && f.direction() == WireEvent.Direction.SENT && !(e instanceof WireEvent.SettingsFrame sf && sf.ack()))
        .toList();
    int firstHeaders = sent.indexOf(sent.stream().filter(WireEvent.HeadersFrame.class::isInstance).findFirst()
        .orElseThrow());
    return sent.subList(0, firstHeaders);
  }

  @Test
  void theConfiguredWindowsAreWhatTheClientAnnounces() throws Exception {
    List<WireEvent> opening = sentBeforeTheFirstRequest(TransportConfig.builder()
        .http2InitialStreamWindow(3 << 20).http2InitialConnectionWindow(40 << 20), "/bytes/1000", 1000);
    assertThat(opening).hasSize(2);
    assertThat(((WireEvent.SettingsFrame) opening.get(0)).settings())
        .containsEntry("SETTINGS_INITIAL_WINDOW_SIZE", (long) (3 << 20));
    WireEvent.WindowUpdateFrame update = (WireEvent.WindowUpdateFrame) opening.get(1);
    assertThat(update.streamId()).isZero();
    assertThat(update.increment()).isEqualTo((40 << 20) - 65_535);
  }

  @Test
  void theDefaultsCoverAFastLinkWithTensOfMillisecondsOfRoundTrip() {
    TransportConfig c = TransportConfig.builder().build();
    assertThat(c.http2InitialStreamWindow()).isEqualTo(16 << 20);
    assertThat(c.http2InitialConnectionWindow()).isEqualTo(64 << 20);
  }

  @Test
  void theSmallestWindowsAnnounceNoConnectionUpdateAndStillCarryALongBody() throws Exception {
    // 4 MiB through 64 KiB windows: dozens of WINDOW_UPDATEs on the stream and the connection, in step.
    List<WireEvent> opening = sentBeforeTheFirstRequest(TransportConfig.builder()
        .http2InitialStreamWindow(65_535).http2InitialConnectionWindow(65_535), "/bytes/" + (4 << 20), 4 << 20);
    assertThat(opening).singleElement().isInstanceOfSatisfying(WireEvent.SettingsFrame.class,
        f -> assertThat(f.settings()).containsEntry("SETTINGS_INITIAL_WINDOW_SIZE", 65_535L));
  }

  @Test
  void aConnectionWindowBelowTheStreamWindowStillCarriesALongBody() throws Exception {
    List<WireEvent> opening = sentBeforeTheFirstRequest(TransportConfig.builder()
        .http2InitialStreamWindow(1 << 20).http2InitialConnectionWindow(300_000), "/bytes/" + (3 << 20), 3 << 20);
    assertThat(opening).hasSize(2);
    assertThat(((WireEvent.WindowUpdateFrame) opening.get(1)).increment()).isEqualTo(300_000 - 65_535);
  }

  @Test
  void windowsBelowTheProtocolsDefaultAreRefusedByName() {
    assertThatThrownBy(() -> TransportConfig.builder().http2InitialStreamWindow(65_534))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("http2InitialStreamWindow must be at least 65535, was 65534");
    assertThatThrownBy(() -> TransportConfig.builder().http2InitialConnectionWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("http2InitialConnectionWindow must be at least 65535, was 0");
    assertThatThrownBy(() -> TransportConfig.builder().http2InitialStreamWindow(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("http2InitialStreamWindow must be at least 65535, was -1");
  }
}
