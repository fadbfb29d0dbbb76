package io.s3wire.server.internal.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3SettingsFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3Exception;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.http3.Http3SettingIdentifier;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.s3wire.server.ServerLimits;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/3 next to the TCP listener: a UDP socket carrying QUIC (Netty's codec over quiche), each
 * connection's request streams handed to {@link Http3StreamHandler}, so requests reach the same
 * {@link RequestHandler} as on HTTP/1.1 and HTTP/2, under the same {@link ServerLimits}.
 */
final class Http3Listener {
  /** The largest UDP payload taken from a client, advertised in the handshake (max_udp_payload_size). */
  private static final int MAX_UDP_PAYLOAD = 1500;
  private static final int DATAGRAMS_PER_READ = 64;

  private Http3Listener() {}

  /** The {@code Alt-Svc} value that advertises HTTP/3 on {@code port} for a day (RFC 7838). */
  static String altSvc(int port) {
    return "h3=\":" + port + "\"; ma=86400";
  }

  /** Binds UDP {@code host:port}; QUIC connections join {@code connections}. Throws as Netty's bind does. */
  static Channel bind(EventLoopGroup group, ChannelGroup connections, String host, int port, QuicSslContext ssl,
      RequestHandler requests, ServerLimits limits) throws InterruptedException {
    // Stream and connection credit as HTTP/2's windows: a stream may have the initial window in
    // flight, the connection twice that (see ServerLimits#initialWindowSize).
    long window = limits.initialWindowSize();
    ChannelHandler codec = Http3.newQuicServerCodecBuilder()
        .sslContext(ssl)
        .maxIdleTimeout(limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .initialMaxData(2 * window)
        .initialMaxStreamDataBidirectionalRemote(window)
        .initialMaxStreamDataBidirectionalLocal(window)
        .initialMaxStreamsBidirectional(limits.maxConcurrentStreams())
        .maxRecvUdpPayloadSize(MAX_UDP_PAYLOAD)
        .handler(new ChannelInitializer<QuicChannel>() {
          @Override
          protected void initChannel(QuicChannel quic) {
            connections.add(quic);
            DefaultHttp3SettingsFrame settings = new DefaultHttp3SettingsFrame();
            settings.put(Http3SettingIdentifier.HTTP3_SETTINGS_MAX_FIELD_SECTION_SIZE.id(), limits.maxHeaderListSize());
            quic.pipeline().addLast(new Http3ServerConnectionHandler(new ChannelInitializer<QuicStreamChannel>() {
              @Override
              protected void initChannel(QuicStreamChannel stream) {
                stream.config().setAutoRead(false);
                WritabilityGate gate = new WritabilityGate();
                stream.pipeline().addLast(gate, new Http3StreamHandler(requests, limits, gate));
              }
            }, null, null, settings, true), new ConnectionErrors());
          }
        })
        .build();
    Bootstrap udp = new Bootstrap()
        .group(group)
        .channel(Epoll.isAvailable() ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .handler(codec);
    if (Epoll.isAvailable()) {
      // Many datagrams per system call (recvmmsg) for uploads and many clients; a slot per datagram.
      udp.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_UDP_PAYLOAD)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAMS_PER_READ * MAX_UDP_PAYLOAD));
    }
    return udp
        .bind(new InetSocketAddress(host, port)).sync().channel();
  }

  /** One log line per connection error, as for HTTP/2; Netty's codec closes the connection with the code. */
  private static final class ConnectionErrors extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      QuicChannel quic = (QuicChannel) ctx.channel();
      if (cause instanceof Http3Exception h3) {
        ServerLog.abuse("HTTP/3 " + quic.remoteSocketAddress(),
            "connection error " + h3.errorCode() + ": " + h3.getMessage() + "; CONNECTION_CLOSE sent");
      } else {
        ServerLog.debug("HTTP/3 " + quic.remoteSocketAddress() + ": " + cause);
      }
    }
  }
}
