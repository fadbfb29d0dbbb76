package io.s3wire.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * An in-process HTTP/1.1 + HTTP/2 server for transport tests, on 127.0.0.1 with an OS-chosen port.
 *
 * <p>Over TLS it offers the ALPN protocols given ({@code none}: no ALPN at all) with the TLS provider
 * given; in plain mode it speaks HTTP/1.1, or HTTP/2 when the connection starts with the HTTP/2
 * client preface (h2c prior knowledge). Requests are answered by {@link TestRoutes}; what arrived is
 * recorded as {@link ReceivedRequest}s, with HTTP/2 header blocks exactly as received (pseudo-headers
 * included, before any conversion).
 */
public final class TestHttpServer implements AutoCloseable {
  static final AttributeKey<ReceivedRequest.Builder> RECORD = AttributeKey.valueOf("s3wire.record");

  private final EventLoopGroup group;
  private final Channel server;
  private final SslContext ssl;
  private final boolean tls;
  private final BlockingQueue<ReceivedRequest> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> negotiated = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  final Http2Settings http2Settings;

  private TestHttpServer(Builder b) throws InterruptedException {
    this.tls = b.certificates != null;
    this.http2Settings = b.http2Settings;
    if (tls) {
      SslContextBuilder sb = SslContextBuilder.forServer(b.certificates.key(), b.certificates.certificate()).sslProvider(b.provider);
      if (b.tlsProtocols != null) {
        sb.protocols(b.tlsProtocols);
      }
      if (b.alpn != null && !b.alpn.isEmpty()) {
        sb.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, b.alpn));
      }
      try {
        ssl = sb.build();
      } catch (SSLException e) {
        throw new IllegalStateException(e);
      }
    } else {
      ssl = null;
    }
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.incrementAndGet();
            if (tls) {
              ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
              ch.pipeline().addLast(new AlpnSwitch());
            } else {
              ch.pipeline().addLast(new PrefaceSniffer());
            }
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .sync()
        .channel();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code https://localhost:port/path} over TLS, {@code http://127.0.0.1:port/path} plain. */
  public URI uri(String pathAndQuery) {
    return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") + port() + pathAndQuery);
  }

  /** What arrived, in order of completion. */
  public BlockingQueue<ReceivedRequest> requests() {
    return requests;
  }

  /** Per TLS connection: the ALPN protocol the server selected, or {@code none}. */
  public BlockingQueue<String> negotiated() {
    return negotiated;
  }

  /** TCP connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Waits for the next recorded request. */
  public ReceivedRequest nextRequest() throws InterruptedException {
    ReceivedRequest r = requests.poll(30, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request reached the test server within 30 s");
    }
    return r;
  }

  void record(ReceivedRequest r) {
    requests.add(r);
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (ssl != null) {
      io.netty.util.ReferenceCountUtil.release(ssl);
    }
  }

  void configureHttp1(ChannelPipeline p) {
    p.addLast(new HttpServerCodec());
    p.addLast(new Http1Recorder(this));
    p.addLast(new TestRoutes("HTTP/1.1"));
  }

  void configureHttp2(ChannelPipeline p) {
    p.addLast(Http2FrameCodecBuilder.forServer().initialSettings(http2Settings).build());
    // A 16 MiB connection window, like a bulk-transfer server; the codec turns this frame into credit.
    p.addLast(new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame((16 << 20) - 65_535));
        ctx.pipeline().remove(this);
      }
    });
    p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel ch) {
        ch.pipeline().addLast(new Http2Recorder(TestHttpServer.this));
        ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
        ch.pipeline().addLast(new TestRoutes("HTTP/2"));
      }
    }));
  }

  /** After the TLS handshake: HTTP/2 when ALPN selected h2, else HTTP/1.1. */
  private final class AlpnSwitch extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent e) {
        if (!e.isSuccess()) {
          ctx.close();
          return;
        }
        String selected = ctx.pipeline().get(SslHandler.class).applicationProtocol();
        negotiated.add(selected == null ? "none" : selected);
        ChannelPipeline p = ctx.pipeline();
        p.remove(this);
        if ("h2".equals(selected)) {
          configureHttp2(p);
        } else {
          configureHttp1(p);
        }
        return;
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Plain TCP: HTTP/2 with prior knowledge when the connection starts with the client preface. */
  private final class PrefaceSniffer extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
      try {
        int n = Math.min(in.readableBytes(), preface.readableBytes());
        boolean prefix = io.netty.buffer.ByteBufUtil.equals(in, in.readerIndex(), preface, 0, n);
        if (prefix && n < preface.readableBytes()) {
          return;
        }
        ChannelPipeline p = ctx.pipeline();
        if (prefix) {
          configureHttp2(p);
        } else {
          configureHttp1(p);
        }
        p.remove(this);
      } finally {
        preface.release();
      }
    }
  }

  /** Records HTTP/2 frames of one stream as they arrive, before conversion to HTTP objects. */
  private static final class Http2Recorder extends ChannelInboundHandlerAdapter {
    private final TestHttpServer server;
    private ReceivedRequest.Builder record;

    Http2Recorder(TestHttpServer server) {
      this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      boolean end = false;
      if (msg instanceof Http2HeadersFrame h) {
        if (record == null) {
          record = new ReceivedRequest.Builder("HTTP/2", h.headers().method().toString(), h.headers().path().toString());
          for (Map.Entry<CharSequence, CharSequence> e : h.headers()) {
            record.header(e.getKey().toString(), e.getValue().toString());
          }
          record.headersEndStream = h.isEndStream();
          ctx.channel().attr(RECORD).set(record);
        }
        end = h.isEndStream();
      } else if (msg instanceof Http2DataFrame d) {
        record.dataFrames++;
        record.bodyBytes += d.content().readableBytes();
        end = d.isEndStream();
      }
      if (end) {
        server.record(record.build());
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** Records HTTP/1.1 requests as they arrive. */
  private static final class Http1Recorder extends ChannelInboundHandlerAdapter {
    private final TestHttpServer server;
    private ReceivedRequest.Builder record;

    Http1Recorder(TestHttpServer server) {
      this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof io.netty.handler.codec.http.HttpRequest r) {
        record = new ReceivedRequest.Builder("HTTP/1.1", r.method().name(), r.uri());
        for (Map.Entry<String, String> e : r.headers()) {
          record.header(e.getKey(), e.getValue());
        }
        ctx.channel().attr(RECORD).set(record);
      }
      if (msg instanceof io.netty.handler.codec.http.HttpContent c) {
        record.bodyBytes += c.content().readableBytes();
        if (c.content().isReadable()) {
          record.dataFrames++;
        }
        if (msg instanceof io.netty.handler.codec.http.LastHttpContent) {
          server.record(record.build());
        }
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** Configures a {@link TestHttpServer}. */
  public static final class Builder {
    private TestCertificates certificates;
    private SslProvider provider = SslProvider.JDK;
    private List<String> alpn = List.of("h2", "http/1.1");
    private Http2Settings http2Settings = Http2Settings.defaultSettings().initialWindowSize(4 << 20);
    private String[] tlsProtocols;

    /** Restricts the TLS versions the server accepts, e.g. {@code TLSv1.2}. */
    public Builder tlsProtocols(String... protocols) {
      tlsProtocols = protocols;
      return this;
    }

    /** TLS with this certificate; without it the server is plain TCP. */
    public Builder tls(TestCertificates c) {
      certificates = c;
      return this;
    }

    public Builder provider(SslProvider p) {
      provider = p;
      return this;
    }

    /** The ALPN protocols the server accepts, in its order of preference; none for no ALPN support. */
    public Builder alpn(String... protocols) {
      alpn = new ArrayList<>(List.of(protocols));
      return this;
    }

    public Builder http2Settings(Http2Settings s) {
      http2Settings = s;
      return this;
    }

    public TestHttpServer build() {
      try {
        return new TestHttpServer(this);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
