package io.s3wire.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The leak check can fail: a buffer dropped unreleased is reported. */
@Timeout(120)
class LeakCheckTest {
  @Test
  void anUnreleasedBufferFailsTheCheck() {
    new LeakCheck().beforeEach(null);
    leak();
    assertThatThrownBy(LeakCheck::check).isInstanceOf(AssertionError.class).hasMessageContaining("leaked buffer");
    new LeakCheck().beforeEach(null);
  }

  private static void leak() {
    ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(64);
    b.writeLong(42);
  }
}
