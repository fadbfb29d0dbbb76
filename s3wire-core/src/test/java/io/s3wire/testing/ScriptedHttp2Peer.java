package io.s3wire.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/2 server that sends exactly the frames a test scripts, over plain TCP (clients connect
 * with h2c prior knowledge), with Netty's own frame reader and writer and no connection logic of
 * its own beyond sending its SETTINGS and acknowledging the client's.
 *
 * <p>Every frame received is logged to {@link #received()} as one line, e.g. {@code HEADERS 1
 * endStream=true}, {@code DATA 1 length=100 endStream=false}, {@code RST_STREAM 1 CANCEL}. Script
 * callbacks run on the peer's event loop; {@link Conn} methods must be called there (or through
 * {@link Conn#run}).
 */
public final class ScriptedHttp2Peer implements AutoCloseable {
  /** What the peer does when frames arrive. */
  public interface Script {
    void onHeaders(Conn conn, int streamId, Http2Headers headers, boolean endStream);

    default void onData(Conn conn, int streamId, int length, boolean endStream) {}

    /** The client returned {@code increment} bytes of window for {@code streamId} (0: the connection). */
    default void onWindowUpdate(Conn conn, int streamId, int increment) {}
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong dataBytesSent = new java.util.concurrent.atomic.AtomicLong();

  public ScriptedHttp2Peer(Http2Settings settings, Script script) {
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            int n = connections.incrementAndGet();
            ch.pipeline().addLast(new PeerDecoder(new Conn(ch, n), settings, script));
          }
        })
        .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + path);
  }

  /** One line per frame received, in order, prefixed with the connection number: {@code 1: HEADERS 1 endStream=true}. */
  public BlockingQueue<String> received() {
    return received;
  }

  /** Waits for the next received line that starts with {@code prefix} (after the connection number), skipping others. */
  public String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String line = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("the peer received no frame starting with '" + prefix + "' within 30 s");
      }
      if (line.substring(line.indexOf(':') + 2).startsWith(prefix)) {
        return line;
      }
    }
  }

  public int connections() {
    return connections.get();
  }

  /** DATA payload bytes written to clients so far, over all connections. */
  public long dataBytesSent() {
    return dataBytesSent.get();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One client connection: write frames to it. */
  public final class Conn {
    private final Channel ch;
    private final int number;
    private final DefaultHttp2FrameWriter writer = new DefaultHttp2FrameWriter();
    private ChannelHandlerContext ctx;

    Conn(Channel ch, int number) {
      this.ch = ch;
      this.number = number;
    }

    public int number() {
      return number;
    }

    /** Runs {@code r} on this connection's event loop. */
    public void run(Runnable r) {
      ch.eventLoop().execute(r);
    }

    public void headers(int streamId, int status, boolean endStream, String... namesAndValues) {
      Http2Headers h = new DefaultHttp2Headers().status(Integer.toString(status));
      for (int i = 0; i < namesAndValues.length; i += 2) {
        h.add(namesAndValues[i], namesAndValues[i + 1]);
      }
      writer.writeHeaders(ctx, streamId, h, 0, endStream, ctx.newPromise());
      ctx.flush();
    }

    public void data(int streamId, int length, boolean endStream) {
      ByteBuf b = Pattern.BLOCK_BUF.retainedSlice(0, length);
      writer.writeData(ctx, streamId, b, 0, endStream, ctx.newPromise());
      dataBytesSent.addAndGet(length);
      ctx.flush();
    }

    /** Writes {@code count} SETTINGS frames (each with {@code settings}), flushing once. */
    public void settings(Http2Settings settings, int count) {
      for (int i = 0; i < count; i++) {
        writer.writeSettings(ctx, settings, ctx.newPromise());
      }
      ctx.flush();
    }

    /** A PUSH_PROMISE on {@code streamId} promising {@code promisedStreamId}, which a client that disabled push must refuse. */
    public void pushPromise(int streamId, int promisedStreamId) {
      Http2Headers h = new DefaultHttp2Headers().method("GET").scheme("http").authority("127.0.0.1").path("/pushed");
      writer.writePushPromise(ctx, streamId, promisedStreamId, h, 0, ctx.newPromise());
      ctx.flush();
    }

    /** A HEADERS frame with {@code :status 200} and no END_HEADERS: CONTINUATION frames must follow. */
    public void headersWithoutEnd(int streamId) {
      ByteBuf block = ctx.alloc().buffer();
      try {
        new io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder().encodeHeaders(streamId,
            new DefaultHttp2Headers().status("200"), block);
      } catch (io.netty.handler.codec.http2.Http2Exception e) {
        block.release();
        throw new IllegalStateException(e);
      }
      writer.writeFrame(ctx, io.netty.handler.codec.http2.Http2FrameTypes.HEADERS, streamId,
          new io.netty.handler.codec.http2.Http2Flags(), block, ctx.newPromise());
      ctx.flush();
    }

    /** A CONTINUATION frame of {@code length} bytes without END_HEADERS. */
    public void continuation(int streamId, int length) {
      writer.writeFrame(ctx, io.netty.handler.codec.http2.Http2FrameTypes.CONTINUATION, streamId,
          new io.netty.handler.codec.http2.Http2Flags(), Unpooled.wrappedBuffer(new byte[length]), ctx.newPromise());
      ctx.flush();
    }

    public boolean isActive() {
      return ch.isActive();
    }

    public boolean isWritable() {
      return ch.isWritable();
    }

    /** Runs {@code step} every {@code periodMillis} while the connection is open, until it returns false. */
    public void every(long periodMillis, java.util.function.BooleanSupplier step) {
      ch.eventLoop().schedule(() -> {
        if (ch.isActive() && step.getAsBoolean()) {
          every(periodMillis, step);
        }
      }, periodMillis, TimeUnit.MILLISECONDS);
    }

    public void rstStream(int streamId, long errorCode) {
      writer.writeRstStream(ctx, streamId, errorCode, ctx.newPromise());
      ctx.flush();
    }

    public void goAway(int lastStreamId, long errorCode, String debug) {
      writer.writeGoAway(ctx, lastStreamId, errorCode, Unpooled.copiedBuffer(debug, StandardCharsets.UTF_8), ctx.newPromise());
      ctx.flush();
    }

    public void windowUpdate(int streamId, int increment) {
      writer.writeWindowUpdate(ctx, streamId, increment, ctx.newPromise());
      ctx.flush();
    }

    public void close() {
      ch.close();
    }
  }

  private final class PeerDecoder extends ByteToMessageDecoder {
    private final Conn conn;
    private final Http2Settings settings;
    private final Script script;
    private final DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader(false);
    private boolean prefaceRead;

    PeerDecoder(Conn conn, Http2Settings settings, Script script) {
      this.conn = conn;
      this.settings = settings;
      this.script = script;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      conn.ctx = ctx;
      conn.writer.writeSettings(ctx, settings, ctx.newPromise());
      ctx.flush();
      super.channelActive(ctx);
    }

    private void log(String line) {
      received.add(conn.number + ": " + line);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
      if (!prefaceRead) {
        int n = Http2CodecUtil.connectionPrefaceBuf().readableBytes();
        if (in.readableBytes() < n) {
          return;
        }
        in.skipBytes(n);
        prefaceRead = true;
      }
      reader.readFrame(ctx, in, new Http2FrameAdapter() {
        @Override
        public void onSettingsRead(ChannelHandlerContext c, Http2Settings s) {
          log("SETTINGS");
          conn.writer.writeSettingsAck(c, c.newPromise());
          c.flush();
        }

        @Override
        public void onSettingsAckRead(ChannelHandlerContext c) {
          log("SETTINGS ack");
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers, int padding, boolean endStream) {
          log("HEADERS " + streamId + " endStream=" + endStream);
          script.onHeaders(conn, streamId, headers, endStream);
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext c, int streamId, Http2Headers headers, int dep, short weight,
            boolean exclusive, int padding, boolean endStream) {
          onHeadersRead(c, streamId, headers, padding, endStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext c, int streamId, ByteBuf data, int padding, boolean endStream) {
          int n = data.readableBytes();
          log("DATA " + streamId + " length=" + n + " endStream=" + endStream);
          script.onData(conn, streamId, n, endStream);
          return n + padding;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext c, int streamId, long errorCode) {
          log("RST_STREAM " + streamId + " " + io.s3wire.error.Http2ErrorCode.nameOf(errorCode));
        }

        @Override
        public void onWindowUpdateRead(ChannelHandlerContext c, int streamId, int increment) {
          log("WINDOW_UPDATE " + streamId + " " + increment);
          script.onWindowUpdate(conn, streamId, increment);
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext c, int lastStreamId, long errorCode, ByteBuf debugData) {
          log("GOAWAY " + lastStreamId + " " + io.s3wire.error.Http2ErrorCode.nameOf(errorCode));
        }

        @Override
        public void onPingRead(ChannelHandlerContext c, long data) {
          log("PING");
        }
      });
    }

    @Override
    public void handlerRemoved0(ChannelHandlerContext ctx) {
      reader.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log("ERROR " + cause);
      ctx.close();
    }
  }
}
