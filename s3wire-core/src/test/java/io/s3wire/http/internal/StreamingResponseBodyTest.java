package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The body between the event loop and its consumer: batching for transferTo, ownership of buffers. */
class StreamingResponseBodyTest {
  private static final int CHUNK = BodyChunks.CHUNK;
  private static final int BATCH = 512 * 1024;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<ByteBuf> offered = new ArrayList<>();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void transferToWritesWholeBatchesInOneGatheringWriteEach() throws Exception {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    RecordingChannel out = new RecordingChannel();
    var done = body.transferTo(out);
    for (int i = 0; i < 40; i++) {
      body.offer(chunk(i));
    }
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(40L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(40));
    List<Long> writes = out.writeSizes;
    assertThat(writes).isNotEmpty();
    // Every write but the last carried a whole batch; the last may be the short tail.
    assertThat(writes.subList(0, writes.size() - 1)).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(BATCH));
    assertThat(writes.size()).isLessThanOrEqualTo(40 * CHUNK / BATCH);
    assertThat(out.gatheringCalls).isEqualTo(writes.size());
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    assertThat(source.cancelled.get()).isZero();
  }

  @Test
  void aBodyShorterThanABatchIsWrittenWhenItEnds() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(3L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    RecordingChannel out = new RecordingChannel();
    var done = body.transferTo(out);
    for (int i = 0; i < 3; i++) {
      body.offer(chunk(i));
    }
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(3L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(3));
    assertThat(out.writeSizes).containsExactly(3L * CHUNK);
  }

  @Test
  void flushHandsOverWhatIsQueuedBelowABatch() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(3L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    RecordingChannel out = new RecordingChannel();
    var done = body.transferTo(out);
    body.offer(chunk(0));
    body.offer(chunk(1));
    body.flush();
    // Two chunks are far below the batch, yet the flush lets them through at once.
    assertThat(out.firstWrite.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out.writeSizes).containsExactly(2L * CHUNK);
    body.offer(chunk(2));
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(3L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(3));
    assertThat(out.writeSizes).containsExactly(2L * CHUNK, (long) CHUNK);
  }

  @Test
  void withoutBatchingEveryQueuedBufferIsWrittenAsSoonAsItArrives() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(2L * CHUNK, new BodyChunks.CountingSource(), executor, 0);
    RecordingChannel out = new RecordingChannel();
    var done = body.transferTo(out);
    body.offer(chunk(0));
    // The first chunk is written while the body is still open: no batch to wait for.
    assertThat(out.firstWrite.await(30, TimeUnit.SECONDS)).isTrue();
    body.offer(chunk(1));
    body.end();

    assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(2L * CHUNK);
    assertThat(out.bytes.toByteArray()).isEqualTo(BodyChunks.expected(2));
  }

  @Test
  void aFailureWhileWaitingForABatchFailsTheTransferAndReleasesWhatWasQueued() {
    BodyChunks.CountingSource source = new BodyChunks.CountingSource();
    StreamingResponseBody body = new StreamingResponseBody(40L * CHUNK, source, executor, BATCH);
    var done = body.transferTo(new RecordingChannel());
    body.offer(chunk(0));
    body.offer(chunk(1));
    body.fail(new IOException("connection reset by peer"));

    assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("connection reset by peer");
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  @Test
  void aStreamReaderIsWokenForEveryBufferWhateverTheBatch() throws Exception {
    StreamingResponseBody body = new StreamingResponseBody(2L * CHUNK, new BodyChunks.CountingSource(), executor, BATCH);
    var in = body.stream();
    byte[] first = new byte[CHUNK];
    var read = executor.submit(() -> in.readNBytes(first, 0, CHUNK));
    body.offer(chunk(0));
    // Only one chunk is queued, far below the batch: a waiting stream reader still gets it.
    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(CHUNK);
    body.offer(chunk(1));
    body.end();
    byte[] rest = in.readAllBytes();
    in.close();

    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(first);
    all.write(rest);
    assertThat(all.toByteArray()).isEqualTo(BodyChunks.expected(2));
    assertThat(offered).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  private ByteBuf chunk(int index) {
    return BodyChunks.chunk(index, offered);
  }

  /** Records what each write carried; consumes at most 100 KiB per gathering call, as a short write would. */
  private static final class RecordingChannel implements GatheringByteChannel {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> writeSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.CountDownLatch firstWrite = new java.util.concurrent.CountDownLatch(1);
    int gatheringCalls;
    private long current;
    private boolean inBatch;

    @Override
    public synchronized long write(ByteBuffer[] srcs, int offset, int length) {
      if (!inBatch) {
        gatheringCalls++;
        inBatch = true;
        current = 0;
      }
      long n = 0;
      int budget = 100 * 1024;
      for (int i = offset; i < offset + length && budget > 0; i++) {
        int take = Math.min(budget, srcs[i].remaining());
        byte[] part = new byte[take];
        srcs[i].get(part);
        bytes.write(part, 0, take);
        budget -= take;
        n += take;
      }
      current += n;
      boolean left = false;
      for (int i = offset; i < offset + length; i++) {
        left |= srcs[i].hasRemaining();
      }
      if (!left) {
        writeSizes.add(current);
        inBatch = false;
        firstWrite.countDown();
      }
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
      return write(srcs, 0, srcs.length);
    }

    @Override
    public synchronized int write(ByteBuffer src) {
      throw new AssertionError("a gathering channel is written through write(ByteBuffer[])");
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
