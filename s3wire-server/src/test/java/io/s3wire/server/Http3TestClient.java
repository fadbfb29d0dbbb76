package io.s3wire.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A peer for the server's HTTP/3 listener: Netty's own HTTP/3 client codec over QUIC, one
 * connection, requests on their own streams. Response bodies are hashed as they arrive (a 32 MiB
 * GET is never held whole); bodies up to 1 MiB are kept too.
 */
final class Http3TestClient implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel udp;
  private final QuicChannel quic;

  /** What came back on one stream: the head, the body's size, hash and (small) bytes, or the reset code. */
  record Response(Http3Headers headers, long length, String sha256, byte[] body, long resetCode) {
    int status() {
      return Integer.parseInt(headers.status().toString());
    }

    String header(String name) {
      CharSequence v = headers.get(name);
      return v == null ? null : v.toString();
    }
  }

  Http3TestClient(S3Server server) throws Exception {
    QuicSslContext ssl = QuicSslContextBuilder.forClient().trustManager(server.certificate())
        .applicationProtocols(Http3.supportedApplicationProtocols()).build();
    udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
        // The engine knows the peer's name, so the certificate's 127.0.0.1 is checked as a browser would.
        .handler(Http3.newQuicClientCodecBuilder().sslEngineProvider(q -> ssl.newEngine(q.alloc(), "127.0.0.1",
                server.port())).maxIdleTimeout(60, TimeUnit.SECONDS)
            .initialMaxData(64L << 20).initialMaxStreamDataBidirectionalLocal(16L << 20).build())
        .bind(0).sync().channel();
    quic = QuicChannel.newBootstrap(udp).handler(new Http3ClientConnectionHandler())
        .remoteAddress(new InetSocketAddress("127.0.0.1", server.port())).connect().get(30, TimeUnit.SECONDS);
  }

  /**
   * Sends {@code head} and then {@code body} chunks as DATA frames, each waiting until the stream
   * took it (so the server's flow control paces the upload), then the FIN.
   */
  Response exchange(Http3Headers head, Consumer<BodyWriter> body) throws Exception {
    CompletableFuture<Response> done = new CompletableFuture<>();
    QuicStreamChannel stream = Http3.newRequestStream(quic, new Collector(done, new CompletableFuture<>()))
        .get(30, TimeUnit.SECONDS);
    stream.writeAndFlush(new DefaultHttp3HeadersFrame(head)).sync();
    body.accept(chunk -> {
      if (!stream.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(chunk))).await(60, TimeUnit.SECONDS)) {
        throw new IOException("the server took no request bytes for 60 s");
      }
    });
    stream.shutdownOutput();
    return done.get(120, TimeUnit.SECONDS);
  }

  /**
   * Sends {@code head} (which asks for {@code 100 Continue}), waits for the server's interim 100 and
   * only then sends {@code body} and the FIN, as a client that honours Expect does.
   */
  Response exchangeAfterContinue(Http3Headers head, byte[] body) throws Exception {
    CompletableFuture<Response> done = new CompletableFuture<>();
    CompletableFuture<Void> interim = new CompletableFuture<>();
    QuicStreamChannel stream = Http3.newRequestStream(quic, new Collector(done, interim)).get(30, TimeUnit.SECONDS);
    stream.writeAndFlush(new DefaultHttp3HeadersFrame(head)).sync();
    interim.get(30, TimeUnit.SECONDS);
    stream.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(body))).sync();
    stream.shutdownOutput();
    return done.get(120, TimeUnit.SECONDS);
  }

  Response exchange(Http3Headers head) throws Exception {
    return exchange(head, w -> {});
  }

  /** Writes one chunk of a request body, blocking until the stream took it. */
  interface BodyWriter {
    void write(byte[] chunk) throws IOException, InterruptedException;

    default void accept(byte[] chunk) {
      try {
        write(chunk);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Collector extends Http3RequestStreamInboundHandler {
    private final CompletableFuture<Response> done;
    private final MessageDigest sha = sha256();
    private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
    private Http3Headers headers;
    private final CompletableFuture<Void> interim;
    private long length;

    Collector(CompletableFuture<Response> done, CompletableFuture<Void> interim) {
      this.done = done;
      this.interim = interim;
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
      if (headers == null || headers.status().charAt(0) == '1') {
        headers = frame.headers();
        if (headers.status().toString().equals("100")) {
          interim.complete(null);
        }
      }
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
      byte[] b = new byte[frame.content().readableBytes()];
      frame.content().readBytes(b);
      frame.release();
      sha.update(b);
      length += b.length;
      if (kept.size() < (1 << 20)) {
        kept.writeBytes(b);
      }
    }

    @Override
    protected void channelInputClosed(ChannelHandlerContext ctx) {
      done.complete(new Response(headers, length, HexFormat.of().formatHex(sha.digest()), kept.toByteArray(), -1));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof QuicStreamResetException reset) {
        done.complete(new Response(headers, length, null, null, reset.applicationProtocolCode()));
      } else {
        done.completeExceptionally(cause);
      }
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      done.completeExceptionally(new IOException("stream closed before its response ended"));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    quic.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    udp.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
