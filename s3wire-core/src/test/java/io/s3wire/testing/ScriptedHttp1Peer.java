package io.s3wire.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server that answers each request with exactly the bytes a test scripts: a head with
 * any framing, a body shorter or longer than it announces, a drip, a close (with or without TLS's
 * close_notify). It parses only request heads (and skips a body announced by Content-Length).
 *
 * <p>Script callbacks run on the peer's event loop; so must {@link Conn} methods (use {@link
 * Conn#run} from elsewhere). {@link #bytesWritten()} counts the response bytes the socket took, so a
 * test can bound what a client let the network send ahead of its reader.
 */
public final class ScriptedHttp1Peer implements AutoCloseable {
  /** What the peer does when a request head arrived. */
  @FunctionalInterface
  public interface Script {
    void onRequest(Conn conn, String requestLine);
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final boolean tls;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger closedConnections = new AtomicInteger();
  private final AtomicLong bytesWritten = new AtomicLong();

  /** A plain-TCP peer. */
  public ScriptedHttp1Peer(Script script) {
    this(null, script);
  }

  /** A peer behind TLS with {@code certificates} (clients must trust them), offering no ALPN. */
  public ScriptedHttp1Peer(TestCertificates certificates, Script script) {
    SslContext ssl;
    try {
      ssl = certificates == null ? null : SslContextBuilder.forServer(certificates.key(), certificates.certificate()).build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IllegalStateException(e);
    }
    this.tls = ssl != null;
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            int n = connections.incrementAndGet();
            ch.closeFuture().addListener(f -> closedConnections.incrementAndGet());
            if (ssl != null) {
              ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HeadReader(new Conn(ch, n), script));
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
  }

  public URI uri(String path) {
    return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") + ((InetSocketAddress) server.localAddress()).getPort() + path);
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Connections accepted and since closed (by either side). */
  public int closedConnections() {
    return closedConnections.get();
  }

  /** Request heads received so far. */
  public int requests() {
    return requests.get();
  }

  /** Response bytes the sockets accepted (before TLS), summed over connections. */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One client connection: write bytes to it. */
  public final class Conn {
    private final Channel ch;
    private final int number;

    Conn(Channel ch, int number) {
      this.ch = ch;
      this.number = number;
    }

    public int number() {
      return number;
    }

    public void run(Runnable r) {
      ch.eventLoop().execute(r);
    }

    public boolean isActive() {
      return ch.isActive();
    }

    /** Whether the socket takes more without queueing in the peer. */
    public boolean isWritable() {
      return ch.isWritable();
    }

    /** Writes {@code text} (ISO-8859-1) and flushes. */
    public void write(String text) {
      write(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code length} bytes of the test pattern and flushes. */
    public void body(int length) {
      write(Pattern.BLOCK_BUF.retainedSlice(0, length));
    }

    private void write(ByteBuf b) {
      int n = b.readableBytes();
      ch.writeAndFlush(b).addListener(f -> {
        if (f.isSuccess()) {
          bytesWritten.addAndGet(n);
        }
      });
    }

    /** Runs {@code step} every {@code periodMillis} while the connection is open, until it returns false. */
    public void every(long periodMillis, java.util.function.BooleanSupplier step) {
      ch.eventLoop().schedule(() -> {
        if (ch.isActive() && step.getAsBoolean()) {
          every(periodMillis, step);
        }
      }, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Calls {@code onWritable} whenever the socket drains after being full. */
    public void whenWritable(Runnable onWritable) {
      ch.pipeline().get(HeadReader.class).onWritable = onWritable;
    }

    /** Closes TCP at once; behind TLS, without sending close_notify (a truncation, as TLS sees it). */
    public void abort() {
      SslHandler ssl = ch.pipeline().get(SslHandler.class);
      if (ssl != null) {
        ch.pipeline().remove(ssl);
      }
      ch.close();
    }

    /** Closes the connection; behind TLS, after close_notify. */
    public void close() {
      SslHandler ssl = ch.pipeline().get(SslHandler.class);
      if (ssl != null) {
        ssl.closeOutbound().addListener((ChannelFutureListener) f -> ch.close());
      } else {
        ch.close();
      }
    }
  }

  /** Collects request heads, skips Content-Length bodies and hands each head to the script. */
  private final class HeadReader extends ChannelInboundHandlerAdapter {
    private final Conn conn;
    private final Script script;
    private final StringBuilder head = new StringBuilder();
    private long bodyToSkip;
    Runnable onWritable;

    HeadReader(Conn conn, Script script) {
      this.conn = conn;
      this.script = script;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      try {
        while (in.isReadable()) {
          if (bodyToSkip > 0) {
            int n = (int) Math.min(bodyToSkip, in.readableBytes());
            in.skipBytes(n);
            bodyToSkip -= n;
            continue;
          }
          head.append((char) (in.readByte() & 0xff));
          int len = head.length();
          if (len >= 4 && head.charAt(len - 1) == '\n' && head.charAt(len - 2) == '\r' && head.charAt(len - 3) == '\n'
              && head.charAt(len - 4) == '\r') {
            String text = head.toString();
            head.setLength(0);
            bodyToSkip = contentLength(text);
            requests.incrementAndGet();
            script.onRequest(conn, text.substring(0, text.indexOf('\r')));
          }
        }
      } finally {
        in.release();
      }
    }

    private long contentLength(String text) {
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          return Long.parseLong(line.substring("content-length:".length()).trim());
        }
      }
      return 0;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable() && onWritable != null) {
        onWritable.run();
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
