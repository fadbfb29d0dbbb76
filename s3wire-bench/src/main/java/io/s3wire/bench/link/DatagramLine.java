package io.s3wire.bench.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One direction of one flow of a {@link DatagramDelayRelay}: each datagram offered is sent on its
 * output channel when it is due, its arrival time plus the one-way delay (plus, under a rate cap,
 * the time the link needs to carry the bytes ahead of it). Runs on one event loop, shared with the
 * channels it reads and writes, so nothing here is locked.
 *
 * <p>A datagram that would take the bytes waiting here past {@code maxQueuedBytes} is dropped, as a
 * router's full queue drops it (UDP has no backpressure; QUIC sees the loss). The queued buffers are
 * this line's: sent on time, or released by {@link #close()}.
 */
final class DatagramLine {
  /** A datagram's payload, due at {@code dueNanos}, for {@code recipient}. */
  private record Datagram(long dueNanos, ByteBuf content, InetSocketAddress recipient) {}

  private final EventLoop loop;
  private final long delayNanos;
  private final RateCap cap;
  private final long maxQueuedBytes;
  private final ArrayDeque<Datagram> queue = new ArrayDeque<>();
  private Channel output;
  private long queuedBytes;
  private long dropped;
  private boolean closed;

  DatagramLine(EventLoop loop, long delayNanos, long bytesPerSecond, long maxQueuedBytes) {
    this.loop = loop;
    this.delayNanos = delayNanos;
    this.cap = new RateCap(bytesPerSecond);
    this.maxQueuedBytes = maxQueuedBytes;
  }

  /** Sends through {@code c} from now on (datagrams offered before wait for it). */
  void output(Channel c) {
    output = c;
    if (!queue.isEmpty()) {
      schedule(queue.peekFirst().dueNanos());
    }
  }

  /** Queues {@code content} for {@code recipient}; takes ownership of the buffer. Call on the loop. */
  void offer(ByteBuf content, InetSocketAddress recipient) {
    int n = content.readableBytes();
    if (closed || queuedBytes + n > maxQueuedBytes) {
      dropped++;
      content.release();
      return;
    }
    long departs = cap.departure(System.nanoTime(), n);
    queuedBytes += n;
    queue.addLast(new Datagram(departs + delayNanos, content, recipient));
    if (queue.size() == 1 && output != null) {
      schedule(departs + delayNanos);
    }
  }

  /** Datagrams dropped because the queue was full or the line closed. */
  long dropped() {
    return dropped;
  }

  private void schedule(long dueNanos) {
    loop.schedule(this::drain, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void drain() {
    if (closed) {
      return;
    }
    if (!output.isActive()) {
      close();
      return;
    }
    long now = System.nanoTime();
    boolean wrote = false;
    while (!queue.isEmpty() && queue.peekFirst().dueNanos() <= now) {
      Datagram d = queue.pollFirst();
      queuedBytes -= d.content().readableBytes();
      output.write(new DatagramPacket(d.content(), d.recipient()), output.voidPromise());
      wrote = true;
    }
    if (wrote) {
      output.flush();
    }
    if (!queue.isEmpty()) {
      schedule(queue.peekFirst().dueNanos());
    }
  }

  /** Releases what waits and drops what comes after. Call on the loop. */
  void close() {
    closed = true;
    while (!queue.isEmpty()) {
      queue.pollFirst().content().release();
    }
    queuedBytes = 0;
  }
}
