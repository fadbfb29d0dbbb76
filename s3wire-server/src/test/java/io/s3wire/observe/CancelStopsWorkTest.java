package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.ObjectInfo;
import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.error.TransportException;
import io.s3wire.http.RequestBody;
import io.s3wire.metrics.CallEnd;
import io.s3wire.metrics.CallListener;
import io.s3wire.server.FaultRule;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancelling a call's future, or a transfer's result, stops the work: a multipart upload it started
 * is aborted (none left on the server), a partly written download file is removed.
 */
@Timeout(60)
class CancelStopsWorkTest extends ObserveFixture {
  private static final int MIB = 1024 * 1024;

  @Test
  void cancellingAStreamUploadAbortsItsMultipartUpload() throws Exception {
    CountDownLatch aborted = new CountDownLatch(1);
    CallListener abortHeard = new CallListener() {
      @Override
      public void onCallEnd(CallEnd call) {
        if (call.operation().equals("AbortMultipartUpload") && call.failure() == null) {
          aborted.countDown();
        }
      }
    };
    GatedStream in = new GatedStream(5 * MIB);
    try (S3AsyncClient c = builder().multipartPartSize(5 * MIB).callListener(abortHeard).buildAsync()) {
      CompletableFuture<PutObjectResult> put = c.putObject(BucketKey.of(bucket, "big"), RequestBody.ofStream(in, -1),
          ObjectMetadata.NONE);
      // The source is read for part 2 only after part 1 was uploaded: the upload exists now.
      assertThat(in.reached.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(client.listMultipartUploads(bucket, null).get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThat(put.cancel(true)).isTrue();
      in.release.countDown();
      assertThat(aborted.await(20, TimeUnit.SECONDS)).as("AbortMultipartUpload answered").isTrue();
    }
    assertThat(client.listMultipartUploads(bucket, null).get(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(server.requestCount("CompleteMultipartUpload")).isZero();
  }

  @Test
  void cancellingATransfersResultStopsItAndAbortsItsUpload() throws Exception {
    CountDownLatch created = new CountDownLatch(1);
    server.addObserver(r -> {
      if (r.operation().equals("CreateMultipartUpload")) {
        created.countDown();
      }
    });
    GatedStream in = new GatedStream(5 * MIB);
    TransferConfig config = TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(5L * MIB);
    try (TransferManager manager = TransferManager.create(client, config)) {
      Transfer<PutObjectResult> t = manager.uploadStream(BucketKey.of(bucket, "streamed"), in, UploadOptions.DEFAULTS);
      assertThat(created.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(in.reached.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(t.result().cancel(true)).isTrue();
      in.release.countDown();
      assertThatThrownBy(t::join).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
    }
    assertThat(client.listMultipartUploads(bucket, null).get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void cancellingADownloadToAFileRemovesThePartialFile() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("downloads"));
    client.putObject(BucketKey.of(bucket, "obj"), new byte[4 * MIB]).get(20, TimeUnit.SECONDS);
    // Slow enough that the body is still arriving when the call is cancelled.
    server.addFaultRule(FaultRule.when().method("GET").path("/" + bucket + "/obj").bandwidth(512 * 1024));
    CountDownLatch headArrived = new CountDownLatch(1);
    try (S3AsyncClient c = builder().listener(e -> {
          if (e instanceof io.s3wire.wire.WireEvent.Http1Response) {
            headArrived.countDown();
          }
        }).buildAsync();
        WatchService watch = FileSystems.getDefault().newWatchService()) {
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
      CompletableFuture<ObjectInfo> get = c.getObjectToFile(GetObjectRequest.of(BucketKey.of(bucket, "obj")),
          dir.resolve("obj.bin"));
      assertThat(headArrived.await(20, TimeUnit.SECONDS)).isTrue();
      // The temporary file is made once the response head reached the download: cancel after that.
      java.util.Set<Object> seen = new java.util.HashSet<>();
      awaitEvent(watch, StandardWatchEventKinds.ENTRY_CREATE, seen);
      get.cancel(true);
      assertThatThrownBy(get::join).isInstanceOf(CancellationException.class);
      awaitEvent(watch, StandardWatchEventKinds.ENTRY_DELETE, seen);
      try (Stream<Path> left = Files.list(dir)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void cancellingADownloadTransferRemovesItsWorkFile() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("transfer-downloads"));
    client.putObject(BucketKey.of(bucket, "obj"), new byte[4 * MIB]).get(20, TimeUnit.SECONDS);
    server.addFaultRule(FaultRule.when().method("GET").path("/" + bucket + "/obj").bandwidth(512 * 1024));
    CountDownLatch bytesMoved = new CountDownLatch(1);
    try (TransferManager manager = TransferManager.create(client)) {
      Transfer<ObjectInfo> t = manager.downloadFile(BucketKey.of(bucket, "obj"), dir.resolve("obj.bin"),
          new TransferListener() {
            @Override
            public void onPartBytes(int part, long n, io.s3wire.transfer.TransferProgress progress) {
              bytesMoved.countDown();
            }
          });
      assertThat(bytesMoved.await(20, TimeUnit.SECONDS)).isTrue();
      t.result().cancel(true);
      assertThatThrownBy(t::join).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  /**
   * Waits (up to 20 s) for a file of the directory to be created or deleted, as {@code kind} says;
   * {@code seen} keeps the kinds already reported (one poll may report both).
   */
  private static void awaitEvent(WatchService watch, java.nio.file.WatchEvent.Kind<Path> kind, java.util.Set<Object> seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!seen.contains(kind) && System.nanoTime() < deadline) {
      WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (key == null) {
        break;
      }
      key.pollEvents().forEach(e -> seen.add(e.kind()));
      key.reset();
    }
    if (seen.contains(kind)) {
      return;
    }
    throw new AssertionError("no " + kind + " in the download directory within 20 s");
  }

  /** Gives {@code gateAt} bytes, then blocks until released, then ends. */
  private static final class GatedStream extends InputStream {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final int gateAt;
    private int pos;

    GatedStream(int gateAt) {
      this.gateAt = gateAt;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos >= gateAt) {
        reached.countDown();
        try {
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IOException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        return -1;
      }
      int n = Math.min(len, gateAt - pos);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      pos += n;
      return n;
    }
  }
}
