package io.s3wire.http.internal.pcap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.pcap.PcapWriteHandler;
import io.s3wire.wire.Redaction;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;

/**
 * Copies one connection's cleartext bytes, secrets masked, into a {@link PcapFile}.
 *
 * <p>Sits right after the TLS handler (first, on plain TCP), so it sees HTTP/1.1 or HTTP/2 as the
 * codec reads and writes it. The bytes on the wire are never touched: each read and write is
 * copied, masked ({@link Http1Masker} or {@link Http2Rewriter}, chosen per direction from the first
 * bytes: the HTTP/2 preface, or a response that starts with {@code H}), and handed to Netty's
 * {@link PcapWriteHandler} in a private {@link EmbeddedChannel} that stands for the connection,
 * which adds the synthetic Ethernet, IP and TCP headers (handshake at the start, FIN at the end).
 *
 * <p>In the capture the connection runs from the local address and port ({@link
 * PcapFile#clientPort}) to the server's address at port 80, where Wireshark decodes HTTP and
 * hands a connection that opens with the HTTP/2 preface to its HTTP/2 dissector. A capture that
 * fails to write stops for this connection only; the connection goes on. Event-loop thread only.
 */
public final class PcapTap extends ChannelDuplexHandler {
  private static final int CAPTURE_PORT = 80;

  private final PcapFile file;
  private volatile IntFunction<Redaction> redactions = stream -> Redaction.DEFAULT;
  private EmbeddedChannel recorder;
  private boolean started;
  private int clientPort;
  private Side sent;
  private Side received;

  PcapTap(PcapFile file) {
    this.file = file;
  }

  /**
   * Whether {@code channel}'s bytes are captured: then every byte must pass through the pipeline
   * as a buffer (no sendfile {@code FileRegion}, which the tap cannot copy).
   */
  public static boolean capturing(io.netty.channel.Channel channel) {
    return channel.pipeline().get(PcapTap.class) != null;
  }

  /**
   * Sets how a stream's headers are redacted (a call's extra sensitive headers); until then, and on
   * HTTP/1.1 (stream 0), {@link Redaction#DEFAULT}.
   */
  public void redactions(IntFunction<Redaction> byStream) {
    this.redactions = byStream;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  /**
   * Opens the connection in the capture: on channelActive, or at the first byte when the codec
   * writes (its preface) from the connect listener, which Netty runs before channelActive.
   */
  private void start(ChannelHandlerContext ctx) {
    if (started || !(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
      return;
    }
    started = true;
    InetAddress server = remote.getAddress();
    InetSocketAddress local = ctx.channel().localAddress() instanceof InetSocketAddress l ? l : null;
    InetAddress client = local == null ? null : local.getAddress();
    if (client == null || (client instanceof Inet4Address) != (server instanceof Inet4Address)) {
      client = server instanceof Inet6Address ? InetAddress.getLoopbackAddress() : server;
    }
    // Port 80 is the server's side in the capture: a client bound to it gets a counted port.
    clientPort = file.clientPort(local == null || local.getPort() == CAPTURE_PORT ? 0 : local.getPort());
    PcapWriteHandler writer = PcapWriteHandler.builder()
        .sharedOutputStream(true)
        .writePcapGlobalHeader(false)
        .forceTcpChannel(new InetSocketAddress(server, CAPTURE_PORT), new InetSocketAddress(client, clientPort), false)
        .build(file.out());
    sent = new Side(true);
    received = new Side(false);
    try {
      recorder = new EmbeddedChannel(writer);
    } catch (RuntimeException e) {
      recorder = null;
      file.releaseClientPort(clientPort);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    start(ctx);
    if (recorder != null && msg instanceof ByteBuf b) {
      record(received, b, ctx.alloc());
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    start(ctx);
    if (recorder != null && msg instanceof ByteBuf b) {
      record(sent, b, ctx.alloc());
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stop();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  private void record(Side side, ByteBuf bytes, ByteBufAllocator alloc) {
    if (!bytes.isReadable()) {
      return;
    }
    ByteBuf masked = side.mask(bytes, alloc);
    try {
      if (!masked.isReadable()) {
        return;
      }
      if (side.client) {
        recorder.writeOutbound(masked.retain());
        recorder.releaseOutbound();
      } else {
        recorder.writeInbound(masked.retain());
        recorder.releaseInbound();
      }
    } catch (RuntimeException e) {
      // The file could not be written: stop capturing this connection, never fail it.
      stop();
    } finally {
      masked.release();
    }
  }

  /** Ends the capture of this connection: FIN packets, then flush. Idempotent. */
  private void stop() {
    EmbeddedChannel r = recorder;
    if (r == null) {
      return;
    }
    recorder = null;
    file.releaseClientPort(clientPort);
    sent.close();
    received.close();
    try {
      r.finishAndReleaseAll();
    } catch (RuntimeException e) {
      // Closing a capture that failed to write: nothing more to write.
    }
  }

  /** One direction: its masker, chosen from its first bytes. */
  private final class Side {
    final boolean client;
    private Http1Masker http1;
    private Http2Rewriter http2;

    Side(boolean client) {
      this.client = client;
    }

    ByteBuf mask(ByteBuf in, ByteBufAllocator alloc) {
      if (http1 == null && http2 == null) {
        boolean h2 = client ? startsWithPreface(in) : in.getByte(in.readerIndex()) != 'H';
        if (h2) {
          http2 = new Http2Rewriter(alloc, client, stream -> redactions.apply(stream));
        } else {
          http1 = new Http1Masker(() -> redactions.apply(0));
        }
      }
      if (http2 != null) {
        ByteBuf out = alloc.heapBuffer(in.readableBytes() + 64);
        http2.rewrite(in, out);
        return out;
      }
      int n = in.readableBytes();
      ByteBuf out = alloc.heapBuffer(n, n);
      in.getBytes(in.readerIndex(), out, n);
      http1.mask(out.array(), out.arrayOffset() + out.readerIndex(), out.arrayOffset() + out.writerIndex());
      return out;
    }

    void close() {
      if (http2 != null) {
        http2.close();
      }
    }
  }

  private static boolean startsWithPreface(ByteBuf in) {
    int i = in.readerIndex();
    return in.readableBytes() >= 4 && in.getByte(i) == 'P' && in.getByte(i + 1) == 'R' && in.getByte(i + 2) == 'I'
        && in.getByte(i + 3) == ' ';
  }
}
