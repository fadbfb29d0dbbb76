package io.s3wire.cli.local;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The probe's local responder: a small TLS server on 127.0.0.1 (port chosen by the OS) that speaks
 * HTTP/2 and HTTP/1.1, chosen by ALPN (HTTP/1.1 when the client offers none), and answers every
 * GET or HEAD with {@code 200} and a one-line text body naming the protocol. It exists so {@code
 * s3wire probe --local} works on a machine with no network and no S3 server; it is not an S3
 * server.
 *
 * <p>{@link #close()} stops it and its thread; nothing is left running.
 */
public final class ProbeLocalResponder implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;
  private final SelfSignedCertificate certificate;

  private ProbeLocalResponder(EventLoopGroup group, Channel channel, SelfSignedCertificate certificate) {
    this.group = group;
    this.channel = channel;
    this.certificate = certificate;
  }

  /** Starts a responder with a fresh self-signed certificate; blocks until it listens. */
  public static ProbeLocalResponder start() {
    SelfSignedCertificate cert = SelfSignedCertificate.create();
    SslContext ssl;
    try {
      ssl = SslContextBuilder.forServer(cert.key(), cert.certificate())
          .sslProvider(SslProvider.JDK)
          .applicationProtocolConfig(new ApplicationProtocolConfig(
              ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS for the local responder: " + e.getMessage(), e);
    }
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel ch = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(ssl.newHandler(c.alloc()), new Negotiation());
            }
          })
          .bind(new InetSocketAddress("127.0.0.1", 0))
          .syncUninterruptibly()
          .channel();
      return new ProbeLocalResponder(group, ch, cert);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** {@code https://127.0.0.1:PORT/}. */
  public URI uri() {
    return URI.create("https://127.0.0.1:" + port() + "/");
  }

  /** The certificate clients must trust to verify this responder. */
  public SelfSignedCertificate certificate() {
    return certificate;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  static String body(String protocol) {
    return "s3wire probe local responder: " + protocol + "\n";
  }

  /** Installs the HTTP/2 or HTTP/1.1 handlers once ALPN has decided. */
  private static final class Negotiation extends ApplicationProtocolNegotiationHandler {
    Negotiation() {
      super(ApplicationProtocolNames.HTTP_1_1);
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
      // A client that does not trust our certificate is an expected outcome of a probe, not news.
      ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
      if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
        ctx.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Http2Responder(), new QuietClose());
      } else {
        ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new Http1Responder(), new QuietClose());
      }
    }
  }

  /** Ends the pipeline: a connection that fails (a reset, a broken client) is closed without a log line. */
  private static final class QuietClose extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Answers each HTTP/1.1 request; keeps the connection open when the client wants it. */
  private static final class Http1Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      byte[] body = body("HTTP/1.1").getBytes(StandardCharsets.US_ASCII);
      boolean head = req.method().equals(HttpMethod.HEAD);
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=us-ascii");
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
      res.headers().set(HttpHeaderNames.SERVER, "s3wire-probe-local");
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      var f = ctx.writeAndFlush(res);
      if (!keepAlive) {
        f.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      }
    }
  }

  /** Answers each HTTP/2 stream once its request has ended; DATA from the client is discarded. */
  private static final class Http2Responder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame h && h.isEndStream()) {
          respond(ctx, h.stream(), "HEAD".contentEquals(h.headers().method()));
        } else if (msg instanceof Http2DataFrame d && d.isEndStream()) {
          respond(ctx, d.stream(), false);
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private static void respond(ChannelHandlerContext ctx, Http2FrameStream stream, boolean head) {
      byte[] body = body("HTTP/2").getBytes(StandardCharsets.US_ASCII);
      Http2Headers headers = new DefaultHttp2Headers().status("200")
          .set("content-type", "text/plain; charset=us-ascii")
          .setInt("content-length", body.length)
          .set("server", "s3wire-probe-local");
      ctx.write(new DefaultHttp2HeadersFrame(headers, head).stream(stream));
      if (!head) {
        ByteBuf data = Unpooled.wrappedBuffer(body);
        ctx.write(new DefaultHttp2DataFrame(data, true).stream(stream));
      }
      ctx.flush();
    }
  }
}
