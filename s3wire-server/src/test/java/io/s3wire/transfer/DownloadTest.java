package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.ObjectInfo;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.FaultRule;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parallel ranged downloads to files and streams, with range edges on and off the upload's part edges. */
@Timeout(120)
class DownloadTest extends TransferFixture {

  /** Uploads {@code size} bytes in 5 MiB parts (or one PUT when {@code multipart} is false). */
  private byte[] put(String name, int size, boolean multipart) throws Exception {
    byte[] data = random(size, size + name.hashCode());
    TransferConfig up = fiveMiBParts().withMultipartThreshold(multipart ? 0 : Long.MAX_VALUE);
    try (TransferManager uploader = TransferManager.create(client, up)) {
      uploader.uploadBytes(key(name), data, null).join();
    }
    return data;
  }

  @ParameterizedTest(name = "{0} bytes, multipart {1}, ranges of {2} MiB, {3}")
  @CsvSource({
    "0, false, 5, HTTP_1_1",
    "1, false, 5, HTTP_1_1",
    "26214407, true, 5, HTTP_1_1",
    "26214407, true, 6, HTTP_1_1",
    "26214407, true, 7, HTTP_2",
    "20971520, true, 5, HTTP_2",
    "13631488, false, 5, HTTP_1_1",
    "13631489, false, 6, HTTP_2"
  })
  void downloadsToAFileByteForByte(int size, boolean multipart, int rangeMiB, HttpVersionPolicy policy) throws Exception {
    start(policy, TransferConfig.defaults().withPartSize((long) rangeMiB * MIB).withMultipartThreshold(MIB).withPartRetry(QUICK));
    byte[] data = put("d", size, multipart);
    Path target = temp.resolve("out.bin");
    Files.write(target, new byte[] {1, 2, 3});
    AtomicLong last = new AtomicLong();
    TransferListener listener = new TransferListener() {
      @Override
      public void onPartCompleted(int partNumber, long partSize, TransferProgress total) {
        last.accumulateAndGet(total.transferredBytes(), Math::max);
      }
    };

    Transfer<ObjectInfo> t = manager.downloadFile(key("d"), target, listener);
    ObjectInfo info = t.join();

    assertThat(info.contentLength()).isEqualTo(size);
    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    assertThat(last.get()).isEqualTo(size);
    long expectedGets = size <= MIB ? 1 : (size + (long) rangeMiB * MIB - 1) / ((long) rangeMiB * MIB);
    assertThat(server.requestCount("GetObject")).isEqualTo(expectedGets);
    assertThat(tempFilesIn(temp)).isZero();
  }

  /**
   * Response bodies hold bytes back until they make a batch (a quarter of the stream window, here
   * 512 KiB), while every stream on a connection shares one window, here only 1 MiB: eight ranges
   * of 5 MiB could each hold less than a batch and together the whole window, and the server could
   * send no more. The connection hands every body's bytes over when its window runs low.
   */
  @Test
  void http2StreamsWaitingForBatchesNeverStallASmallConnectionWindow() throws Exception {
    TransportConfig transport = TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
        .http2InitialStreamWindow(4 * MIB).http2InitialConnectionWindow(MIB).build();
    start(ObjectStore.memory(), transport, TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(MIB)
        .withMaxConcurrency(8).withPartRetry(QUICK), io.s3wire.provider.ProviderProfiles.generic());
    byte[] data = put("w", 40 * MIB + 5, true);
    Path target = temp.resolve("window.bin");

    manager.downloadFile(key("w"), target, TransferListener.NONE).join();

    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    assertThat(server.requestCount("GetObject")).isEqualTo(9);
  }

  @Test
  void aCutResponseIsFetchedAgain() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withMultipartThreshold(MIB));
    byte[] data = put("d", 16 * MIB + 3, false);
    server.addFaultRule(FaultRule.when().method("GET").nth(2).cutResponseBodyAfter(MIB));
    Path target = temp.resolve("out.bin");

    manager.downloadFile(key("d"), target, null).join();

    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    assertThat(server.requestCount("GetObject")).isEqualTo(5);
  }

  @Test
  void aMissingObjectLeavesNoFile() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts());
    Path target = temp.resolve("absent.bin");
    assertThatThrownBy(() -> manager.downloadFile(key("absent"), target, null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(target).doesNotExist();
    assertThat(tempFilesIn(temp)).isZero();
  }

  @ParameterizedTest(name = "{0} bytes, read-ahead {1}")
  @CsvSource({"0, 2", "10, 2", "26214407, 2", "26214407, 8"})
  void streamsInOrderWithBoundedReadAhead(int size, int readAhead) throws Exception {
    start(HttpVersionPolicy.HTTP_2, fiveMiBParts().withMaxConcurrency(readAhead));
    byte[] data = put("s", size, true);

    byte[] read;
    try (InputStream in = manager.downloadStream(key("s"), null).join()) {
      read = in.readAllBytes();
    }

    assertThat(Arrays.equals(read, data)).isTrue();
  }

  @Test
  void closingAStreamEarlyCancelsTheRangesInFlight() throws Exception {
    start(HttpVersionPolicy.HTTP_2, fiveMiBParts().withMaxConcurrency(3));
    byte[] data = put("s", 26 * MIB, true);
    Transfer<InputStream> t = manager.downloadStream(key("s"), null);
    try (InputStream in = t.join()) {
      byte[] first = in.readNBytes(1000);
      assertThat(first).isEqualTo(Arrays.copyOf(data, 1000));
    }
    assertThat(server.requestCount("GetObject")).isLessThanOrEqualTo(4);
  }

  @Test
  void cancellingADownloadStopsTheRangesAndLeavesNoFile() throws Exception {
    start(HttpVersionPolicy.HTTP_2, fiveMiBParts().withMultipartThreshold(MIB));
    put("d", 20 * MIB, true);
    server.addFaultRule(FaultRule.when().method("GET").bandwidth(MIB));
    java.util.concurrent.CountDownLatch moving = new java.util.concurrent.CountDownLatch(1);
    TransferListener listener = new TransferListener() {
      @Override
      public void onPartBytes(int partNumber, long bytes, TransferProgress total) {
        moving.countDown();
      }
    };
    Path target = temp.resolve("cancelled.bin");
    Transfer<ObjectInfo> t = manager.downloadFile(key("d"), target, listener);
    assertThat(moving.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    t.cancel();

    assertThatThrownBy(t::join).isInstanceOfSatisfying(io.s3wire.error.TransportException.class,
        e -> assertThat(e.kind()).isEqualTo(io.s3wire.error.TransportException.Kind.CANCELLED));
    assertThat(target).doesNotExist();
    assertThat(tempFilesIn(temp)).isZero();
    assertThat(t.progress().transferredBytes()).isLessThan(20L * MIB);
  }

  static long tempFilesIn(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".s3wire-download")).count();
    }
  }
}
