package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingResponseBody#transferTo} into an {@link InlineWriteChannel}: written on the thread
 * that offers the bytes (the event loop), in batches, with nothing held beyond a batch, and failures
 * on either side settling the transfer and releasing every buffer.
 */
class InlineTransferTest {
  private static final int CHUNK = BodyChunks.CHUNK;
  private static final int BATCH = 512 * 1024;

  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "body-executor"));
  private final List<ByteBuf> offered = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void theOfferingThreadWritesWholeBatchesAndHoldsNoMoreThanOne() throws Exception {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    Recorder out = new Recorder();
    CompletableFuture<Long> done = body.transferTo(out);
    long mostQueued = 0;
    for (int i = 0; i < 40; i++) {
      body.offer(chunk(i));
      mostQueued = Math.max(mostQueued, body.queuedBytes());
    }
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(40L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(40));
    assertThat(out.threads).containsOnly(Thread.currentThread().getName());
    assertThat(out.writeSizes).hasSize(40 * CHUNK / BATCH).allSatisfy(n -> assertThat(n).isEqualTo((long) BATCH));
    assertThat(mostQueued).isLessThan(BATCH);
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(source.consumed.get()).isPositive();
    assertThat(body.drainConsumed()).isEqualTo(40 * CHUNK);
    assertThat(source.cancelled.get()).isZero();
  }

  @Test
  void theFutureIsCompletedOffTheWritingThread() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    CompletableFuture<Long> done = body.transferTo(new Recorder());
    // Attached before the end: it runs on whichever thread completes the future.
    CompletableFuture<String> completer = done.thenApply(n -> Thread.currentThread().getName());
    body.offer(chunk(0));
    body.end();

    assertThat(completer.get(30, TimeUnit.SECONDS)).isEqualTo("body-executor");
    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(CHUNK);
  }

  @Test
  void bytesQueuedBeforeTheTransferAreWrittenFirstAndInOrder() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(12L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    for (int i = 0; i < 9; i++) {
      body.offer(chunk(i));
    }
    Recorder out = new Recorder();
    CompletableFuture<Long> done = body.transferTo(out);
    // A whole batch was waiting: the caller wrote it at once.
    assertThat(out.writeSizes).containsExactly(9L * CHUNK);
    for (int i = 9; i < 12; i++) {
      body.offer(chunk(i));
    }
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(12L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(12));
    assertThat(out.writeSizes).containsExactly(9L * CHUNK, 3L * CHUNK);
  }

  @Test
  void aFlushWritesWhatIsQueuedBelowABatch() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(3L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    Recorder out = new Recorder();
    CompletableFuture<Long> done = body.transferTo(out);
    body.offer(chunk(0));
    body.offer(chunk(1));
    assertThat(out.writeSizes).isEmpty();
    body.flush();
    assertThat(out.writeSizes).containsExactly(2L * CHUNK);
    body.offer(chunk(2));
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(3L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(3));
  }

  @Test
  void aWriteThatFailsFailsTheTransferCancelsTheExchangeAndReleasesEverything() {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    Recorder out = new Recorder();
    out.failAfter = 1;
    CompletableFuture<Long> done = body.transferTo(out);
    for (int i = 0; i < 20; i++) {
      body.offer(chunk(i));
    }

    assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("No space left on device");
    assertThat(source.cancelled.get()).isEqualTo(1);
    assertThat(body.isFinished()).isTrue();
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  @Test
  void aNetworkFailureFailsTheTransferAndReleasesWhatWasQueued() {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    CompletableFuture<Long> done = body.transferTo(new Recorder());
    body.offer(chunk(0));
    body.offer(chunk(1));
    body.fail(new IOException("connection reset by peer"));

    assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("connection reset by peer");
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(source.cancelled.get()).isZero();
  }

  @Test
  void closingTheBodyEarlyFailsTheTransferAndCancelsTheExchange() {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    CompletableFuture<Long> done = body.transferTo(new Recorder());
    body.offer(chunk(0));
    body.close();
    body.offer(chunk(1));

    assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("closed");
    assertThat(source.cancelled.get()).isEqualTo(1);
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  @Test
  void aFileChannelIsWrittenFromItsPosition(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("object");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      StreamingResponseBody body = new StreamingResponseBody(10L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
      CompletableFuture<Long> done = body.transferTo(InlineWriteChannel.of(ch));
      for (int i = 0; i < 10; i++) {
        body.offer(chunk(i));
      }
      body.end();
      assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(10L * CHUNK);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(BodyChunks.expected(10));
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  private ByteBuf chunk(int index) {
    return BodyChunks.chunk(index, offered);
  }

  /** Records each gathering write's size and thread; with {@code failAfter} set, fails the write after that many. */
  private static final class Recorder implements InlineWriteChannel {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> writeSizes = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    int failAfter = -1;

    @Override
    public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      if (failAfter == 0) {
        throw new IOException("No space left on device");
      }
      if (failAfter > 0) {
        failAfter--;
      }
      long n = 0;
      for (int i = offset; i < offset + length; i++) {
        byte[] part = new byte[srcs[i].remaining()];
        srcs[i].get(part);
        bytes.write(part, 0, part.length);
        n += part.length;
      }
      writeSizes.add(n);
      threads.add(Thread.currentThread().getName());
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
      return write(srcs, 0, srcs.length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
