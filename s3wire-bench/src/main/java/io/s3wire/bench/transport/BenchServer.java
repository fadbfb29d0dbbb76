package io.s3wire.bench.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;

/**
 * The transport benchmark's server: a minimal Netty responder ({@link Routes}) over TLS with ALPN
 * {@code h2, http/1.1}, on one event-loop thread, bound to 127.0.0.1 on an OS-chosen port.
 *
 * <p>Deliberately not the embedded S3 server: it stores and hashes nothing, so a transfer's figure is
 * the client's and its TLS stack's; every client (s3wire, curl) talks to the same instance. The
 * server's TLS provider is BoringSSL when it loads (fixed for the whole run), else the JDK's. HTTP/2
 * windows are 16 MiB per stream and for the connection, so uploads are not window-bound.
 */
public final class BenchServer implements AutoCloseable {
  static final int H2_WINDOW = 16 * 1024 * 1024;

  private final EventLoopGroup group;
  private final Channel channel;
  private final String tlsProvider;
  private final AtomicReference<String> handshakes;

  private BenchServer(EventLoopGroup group, Channel channel, String tlsProvider, AtomicReference<String> handshakes) {
    this.group = group;
    this.channel = channel;
    this.tlsProvider = tlsProvider;
    this.handshakes = handshakes;
  }

  public static BenchServer start(CertificateFiles cert, int smallBodyBytes) throws IOException, InterruptedException {
    Routes.smallSize(smallBodyBytes);
    SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    SslContext ssl = SslContextBuilder.forServer(cert.certificate().toFile(), cert.key().toFile())
        .sslProvider(provider)
        .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
        .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
        .build();
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    AtomicReference<String> handshakes = new AtomicReference<>("none");
    ServerBootstrap b = new ServerBootstrap().group(group).channel(type)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new Negotiation(handshakes));
          }
        });
    try {
      Channel ch = b.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      return new BenchServer(group, ch, provider.name() + (epoll ? ", epoll" : ", nio"), handshakes);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The server's TLS provider and I/O transport, e.g. {@code OPENSSL, epoll}. */
  public String description() {
    return tlsProvider;
  }

  /** The protocol, cipher suite and ALPN result of the latest TLS handshake, e.g. {@code TLSv1.3 TLS_AES_128_GCM_SHA256 h2}. */
  public String lastHandshake() {
    return handshakes.get();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Picks the HTTP/1.1 or HTTP/2 pipeline from ALPN and records the handshake's facts. */
  private static final class Negotiation extends ApplicationProtocolNegotiationHandler {
    private final AtomicReference<String> handshakes;

    Negotiation(AtomicReference<String> handshakes) {
      super(ApplicationProtocolNames.HTTP_1_1);
      this.handshakes = handshakes;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent e && e.isSuccess()) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        SSLSession s = ssl.engine().getSession();
        String alpn = ssl.applicationProtocol();
        handshakes.set(s.getProtocol() + " " + s.getCipherSuite() + " " + (alpn == null ? "no-alpn" : alpn));
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        ctx.pipeline().addLast(
            Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().initialWindowSize(H2_WINDOW).maxConcurrentStreams(1000))
                .build(),
            new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
              @Override
              protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast(new Http2Responder());
              }
            }));
        // Raise the connection window from 64 KiB: a frame without a stream targets stream 0.
        ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(H2_WINDOW - 65_535));
      } else {
        ctx.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(), new Http1Responder());
      }
    }
  }
}
