package io.s3wire.bench.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a {@link DelayRelay}: reads its source channel and writes each chunk to its
 * destination when the chunk is due, its arrival time plus the one-way delay (plus, under a rate
 * cap, the time the link needs to carry the bytes ahead of it). Sits in the source's pipeline;
 * both channels share one event loop, so nothing here is locked.
 *
 * <p>Backpressure: the source is read only while fewer than {@code maxQueuedBytes} wait here and
 * the destination is writable. The queued buffers are this line's: written on time, or released
 * when the destination closes first.
 */
final class DelayLine extends ChannelInboundHandlerAdapter {
  /** A chunk due at {@code dueNanos}; a null {@code data} closes the destination. */
  private record Chunk(long dueNanos, ByteBuf data) {}

  private final long delayNanos;
  private final RateCap cap;
  private final long maxQueuedBytes;
  private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
  private Channel source;
  private Channel destination;
  private DelayLine reverse;
  private long queuedBytes;
  private boolean closing;

  DelayLine(Channel source, long delayNanos, long bytesPerSecond, long maxQueuedBytes) {
    this.source = source;
    this.delayNanos = delayNanos;
    this.cap = new RateCap(bytesPerSecond);
    this.maxQueuedBytes = maxQueuedBytes;
  }

  void source(Channel c) {
    source = c;
  }

  void destination(Channel c) {
    destination = c;
    c.closeFuture().addListener(f -> releaseQueued());
  }

  /** The line running the other way, whose destination is this line's source. */
  void reverse(DelayLine r) {
    reverse = r;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf data) || closing || !destination.isActive()) {
      ReferenceCountUtil.release(msg);
      return;
    }
    long departs = cap.departure(System.nanoTime(), data.readableBytes());
    queuedBytes += data.readableBytes();
    enqueue(new Chunk(departs + delayNanos, data));
    updateReading();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!closing) {
      closing = true;
      long last = queue.isEmpty() ? 0 : queue.peekLast().dueNanos();
      enqueue(new Chunk(Math.max(System.nanoTime() + delayNanos, last), null));
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    // This channel is the reverse line's destination: it may read again once this one drains.
    reverse.updateReading();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
    destination.close();
  }

  private void enqueue(Chunk c) {
    queue.addLast(c);
    if (queue.size() == 1) {
      schedule(c.dueNanos());
    }
  }

  private void schedule(long dueNanos) {
    source.eventLoop().schedule(this::drain, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void drain() {
    if (!destination.isActive()) {
      releaseQueued();
      return;
    }
    long now = System.nanoTime();
    boolean wrote = false;
    while (!queue.isEmpty() && queue.peekFirst().dueNanos() <= now) {
      Chunk c = queue.pollFirst();
      if (c.data() == null) {
        destination.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      queuedBytes -= c.data().readableBytes();
      destination.write(c.data(), destination.voidPromise());
      wrote = true;
    }
    if (wrote) {
      destination.flush();
    }
    if (!queue.isEmpty()) {
      schedule(queue.peekFirst().dueNanos());
    }
    updateReading();
  }

  void updateReading() {
    boolean read = !closing && queuedBytes < maxQueuedBytes && destination.isWritable();
    if (source.isActive() && source.config().isAutoRead() != read) {
      source.config().setAutoRead(read);
    }
  }

  private void releaseQueued() {
    while (!queue.isEmpty()) {
      ReferenceCountUtil.release(queue.pollFirst().data());
    }
    queuedBytes = 0;
  }
}
