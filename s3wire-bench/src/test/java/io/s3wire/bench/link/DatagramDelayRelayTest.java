package io.s3wire.bench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The datagram delay relay carries every datagram, whole and in order, both ways, and keeps each
 * client's flow apart. Behind it a UDP echo server on an OS-chosen port. No timing assertions: the
 * delay itself is the bench's to show.
 */
@Timeout(120)
class DatagramDelayRelayTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private DatagramSocket echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    threads.submit(() -> {
      byte[] buf = new byte[65536];
      while (!echo.isClosed()) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          echo.receive(p);
          echo.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
        } catch (SocketException closed) {
          return null;
        }
      }
      return null;
    });
  }

  @AfterEach
  void stop() throws Exception {
    echo.close();
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private InetSocketAddress echoAddress() {
    return new InetSocketAddress("127.0.0.1", echo.getLocalPort());
  }

  /** Sends {@code count} datagrams tagged {@code tag} through the relay; returns what came back, in order. */
  private static List<String> roundTrips(DatagramDelayRelay relay, DatagramSocket client, String tag, int count)
      throws IOException {
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", relay.port());
    for (int i = 0; i < count; i++) {
      byte[] b = (tag + "-" + i + "-" + "x".repeat(i * 10)).getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(b, b.length, to));
    }
    List<String> got = new ArrayList<>();
    byte[] buf = new byte[65536];
    for (int i = 0; i < count; i++) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      client.receive(p);
      assertThat(p.getPort()).as("replies come from the relay's port").isEqualTo(relay.port());
      got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII));
    }
    return got;
  }

  private static List<String> expected(String tag, int count) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      l.add(tag + "-" + i + "-" + "x".repeat(i * 10));
    }
    return l;
  }

  private static DatagramSocket client() throws SocketException {
    DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    s.setSoTimeout(30_000);
    return s;
  }

  @Test
  void carriesEveryDatagramWholeAndInOrderBothWays() throws Exception {
    try (DatagramDelayRelay relay = DatagramDelayRelay.start(echoAddress(), Duration.ofMillis(2), 0, 1 << 20);
        DatagramSocket c = client()) {
      assertThat(roundTrips(relay, c, "a", 50)).containsExactlyElementsOf(expected("a", 50));
      assertThat(relay.dropped()).isZero();
    }
  }

  @Test
  void eachClientGetsItsOwnFlowAndOnlyItsOwnReplies() throws Exception {
    try (DatagramDelayRelay relay = DatagramDelayRelay.start(echoAddress(), Duration.ofMillis(1), 64L << 20, 1 << 20);
        DatagramSocket one = client();
        DatagramSocket two = client()) {
      assertThat(roundTrips(relay, one, "one", 20)).containsExactlyElementsOf(expected("one", 20));
      assertThat(roundTrips(relay, two, "two", 20)).containsExactlyElementsOf(expected("two", 20));
      assertThat(roundTrips(relay, one, "again", 5)).containsExactlyElementsOf(expected("again", 5));
    }
  }

  @Test
  void aFullQueueDropsAndCounts() throws Exception {
    // 100 bytes of queue: the first datagram fits, the next ones (sent before it leaves) are dropped.
    try (DatagramDelayRelay relay = DatagramDelayRelay.start(echoAddress(), Duration.ofSeconds(5), 0, 100);
        DatagramSocket c = client()) {
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", relay.port());
      byte[] b = new byte[80];
      for (int i = 0; i < 3; i++) {
        c.send(new DatagramPacket(b, b.length, to));
      }
      // The relay reads the three in order; polling its own counter (bounded) is the only way to see it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (relay.dropped() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(relay.dropped()).isEqualTo(2);
    }
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> DatagramDelayRelay.start(echoAddress(), Duration.ofMillis(-1), 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> DatagramDelayRelay.start(echoAddress(), Duration.ZERO, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue 0 B");
  }
}
