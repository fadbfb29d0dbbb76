package io.s3wire.http.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.s3wire.error.ClientException;
import io.s3wire.error.S3Exception;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireEvent;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Opens HTTP/3 connections: a UDP channel per connection, the QUIC handshake (TLS 1.3 with ALPN
 * {@code h3}, in the QUIC codec's BoringSSL whatever {@code tlsProvider} says), then an {@link
 * Http3Connection} for the {@link OriginPool}. Trust and the key log follow the config as over TCP.
 *
 * <p>The QUIC TLS context is built on the first HTTP/3 connection and released by {@link #close()}.
 */
final class Http3Connector implements AutoCloseable {
  /**
   * The largest UDP payload taken from the server, advertised in the handshake (max_udp_payload_size)
   * so that no datagram outgrows a slot of a batched read: an Ethernet frame's worth.
   */
  static final int MAX_UDP_PAYLOAD = 1500;
  private static final int DATAGRAMS_PER_READ = 64;
  private final TransportContext context;
  private final EventLoops loops;
  private final Supplier<String> ids;
  private QuicSslContext ssl;
  private OpenSslKeyLog keyLog;

  Http3Connector(TransportContext context, EventLoops loops, Supplier<String> ids) {
    this.context = context;
    this.loops = loops;
    this.ids = ids;
  }

  /** Refuses what can never be HTTP/3 before any lookup: QUIC is always encrypted. */
  static ClientException plainOrigin(Origin origin) {
    return new ClientException("versionPolicy HTTP_3",
        "HTTP/3 runs over QUIC, which is always encrypted: use an https:// endpoint, not " + origin);
  }

  private synchronized QuicSslContext sslContext() {
    if (ssl == null) {
      TransportConfig c = context.config();
      QuicSslContextBuilder b = QuicSslContextBuilder.forClient()
          .applicationProtocols(c.alpnProtocols().toArray(new String[0]));
      TlsContexts.applyTrust(c, b::trustManager, b::trustManager, b::trustManager);
      b.endpointIdentificationAlgorithm(c.insecure() ? null : "HTTPS");
      if (c.keyLogFile() != null) {
        keyLog = OpenSslKeyLog.open(c.keyLogFile());
        b.keylog(keyLog);
      }
      ssl = b.build();
    }
    return ssl;
  }

  void connect(OriginPool pool, HttpProtocol expected, Call opener, InetSocketAddress address) {
    Origin origin = pool.origin();
    TransportConfig c = context.config();
    ChannelHandler codec;
    try {
      QuicSslContext quicSsl = sslContext();
      codec = Http3.newQuicClientCodecBuilder()
          // The engine must know the host: SNI, and the name the certificate is checked against.
          .sslEngineProvider(q -> quicSsl.newEngine(q.alloc(), origin.host(), origin.port()))
          .maxIdleTimeout(c.poolIdleTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .initialMaxData(c.http2InitialConnectionWindow())
          .initialMaxStreamDataBidirectionalLocal(c.http2InitialStreamWindow())
          .maxRecvUdpPayloadSize(MAX_UDP_PAYLOAD)
          .build();
    } catch (S3Exception e) {
      pool.connectFailed(expected, e);
      return;
    } catch (RuntimeException e) {
      pool.connectFailed(expected, new ClientException("HTTP/3 (QUIC) configuration", Failures.oneLine(e), e));
      return;
    }
    Bootstrap b = new Bootstrap().group(loops.group())
        .channel(loops.name().equals("epoll") ? EpollDatagramChannel.class : NioDatagramChannel.class)
        // Bursts of QUIC packets overflow the default UDP receive buffer, and each drop costs a loss
        // recovery; the kernel caps this at net.core.rmem_max.
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .handler(codec);
    if (loops.name().equals("epoll")) {
      // Many datagrams per system call (recvmmsg), so the codec acknowledges a batch at a time: a
      // download spent 7.8-10.5 client CPU-s per GiB reading them one by one, 3.9-6.3 in batches.
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_UDP_PAYLOAD)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAMS_PER_READ * MAX_UDP_PAYLOAD));
    }
    b.bind(new InetSocketAddress(0)).addListener(bf -> {
      if (!bf.isSuccess()) {
        pool.connectFailed(expected, Http3Failures.connecting(bf.cause(), origin, c.connectTimeout().toMillis(),
            c.tlsHandshakeTimeout().toMillis()));
        return;
      }
      Channel udp = ((io.netty.channel.ChannelFuture) bf).channel();
      String id = ids.get();
      EventRouter router = new EventRouter(id, c.listener());
      router.attach(opener.listener);
      Http3Connection.Handlers handlers = new Http3Connection.Handlers();
      var connecting = QuicChannel.newBootstrap(udp)
          .handler(handlers.connectionHandler())
          .remoteAddress(address)
          .connect();
      long budget = c.connectTimeout().toMillis() + c.tlsHandshakeTimeout().toMillis();
      // Out of time, the attempt fails and its UDP channel closes, which ends the QUIC channel and so
      // the connect future. Not connecting.cancel(): Netty's bootstrap completes that future itself
      // and logs an IllegalStateException with a stack trace when it was cancelled first.
      boolean[] timedOut = {false};
      var timer = udp.eventLoop().schedule(() -> {
        timedOut[0] = true;
        fail(pool, expected, opener, router, udp, Http3Failures.handshakeTimeout(origin, budget));
      }, budget, TimeUnit.MILLISECONDS);
      connecting.addListener(qf -> {
        timer.cancel(false);
        if (timedOut[0]) {
          if (qf.isSuccess()) {
            ((QuicChannel) qf.getNow()).close();
          }
          return;
        }
        if (!qf.isSuccess()) {
          S3Exception e = Http3Failures.connecting(qf.cause(), origin, c.connectTimeout().toMillis(), c.tlsHandshakeTimeout().toMillis());
          router.emit(new WireEvent.TlsFailed(System.nanoTime(), id, null, c.alpnProtocols(), e.getMessage()));
          fail(pool, expected, opener, router, udp, e);
          return;
        }
        QuicChannel quic = (QuicChannel) qf.getNow();
        opened(pool, expected, opener, router, udp, quic, handlers);
      });
    });
  }

  private void fail(OriginPool pool, HttpProtocol expected, Call opener, EventRouter router, Channel udp, S3Exception e) {
    router.detach(opener.listener);
    udp.close();
    pool.connectFailed(expected, e);
  }

  private void opened(OriginPool pool, HttpProtocol expected, Call opener, EventRouter router, Channel udp, QuicChannel quic,
      Http3Connection.Handlers handlers) {
    TransportConfig c = context.config();
    String id = router.connectionId();
    router.emit(new WireEvent.ConnectionOpened(System.nanoTime(), id, String.valueOf(quic.remoteSocketAddress()),
        String.valueOf(udp.localAddress()), true));
    if (c.insecure()) {
      router.emit(new WireEvent.Warning(System.nanoTime(), id, "TLS certificate and hostname verification are off (insecure):"
          + " anyone on the path can impersonate " + pool.origin().host()));
    }
    var session = quic.sslEngine().getSession();
    String selected = quic.sslEngine().getApplicationProtocol();
    router.emit(new WireEvent.QuicHandshake(System.nanoTime(), id, "QUIC v1", session.getCipherSuite(), c.alpnProtocols(),
        selected == null || selected.isEmpty() ? null : selected, peerSubject(session)));
    ConnectionInfo info = new ConnectionInfo(id, HttpProtocol.HTTP_3, null, c.alpnProtocols(), selected);
    Http3Connection h3 = new Http3Connection(quic, udp, info, router, context, pool, handlers);
    router.detach(opener.listener);
    pool.connected(h3, expected);
  }

  private static String peerSubject(javax.net.ssl.SSLSession s) {
    try {
      Certificate[] peer = s.getPeerCertificates();
      if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
        return x.getSubjectX500Principal().getName();
      }
    } catch (javax.net.ssl.SSLPeerUnverifiedException ignored) {
      // Nothing to report (insecure mode may skip the chain).
    }
    return null;
  }

  @Override
  public synchronized void close() {
    if (keyLog != null) {
      keyLog.close();
    }
    // The QUIC context holds a native SSL_CTX: released here, as the TCP one is by the transport.
    io.netty.util.ReferenceCountUtil.release(ssl);
    ssl = null;
  }
}
