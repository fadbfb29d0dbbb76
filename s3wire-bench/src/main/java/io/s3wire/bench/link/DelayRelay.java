package io.s3wire.bench.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP relay that stands for a slow network link: every byte read on one side is written
 * to the other a fixed one-way delay later, in both directions, optionally no faster than a
 * bandwidth cap. Made for benchmarks that need a round-trip time (12.5 ms each way gives 25 ms) on
 * a kernel without {@code tc netem}.
 *
 * <p>Each direction is a {@link DelayLine}: a queue of chunks, each due at its arrival time plus the
 * delay, so many chunks are in flight at once and nothing waits for an acknowledgement. A direction
 * stops reading its source while more than {@code maxQueuedBytes} wait in its line or while its
 * destination's socket buffer is full, so a slow receiver slows the sender through TCP as on a real
 * link. Each accepted connection opens one to {@code target}; closing either end closes the other
 * once the bytes in flight are delivered.
 *
 * <p>Thread-safe to start and close; the relay runs on its own event loop threads.
 */
public final class DelayRelay implements AutoCloseable {
  private final EventLoopGroup group;
  private final ChannelGroup channels;
  private final Channel server;
  private final Duration oneWayDelay;

  private DelayRelay(EventLoopGroup group, ChannelGroup channels, Channel server, Duration oneWayDelay) {
    this.group = group;
    this.channels = channels;
    this.server = server;
    this.oneWayDelay = oneWayDelay;
  }

  /**
   * Starts a relay on an ephemeral 127.0.0.1 port in front of {@code target}.
   *
   * @param oneWayDelay the delay each direction adds (half the round trip it builds), not negative
   * @param bytesPerSecond the cap on each direction's rate, or 0 for none
   * @param maxQueuedBytes bytes a direction holds in flight before it stops reading its source; at
   *     least the bandwidth-delay product, or the relay itself limits the rate
   * @param threads event loop threads (each connection pair lives on one)
   */
  public static DelayRelay start(InetSocketAddress target, Duration oneWayDelay, long bytesPerSecond,
      long maxQueuedBytes, int threads) {
    if (oneWayDelay.isNegative() || bytesPerSecond < 0 || maxQueuedBytes <= 0 || threads <= 0) {
      throw new IllegalArgumentException("delay " + oneWayDelay + ", rate " + bytesPerSecond + " B/s, queue "
          + maxQueuedBytes + " B, threads " + threads + ": the delay and rate must not be negative, the queue "
          + "and threads must be positive");
    }
    long delayNanos = oneWayDelay.toNanos();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.AUTO_READ, false)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel inbound) {
              channels.add(inbound);
              connect(inbound, channels, target, delayNanos, bytesPerSecond, maxQueuedBytes);
            }
          })
          .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
      return new DelayRelay(group, channels, server, oneWayDelay);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  private static void connect(SocketChannel inbound, ChannelGroup channels, InetSocketAddress target,
      long delayNanos, long bytesPerSecond, long maxQueuedBytes) {
    DelayLine up = new DelayLine(inbound, delayNanos, bytesPerSecond, maxQueuedBytes);
    DelayLine down = new DelayLine(null, delayNanos, bytesPerSecond, maxQueuedBytes);
    up.reverse(down);
    down.reverse(up);
    new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.AUTO_READ, false)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel outbound) {
            channels.add(outbound);
            down.source(outbound);
            up.destination(outbound);
            down.destination(inbound);
            outbound.pipeline().addLast(down);
          }
        })
        .connect(target).addListener((ChannelFutureListener) f -> {
          if (!f.isSuccess()) {
            inbound.close();
            return;
          }
          inbound.pipeline().addLast(up);
          inbound.config().setAutoRead(true);
          f.channel().config().setAutoRead(true);
        });
  }

  /** The port the relay listens on, on 127.0.0.1. */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** The delay each direction adds. */
  public Duration oneWayDelay() {
    return oneWayDelay;
  }

  /** Stops listening, closes every relayed connection and stops the threads (waits up to 10 s). */
  @Override
  public void close() {
    server.close().syncUninterruptibly();
    channels.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
