package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.s3wire.http.RequestBody;
import io.s3wire.testing.LeakCheck;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** How a request body becomes chunks: in memory at once, anything else read on the body executor. */
@Timeout(10)
@ExtendWith(LeakCheck.class)
class BodyPumpTest {
  private final EventLoop loop = new DefaultEventLoop();
  private final List<Runnable> offLoop = new ArrayList<>();
  private final Executor executor = offLoop::add;

  @AfterEach
  void stop() {
    loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static final BodyPump.Sink SINK = new BodyPump.Sink() {
    @Override
    public void chunkReady() {}

    @Override
    public void bodyFailed(Throwable cause) {
      throw new AssertionError(cause);
    }
  };

  @Test
  void aBodyInMemoryThatFitsOneChunkIsReadyAtOnceWithoutAReadOffTheLoop() {
    byte[] bytes = new byte[4096];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    BodyPump pump = new BodyPump(RequestBody.ofBytes(bytes), 4096, ByteBufAllocator.DEFAULT, loop, executor, SINK);
    pump.start();
    BodyPump.Chunk c = pump.next();
    try {
      assertThat(c).isNotNull();
      assertThat(c.last()).isTrue();
      byte[] sent = new byte[c.buf().readableBytes()];
      c.buf().getBytes(c.buf().readerIndex(), sent);
      assertThat(sent).isEqualTo(bytes);
    } finally {
      c.buf().release();
    }
    assertThat(pump.next()).isNull();
    assertThat(offLoop).isEmpty();
    pump.close();
  }

  @Test
  void aBodyInMemoryLargerThanAChunkAndAStreamAreReadOffTheLoop() {
    BodyPump big = new BodyPump(RequestBody.ofBytes(new byte[4097]), 4096, ByteBufAllocator.DEFAULT, loop, executor, SINK);
    big.start();
    assertThat(big.next()).isNull();
    assertThat(offLoop).hasSize(1);
    big.close();

    RequestBody stream = new RequestBody() {
      @Override
      public long contentLength() {
        return 3;
      }

      @Override
      public boolean isReplayable() {
        return false;
      }

      @Override
      public ReadableByteChannel open() {
        throw new AssertionError("opened on the event loop's caller");
      }
    };
    BodyPump pump = new BodyPump(stream, 4096, ByteBufAllocator.DEFAULT, loop, executor, SINK);
    pump.start();
    assertThat(pump.next()).isNull();
    assertThat(offLoop).hasSize(2);
    pump.close();
  }

  @Test
  void eachCallGivesAFreshReadOnlyViewOfTheSameBytes() {
    byte[] bytes = {1, 2, 3, 4, 5};
    RequestBody body = RequestBody.ofBytes(bytes, 1, 3);
    ByteBuffer a = body.inMemory();
    assertThat(a.isReadOnly()).isTrue();
    assertThat(a.remaining()).isEqualTo(3);
    a.get();
    assertThat(body.inMemory().remaining()).isEqualTo(3);
    assertThat(body.inMemory().get(0)).isEqualTo((byte) 2);
    assertThat(RequestBody.ofFile(java.nio.file.Path.of("pom.xml")).inMemory()).isNull();
  }
}
