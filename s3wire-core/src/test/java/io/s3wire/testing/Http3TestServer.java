package io.s3wire.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A Netty HTTP/3 server on a loopback UDP port for client tests, with its behaviour chosen by the
 * request path:
 *
 * <ul>
 *   <li>{@code GET /bytes/N}: 200 with N pattern bytes ({@link Pattern}), written as the stream's
 *       flow control allows;
 *   <li>{@code PUT /crc}: reads the whole body, answers 200 with {@code x-length} and {@code x-crc}
 *       (CRC-32, hex);
 *   <li>{@code GET /reset/CODE}: RESET_STREAM with CODE before any response;
 *   <li>{@code GET /held/NAME}: a 200's headers, then nothing until {@code GET /reset-held/NAME/CODE}
 *       resets it with CODE (so the reset comes after the client saw the headers);
 *   <li>{@code GET /close/CODE}: CONNECTION_CLOSE with the HTTP/3 code CODE (hex);
 *   <li>{@code GET /silent}: never answers;
 *   <li>anything else: 200 {@code hello}.
 * </ul>
 *
 * Every request's header section is kept ({@link #requests()}).
 */
public final class Http3TestServer implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel channel;
  private final List<Http3Headers> requests = new CopyOnWriteArrayList<>();
  private final java.util.Map<String, QuicStreamChannel> held = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long clientMaxUdpPayload = -1;

  /**
   * Starts a server with {@code cert}; the QUIC idle timeout is {@code idleMillis}; it grants 100
   * request streams at first.
   */
  public Http3TestServer(TestCertificates cert, long idleMillis) throws InterruptedException {
    this(cert, idleMillis, 100);
  }

  /**
   * Starts a server that grants {@code streamCredit} request streams at first
   * (initial_max_streams_bidi) and more, by MAX_STREAMS, only as streams close.
   */
  public Http3TestServer(TestCertificates cert, long idleMillis, int streamCredit) throws InterruptedException {
    QuicSslContext ssl = QuicSslContextBuilder.forServer(cert.key(), null, cert.certificate())
        .applicationProtocols(Http3.supportedApplicationProtocols()).build();
    var codec = Http3.newQuicServerCodecBuilder()
        .sslContext(ssl)
        .maxIdleTimeout(idleMillis, TimeUnit.MILLISECONDS)
        .initialMaxData(64L << 20)
        .initialMaxStreamDataBidirectionalRemote(4L << 20)
        .initialMaxStreamDataBidirectionalLocal(4L << 20)
        .initialMaxStreamsBidirectional(streamCredit)
        .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
        .handler(new ChannelInitializer<QuicChannel>() {
          @Override
          protected void initChannel(QuicChannel ch) {
            ch.pipeline().addLast(new Http3ServerConnectionHandler(new ChannelInitializer<QuicStreamChannel>() {
              @Override
              protected void initChannel(QuicStreamChannel stream) {
                clientMaxUdpPayload = stream.parent().peerTransportParameters().maxUdpPayloadSize();
                stream.pipeline().addLast(new Exchange());
              }
            }));
          }
        })
        .build();
    channel = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(codec)
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  /** The max_udp_payload_size the last client to open a request stream advertised; -1 before any. */
  public long clientMaxUdpPayload() {
    return clientMaxUdpPayload;
  }

  /** The UDP port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** An https URI on this server for {@code path}, host {@code localhost}. */
  public URI uri(String path) {
    return URI.create("https://localhost:" + port() + path);
  }

  /** The header sections received, in order. */
  public List<Http3Headers> requests() {
    return requests;
  }

  /** Closes the QUIC connection of the held stream {@code name} with the HTTP/3 code {@code code}. */
  public void closeConnectionOf(String name, int code) {
    QuicStreamChannel stream = held.remove(name);
    stream.parent().close(true, code, stream.alloc().buffer().writeBytes("test close".getBytes(StandardCharsets.US_ASCII)));
  }

  /** Resets the held stream {@code name} with the HTTP/3 code {@code code}, without a request (which would need a stream). */
  public void resetHeld(String name, int code) {
    held.remove(name).shutdownOutput(code);
  }

  /**
   * Stops the server's only event loop until the returned handle is closed: nothing is received
   * or sent meanwhile (no response, no MAX_STREAMS). Waits for the loop to stop, at most 10 seconds.
   */
  public AutoCloseable pause() throws InterruptedException {
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
    group.next().execute(() -> {
      stopped.countDown();
      try {
        resume.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    if (!stopped.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server's event loop did not stop within 10 s");
    }
    return resume::countDown;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One request stream. */
  private final class Exchange extends Http3RequestStreamInboundHandler {
    private String path = "/";
    private long received;
    private final CRC32 crc = new CRC32();
    private long toSend;

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
      requests.add(frame.headers());
      path = String.valueOf(frame.headers().path());
      QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
      if (path.startsWith("/reset/")) {
        stream.shutdownOutput(code(path));
      } else if (path.startsWith("/held/")) {
        held.put(path.substring("/held/".length()), stream);
        ctx.writeAndFlush(new DefaultHttp3HeadersFrame(head(200, 1_000_000)));
      } else if (path.startsWith("/reset-held/")) {
        String name = path.substring("/reset-held/".length(), path.lastIndexOf('/'));
        held.remove(name).shutdownOutput(code(path));
      } else if (path.startsWith("/close/")) {
        stream.parent().close(true, code(path), ctx.alloc().buffer().writeBytes("test close".getBytes(StandardCharsets.US_ASCII)));
      }
    }

    private int code(String p) {
      return Integer.parseInt(p.substring(p.lastIndexOf('/') + 1), 16);
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
      ByteBuf b = frame.content();
      received += b.readableBytes();
      crc.update(b.nioBuffer());
      frame.release();
    }

    @Override
    protected void channelInputClosed(ChannelHandlerContext ctx) {
      if (path.startsWith("/reset/") || path.startsWith("/held/") || path.startsWith("/close/") || path.equals("/silent")) {
        return;
      }
      if (path.equals("/crc")) {
        Http3Headers h = head(200, 0);
        h.set("x-length", Long.toString(received)).set("x-crc", Long.toHexString(crc.getValue()));
        ctx.writeAndFlush(new DefaultHttp3HeadersFrame(h)).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
      } else if (path.startsWith("/bytes/")) {
        toSend = Long.parseLong(path.substring("/bytes/".length()));
        ctx.writeAndFlush(new DefaultHttp3HeadersFrame(head(200, toSend)));
        pump(ctx);
      } else {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        ctx.write(new DefaultHttp3HeadersFrame(head(200, hello.length)));
        ctx.writeAndFlush(new DefaultHttp3DataFrame(ctx.alloc().buffer().writeBytes(hello))).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
      }
    }

    private long sent;

    /** Writes pattern bytes while the stream is writable; the rest when it is again. */
    private void pump(ChannelHandlerContext ctx) {
      while (sent < toSend && ctx.channel().isWritable()) {
        int n = (int) Math.min(16 * 1024, toSend - sent);
        int offset = (int) (sent % Pattern.BLOCK);
        n = Math.min(n, Pattern.BLOCK - offset);
        ByteBuf chunk = ctx.alloc().buffer(n).writeBytes(Pattern.BLOCK_BUF, offset, n);
        sent += n;
        var f = ctx.write(new DefaultHttp3DataFrame(chunk));
        if (sent == toSend) {
          f.addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
        }
      }
      ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (toSend > 0) {
        pump(ctx);
      }
      ctx.fireChannelWritabilityChanged();
    }

    private Http3Headers head(int status, long length) {
      Http3Headers h = new DefaultHttp3Headers().status(Integer.toString(status));
      h.set("content-length", Long.toString(length));
      return h;
    }
  }

}
