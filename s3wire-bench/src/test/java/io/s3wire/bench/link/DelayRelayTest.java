package io.s3wire.bench.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The delay relay carries every byte, in order, both ways, under backpressure, and never early.
 * Behind it an echo server on an OS-chosen port.
 */
@Timeout(120)
class DelayRelayTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private ServerSocket echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    threads.submit(() -> {
      while (!echo.isClosed()) {
        Socket s = echo.accept();
        threads.submit(() -> {
          try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
          }
          return null;
        });
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

  /** Writes {@code size} patterned bytes through the relay while reading the echo; returns what came back. */
  private byte[] roundTrip(DelayRelay relay, int size) throws Exception {
    byte[] sent = new byte[size];
    for (int i = 0; i < size; i++) {
      sent[i] = (byte) (i * 31 + (i >>> 11));
    }
    try (Socket s = new Socket("127.0.0.1", relay.port())) {
      s.setSoTimeout(60_000);
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
        try {
          OutputStream out = s.getOutputStream();
          for (int off = 0; off < size; off += 8192) {
            out.write(sent, off, Math.min(8192, size - off));
          }
          out.flush();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, threads);
      ByteArrayOutputStream got = new ByteArrayOutputStream(size);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[65536];
      while (got.size() < size) {
        int n = in.read(buf);
        assertThat(n).as("the relay closed after %d of %d bytes", got.size(), size).isPositive();
        got.write(buf, 0, n);
      }
      writing.get(60, TimeUnit.SECONDS);
      assertThat(got.toByteArray()).isEqualTo(sent);
      return got.toByteArray();
    }
  }

  @Test
  void carriesEveryByteBothWaysInOrder() throws Exception {
    try (DelayRelay relay = DelayRelay.start(echoAddress(), Duration.ofMillis(2), 0, 32 << 20, 1)) {
      roundTrip(relay, 8 << 20);
    }
  }

  @Test
  void aSmallQueueAndARateCapStillCarryEverything() throws Exception {
    // 64 KiB in flight per direction at most: the relay must stop reading and resume, many times over.
    try (DelayRelay relay = DelayRelay.start(echoAddress(), Duration.ofMillis(1), 64L << 20, 64 << 10, 2)) {
      roundTrip(relay, 4 << 20);
    }
  }

  @Test
  void aRoundTripTakesAtLeastBothDelays() throws Exception {
    // A lower bound only: a delay line may deliver late on a loaded machine, never early.
    Duration oneWay = Duration.ofMillis(40);
    try (DelayRelay relay = DelayRelay.start(echoAddress(), oneWay, 0, 1 << 20, 1)) {
      roundTrip(relay, 1); // connection set up
      long start = System.nanoTime();
      roundTrip(relay, 1);
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(oneWay.multipliedBy(2).toNanos());
    }
  }

  @Test
  void closingTheClientClosesTheServerSide() throws Exception {
    try (DelayRelay relay = DelayRelay.start(echoAddress(), Duration.ofMillis(5), 0, 1 << 20, 1);
        Socket s = new Socket("127.0.0.1", relay.port())) {
      s.setSoTimeout(60_000);
      s.getOutputStream().write(new byte[] {1, 2, 3});
      assertThat(s.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
      s.shutdownOutput();
      // The echo server sees the end, closes, and the relay passes the close back.
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> DelayRelay.start(echoAddress(), Duration.ofMillis(-1), 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> DelayRelay.start(echoAddress(), Duration.ZERO, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue 0 B");
  }
}
