package io.s3wire.http.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.s3wire.error.S3Exception;
import io.s3wire.http.internal.pcap.PcapFile;
import io.s3wire.http.internal.pcap.PcapTap;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;

/**
 * Opens connections: DNS off the event loop, TCP, TLS with ALPN, the version decision, and the
 * HTTP/1.1 or HTTP/2 codec; then hands the ready connection to its {@link OriginPool}. HTTP/3
 * connections (QUIC over UDP) are opened by {@link Http3Connector} after the same lookup.
 */
final class Connector implements OriginPool.Opener {
  private final TransportContext context;
  private final EventLoops loops;
  private final java.util.function.Supplier<SslContext> ssl;
  private final AtomicLong ids = new AtomicLong();
  /** The transport's capture file, or {@code null}. */
  private final PcapFile pcap;
  private final Http3Connector http3;

  Connector(TransportContext context, EventLoops loops, java.util.function.Supplier<SslContext> ssl, PcapFile pcap) {
    this.context = context;
    this.loops = loops;
    this.ssl = ssl;
    this.pcap = pcap;
    this.http3 = new Http3Connector(context, loops, () -> "c" + ids.incrementAndGet());
  }

  /** Releases what HTTP/3 connections shared (the QUIC TLS context, its key log). */
  void close() {
    http3.close();
  }

  private TransportConfig config() {
    return context.config();
  }

  @Override
  public void open(OriginPool pool, HttpProtocol expected, Call opener) {
    Origin origin = pool.origin();
    if (expected == HttpProtocol.HTTP_3 && !origin.tls()) {
      pool.connectFailed(expected, Http3Connector.plainOrigin(origin));
      return;
    }
    try {
      context.bodyExecutor().execute(() -> {
        InetAddress address;
        try {
          address = InetAddress.getByName(origin.host());
        } catch (Exception e) {
          failed(pool, expected, e);
          return;
        }
        connect(pool, expected, opener, new InetSocketAddress(address, origin.port()));
      });
    } catch (RejectedExecutionException e) {
      failed(pool, expected, e);
    }
  }

  private void failed(OriginPool pool, HttpProtocol expected, Throwable t) {
    S3Exception e = Failures.connecting(t, pool.origin(), config().connectTimeout().toMillis(), config().tlsHandshakeTimeout().toMillis());
    pool.connectFailed(expected, e);
  }

  private void connect(OriginPool pool, HttpProtocol expected, Call opener, InetSocketAddress address) {
    if (expected == HttpProtocol.HTTP_3) {
      http3.connect(pool, expected, opener, address);
      return;
    }
    Origin origin = pool.origin();
    TransportConfig c = config();
    SslContext sslContext;
    try {
      sslContext = origin.tls() ? ssl.get() : null;
    } catch (S3Exception e) {
      pool.connectFailed(expected, e);
      return;
    }
    Bootstrap b = new Bootstrap()
        .group(loops.group())
        .channel(loops.channelType())
        .resolver(NoopAddressResolverGroup.INSTANCE)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, c.connectTimeout().toMillis()))
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
        // With auto-read off (HTTP/1.1 bodies) each read() is one socket read: let it grow to 256 KiB.
        .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (!origin.tls()) {
              // connect() runs off the event loop, so the connect listener that installs the codec
              // may run after the channel is active. On plain TCP the server can speak first
              // (h2c SETTINGS): don't read until the codec is there, or those bytes are dropped.
              ch.config().setAutoRead(false);
            }
            if (origin.tls()) {
              SslHandler h = sslContext.newHandler(ch.alloc(), origin.host(), origin.port());
              h.setHandshakeTimeoutMillis(c.tlsHandshakeTimeout().toMillis());
              ch.pipeline().addLast("tls", h);
            }
            if (pcap != null) {
              // The capture sees cleartext: after TLS, before every HTTP handler.
              ch.pipeline().addLast("pcap", pcap.newTap());
            }
            ch.pipeline().addLast(HeldReads.NAME, new HeldReads());
          }
        });
    ChannelFuture cf;
    try {
      cf = b.connect(address);
    } catch (RuntimeException e) {
      failed(pool, expected, e);
      return;
    }
    cf.addListener(f -> {
      if (!f.isSuccess()) {
        failed(pool, expected, f.cause());
        return;
      }
      Channel ch = cf.channel();
      String id = "c" + ids.incrementAndGet();
      EventRouter router = new EventRouter(id, c.listener());
      PcapTap tap = ch.pipeline().get(PcapTap.class);
      if (tap != null) {
        tap.redactions(router::redaction);
      }
      router.attach(opener.listener);
      router.emit(new WireEvent.ConnectionOpened(System.nanoTime(), id, String.valueOf(ch.remoteAddress()),
          String.valueOf(ch.localAddress()), origin.tls()));
      if (!origin.tls()) {
        HttpProtocol plain = ProtocolSelection.forPlain(c.versionPolicy());
        install(pool, expected, opener, ch, router, plain, null);
        if (plain == HttpProtocol.HTTP_2) {
          // HTTP/1.1 reads on demand per exchange; HTTP/2 reads continuously once its codec is in.
          ch.config().setAutoRead(true);
        }
        return;
      }
      if (c.insecure()) {
        router.emit(new WireEvent.Warning(System.nanoTime(), id,
            "TLS certificate and hostname verification are off (insecure): anyone on the path can impersonate " + origin.host()));
      }
      SslHandler tls = ch.pipeline().get(SslHandler.class);
      tls.handshakeFuture().addListener(hf -> {
        if (!hf.isSuccess()) {
          S3Exception e = Failures.connecting(hf.cause(), origin, c.connectTimeout().toMillis(), c.tlsHandshakeTimeout().toMillis());
          router.emit(new WireEvent.TlsFailed(System.nanoTime(), id, c.tlsProvider(), c.alpnProtocols(), e.getMessage()));
          router.detach(opener.listener);
          ch.close();
          pool.connectFailed(expected, e);
          return;
        }
        String selected = tls.applicationProtocol();
        handshakeEvent(router, id, tls.engine().getSession(), selected);
        HttpProtocol protocol;
        try {
          protocol = ProtocolSelection.afterAlpn(c.versionPolicy(), selected);
        } catch (S3Exception e) {
          router.detach(opener.listener);
          ch.close();
          pool.connectFailed(expected, e);
          return;
        }
        install(pool, expected, opener, ch, router, protocol, selected);
      });
    });
  }

  private void handshakeEvent(EventRouter router, String id, SSLSession s, String selected) {
    String subject = null;
    java.time.Instant notBefore = null;
    java.time.Instant notAfter = null;
    try {
      Certificate[] peer = s.getPeerCertificates();
      if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
        subject = x.getSubjectX500Principal().getName();
        notBefore = x.getNotBefore().toInstant();
        notAfter = x.getNotAfter().toInstant();
      }
    } catch (javax.net.ssl.SSLPeerUnverifiedException ignored) {
      // No peer certificate to report (cannot happen after a verified handshake).
    }
    router.emit(new WireEvent.TlsHandshake(System.nanoTime(), id, config().tlsProvider(), s.getProtocol(), s.getCipherSuite(),
        config().alpnProtocols(), selected, subject, notBefore, notAfter));
  }

  private void install(OriginPool pool, HttpProtocol expected, Call opener, Channel ch, EventRouter router, HttpProtocol protocol,
      String selected) {
    TransportConfig c = config();
    boolean tls = pool.origin().tls();
    ConnectionInfo info = new ConnectionInfo(router.connectionId(), protocol, tls ? c.tlsProvider() : null,
        tls ? c.alpnProtocols() : List.<String>of(), selected);
    if (protocol == HttpProtocol.HTTP_1_1) {
      Http1Connection h1 = new Http1Connection(ch, info, router, context, pool);
      HeldReads.release(ch);
      router.detach(opener.listener);
      pool.connected(h1, expected);
      return;
    }
    Http2Connection h2 = new Http2Connection(ch, info, router, context, pool);
    HeldReads.release(ch);
    var timeout = ch.eventLoop().schedule(() -> {
      if (!h2.ready.isDone()) {
        h2.ready.completeExceptionally(new io.s3wire.error.TransportException(io.s3wire.error.TransportException.Kind.CONNECT_TIMEOUT,
            "no HTTP/2 SETTINGS from " + pool.origin().host() + ":" + pool.origin().port() + " within " + c.connectTimeout().toMillis() + " ms",
            io.s3wire.error.RetrySafety.UNPROCESSED, null));
        h2.close("no SETTINGS from the server");
      }
    }, c.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    h2.ready.whenComplete((ok, err) -> {
      timeout.cancel(false);
      router.detach(opener.listener);
      if (err == null) {
        pool.connected(h2, expected);
      } else {
        pool.connectFailed(expected, err instanceof S3Exception s ? s
            : Failures.connecting(err, pool.origin(), c.connectTimeout().toMillis(), c.tlsHandshakeTimeout().toMillis()));
      }
    });
  }
}
