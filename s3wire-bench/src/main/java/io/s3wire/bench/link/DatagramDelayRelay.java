package io.s3wire.bench.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A loopback UDP relay that stands for a slow network link, the datagram twin of {@link DelayRelay}
 * (for QUIC, hence HTTP/3): every datagram read on one side is sent on the other a fixed one-way
 * delay later, in both directions, optionally no faster than a bandwidth cap.
 *
 * <p>Each client address is a flow with a socket of its own towards {@code target}, so the target
 * sees one peer per client, as through a NAT. Each direction of a flow is a {@link DatagramLine}; a
 * direction holding more than {@code maxQueuedBytes} drops what arrives (a full router queue), which
 * a loopback benchmark sized at the bandwidth-delay product should not reach. Datagrams are copied to
 * buffers of their own size, so a queue holds what it carries, not receive buffers. Flows live until
 * the relay closes.
 *
 * <p>Thread-safe to start and close; the relay runs on one event loop thread of its own.
 */
public final class DatagramDelayRelay implements AutoCloseable {
  private static final int SOCKET_BUFFER = 8 << 20;

  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Channel front;
  private final Duration oneWayDelay;
  private final long bytesPerSecond;
  private final long maxQueuedBytes;
  private final InetSocketAddress target;
  private final Map<InetSocketAddress, Flow> flows = new HashMap<>();

  /** One client's two directions and its socket towards the target. */
  private record Flow(DatagramLine up, DatagramLine down, Channel back) {}

  private DatagramDelayRelay(EventLoopGroup group, InetSocketAddress target, Duration oneWayDelay,
      long bytesPerSecond, long maxQueuedBytes) {
    this.group = group;
    this.loop = group.next();
    this.target = target;
    this.oneWayDelay = oneWayDelay;
    this.bytesPerSecond = bytesPerSecond;
    this.maxQueuedBytes = maxQueuedBytes;
    this.front = bootstrap().handler(new Reader(this::fromClient)).bind(new InetSocketAddress("127.0.0.1", 0))
        .syncUninterruptibly().channel();
  }

  /**
   * Starts a relay on an ephemeral 127.0.0.1 UDP port in front of {@code target}.
   *
   * @param oneWayDelay the delay each direction adds (half the round trip it builds), not negative
   * @param bytesPerSecond the cap on each direction's rate, or 0 for none
   * @param maxQueuedBytes bytes a direction of a flow holds in flight before it drops datagrams; at
   *     least the bandwidth-delay product, or the relay itself loses packets
   */
  public static DatagramDelayRelay start(InetSocketAddress target, Duration oneWayDelay, long bytesPerSecond,
      long maxQueuedBytes) {
    if (oneWayDelay.isNegative() || bytesPerSecond < 0 || maxQueuedBytes <= 0) {
      throw new IllegalArgumentException("delay " + oneWayDelay + ", rate " + bytesPerSecond + " B/s, queue "
          + maxQueuedBytes + " B: the delay and rate must not be negative, the queue must be positive");
    }
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      return new DatagramDelayRelay(group, target, oneWayDelay, bytesPerSecond, maxQueuedBytes);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  private Bootstrap bootstrap() {
    return new Bootstrap().group(loop).channel(NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65536));
  }

  private void fromClient(ByteBuf copy, InetSocketAddress client) {
    Flow flow = flows.get(client);
    if (flow == null) {
      long delayNanos = oneWayDelay.toNanos();
      DatagramLine up = new DatagramLine(loop, delayNanos, bytesPerSecond, maxQueuedBytes);
      DatagramLine down = new DatagramLine(loop, delayNanos, bytesPerSecond, maxQueuedBytes);
      down.output(front);
      Channel back = bootstrap().handler(new Reader((c, from) -> down.offer(c, client)))
          .bind(new InetSocketAddress("127.0.0.1", 0))
          .addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
              up.output(f.channel());
            } else {
              up.close();
            }
          }).channel();
      flow = new Flow(up, down, back);
      flows.put(client, flow);
    }
    flow.up().offer(copy, target);
  }

  /** The UDP port the relay listens on, on 127.0.0.1. */
  public int port() {
    return ((InetSocketAddress) front.localAddress()).getPort();
  }

  /** The delay each direction adds. */
  public Duration oneWayDelay() {
    return oneWayDelay;
  }

  /** Datagrams dropped so far by full queues, both directions of every flow (waits up to 10 s). */
  public long dropped() {
    return loop.submit(() -> flows.values().stream().mapToLong(f -> f.up().dropped() + f.down().dropped()).sum())
        .syncUninterruptibly().getNow();
  }

  /** Closes every socket, releases what is in flight and stops the thread (waits up to 10 s). */
  @Override
  public void close() {
    loop.submit(() -> {
      List<Channel> channels = new ArrayList<>();
      channels.add(front);
      for (Flow f : flows.values()) {
        f.up().close();
        f.down().close();
        channels.add(f.back());
      }
      channels.forEach(Channel::close);
    }).awaitUninterruptibly(10, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  /** Reads datagrams and hands a right-sized copy of each, with its sender, to a sink. */
  private static final class Reader extends SimpleChannelInboundHandler<DatagramPacket> {
    private final Sink sink;

    Reader(Sink sink) {
      this.sink = sink;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
      ByteBuf content = p.content();
      sink.accept(ctx.alloc().buffer(content.readableBytes()).writeBytes(content), p.sender());
    }
  }

  /** Where a {@link Reader} puts what it reads; takes ownership of the buffer. */
  private interface Sink {
    void accept(ByteBuf copy, InetSocketAddress sender);
  }
}
