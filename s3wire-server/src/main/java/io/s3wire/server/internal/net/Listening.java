package io.s3wire.server.internal.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.s3wire.server.ServerLimits;
import io.s3wire.server.internal.s3.Router;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The running half of an {@code S3Server}: its event loops (epoll where available, else NIO), the
 * worker pool store calls run on, the listening channel and the connections it accepted. Made by
 * {@link #bind}, ended by {@link #close()}, which stops accepting, closes every connection and stops
 * the threads.
 */
public final class Listening implements AutoCloseable {
  /** TCP ports the OS may choose before one has its UDP twin free, for HTTP/3. */
  private static final int PORT_ATTEMPTS = 8;
  private final EventLoopGroup group;
  private final ThreadPoolExecutor workers;
  private final ChannelGroup connections;
  private Channel serverChannel;
  private Channel udpChannel;

  private Listening(int ioThreads, int workerThreads) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.workers = new ThreadPoolExecutor(0, workerThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        new DefaultThreadFactory("s3wire-server-worker", true));
    this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("s3wire-server-io", true), io);
    this.connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  }

  /**
   * Binds {@code host:port} and serves what {@code router} (made with the worker pool) routes.
   *
   * @param ssl the TLS context, or {@code null} for plain TCP
   * @param alpn the ALPN protocols offered; the protocol without a negotiated one follows from it
   * @param quic the TLS context of HTTP/3 over QUIC on UDP at the TCP port's number, or {@code null}
   *     for no HTTP/3; with it, every TCP response advertises HTTP/3 in {@code Alt-Svc}
   * @throws UncheckedIOException when the address cannot be bound; nothing is left running then
   */
  public static Listening bind(String host, int port, int ioThreads, int workerThreads, SslContext ssl,
      List<String> alpn, QuicSslContext quic, ServerLimits limits, Function<ThreadPoolExecutor, Router> router) {
    Listening l = new Listening(ioThreads, workerThreads);
    String fallback = alpn.isEmpty() || alpn.contains("http/1.1") ? "http/1.1" : "h2";
    Router requests = router.apply(l.workers);
    Pipelines pipelines = new Pipelines(requests, limits, ssl, fallback);
    Class<? extends ServerSocketChannel> channelType = Epoll.isAvailable() ? EpollServerSocketChannel.class
        : NioServerSocketChannel.class;
    ServerBootstrap sb = new ServerBootstrap()
        .group(l.group)
        .channel(channelType)
        .option(ChannelOption.SO_BACKLOG, 1024)
        // With HTTP/3, no connection is accepted before Alt-Svc can name the UDP port.
        .option(ChannelOption.AUTO_READ, quic == null)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            l.connections.add(ch);
            ch.pipeline().addLast(pipelines);
          }
        });
    try {
      l.serverChannel = sb.bind(new InetSocketAddress(host, port)).sync().channel();
      if (quic != null) {
        l.bindUdpTwin(sb, host, port == 0, udpPort -> Http3Listener.bind(l.group, l.connections, host, udpPort, quic,
            requests, limits));
        pipelines.advertiseHttp3(l.port());
        l.serverChannel.config().setAutoRead(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      l.close();
      throw new UncheckedIOException(new InterruptedIOException("interrupted while binding"));
    } catch (Exception e) {
      // Netty rethrows the bind failure as is: a BindException (checked) or a runtime exception.
      // Past the TCP bind, it is the UDP one at the (last) TCP port's number that failed.
      String what = (l.serverChannel != null ? "could not bind " + host + ":" + l.port() + " (UDP, for HTTP/3)"
          : "could not bind " + host + ":" + port) + ": " + e.getMessage();
      l.close();
      throw new UncheckedIOException(what, e instanceof IOException cause ? cause : new IOException(e.getMessage(), e));
    }
    return l;
  }

  /**
   * Binds UDP at the TCP port's number. When the OS chose the TCP port ({@code chosen}) and another
   * program holds its UDP twin, it takes another TCP port, keeping the refused ones bound meanwhile
   * so the OS cannot hand them out again, up to {@link #PORT_ATTEMPTS} in all.
   */
  private void bindUdpTwin(ServerBootstrap sb, String host, boolean chosen, UdpBinder udp) throws Exception {
    List<Channel> refused = new ArrayList<>();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          udpChannel = udp.bind(port());
          return;
        } catch (Exception e) {
          if (!chosen || attempt == PORT_ATTEMPTS || !addressInUse(e)) {
            throw e;
          }
          var next = sb.bind(new InetSocketAddress(host, 0)).await();
          if (!next.isSuccess()) {
            // No other TCP port to be had: the UDP refusal is the news.
            e.addSuppressed(next.cause());
            throw e;
          }
          refused.add(serverChannel);
          serverChannel = next.channel();
        }
      }
    } finally {
      refused.forEach(ch -> ch.close().syncUninterruptibly());
    }
  }

  private static boolean addressInUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  /** Binds the UDP side at a port; throws as Netty's bind does. */
  private interface UdpBinder {
    Channel bind(int port) throws Exception;
  }

  /** The port bound (the OS's choice when 0 was asked for). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    // QUIC connections close (CONNECTION_CLOSE) before the UDP socket that carries them.
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (udpChannel != null) {
      udpChannel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    workers.shutdownNow();
  }
}
