package io.s3wire.http.internal;

import io.s3wire.error.ClientException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpProtocol;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.wire.WireEvent;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Netty implementation of {@link HttpTransport}: event loops, one {@link OriginPool} per origin,
 * a {@link Connector}, and an executor for blocking body work.
 *
 * <p>{@link #execute} refuses an invalid request before anything is sent ({@link
 * RequestNormalizer#validate}), arms the call timeout, and queues the call at its origin's pool.
 */
public final class NettyHttpTransport implements HttpTransport {
  private final TransportConfig config;
  private final EventLoops loops;
  private final ExecutorService bodyExecutor;
  private volatile TlsContexts.Built tls;
  private final Connector connector;
  private final io.s3wire.http.internal.pcap.PcapFile pcap;
  private final Map<Origin, OriginPool> pools = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private NettyHttpTransport(TransportConfig config) {
    this.config = config;
    TlsContexts.checkAtCreation(config);
    this.loops = EventLoops.create(config.ioThreads());
    AtomicInteger n = new AtomicInteger();
    this.bodyExecutor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "s3wire-body-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    TransportContext context = new TransportContext(config, bodyExecutor);
    this.pcap = config.pcapFile() == null ? null : io.s3wire.http.internal.pcap.PcapFile.open(config.pcapFile());
    this.connector = new Connector(context, loops, this::sslContext, pcap);
  }

  /** The TLS context, built on first use: plain-HTTP users never pay for it. */
  private io.netty.handler.ssl.SslContext sslContext() {
    TlsContexts.Built t = tls;
    if (t == null) {
      synchronized (this) {
        t = tls;
        if (t == null) {
          t = TlsContexts.build(config);
          tls = t;
        }
      }
    }
    return t.context();
  }

  /**
   * Creates a transport.
   *
   * @throws ClientException when the TLS setup can never work (a key log with the JDK provider), or
   *     the capture file cannot be written; a
   *     provider that cannot load or an unreadable CA bundle fails the first TLS connection instead
   */
  public static HttpTransport create(TransportConfig config) {
    NettyLogging.install();
    return new NettyHttpTransport(config);
  }

  @Override
  public TransportConfig config() {
    return config;
  }

  /** The I/O transport in use: {@code epoll} or {@code nio}. */
  public String ioTransport() {
    return loops.name();
  }

  @Override
  public CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener) {
    return execute(request, listener, request.port());
  }

  /**
   * Sends a request to {@code connectPort} on the request's host instead of the URI's port, with the
   * request itself ({@code :authority}, signature) unchanged: how an {@code Alt-Svc} alternative on
   * another port is reached. Connections are pooled per host and connect port.
   *
   * @param connectPort the port to connect to
   */
  public CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener, int connectPort) {
    Call call = new Call(request, listener == null ? WireListener.NONE : listener, config.tlsProvider(), config.alpnProtocols());
    try {
      RequestNormalizer.validate(request);
    } catch (ClientException e) {
      call.fail(e, null);
      return call.future;
    }
    if (closed) {
      call.fail(new TransportException(TransportException.Kind.CANCELLED, "the transport is closed", RetrySafety.UNPROCESSED, null), null);
      return call.future;
    }
    Duration deadline = config.callTimeout();
    if (!deadline.isZero()) {
      var timer = loops.group().next().schedule(() -> call.abort(new TransportException(TransportException.Kind.CALL_TIMEOUT,
          "call timeout: the call did not finish within " + deadline.toMillis() + " ms", RetrySafety.UNKNOWN, null)),
          deadline.toMillis(), TimeUnit.MILLISECONDS);
      // The deadline covers the body too: the exchange cancels it when the response has ended.
      call.deadline(timer);
    }
    Origin uriOrigin = Origin.of(request);
    Origin origin = connectPort == uriOrigin.port() ? uriOrigin : new Origin(uriOrigin.tls(), uriOrigin.host(), connectPort);
    OriginPool pool = pools.computeIfAbsent(origin,
        o -> new OriginPool(o, config, ProtocolSelection.beforeHandshake(config.versionPolicy(), o.tls()), connector));
    pool.acquire(call);
    return call.future;
  }

  /** Connection counts per origin, for tests: {HTTP/1.1 open, HTTP/1.1 idle, HTTP/2 open, waiting calls}. */
  public Map<String, int[]> poolCounts() {
    Map<String, int[]> out = new java.util.TreeMap<>();
    pools.forEach((o, p) -> out.put(o.toString(), p.counts()));
    return out;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<PooledConnection> all = new ArrayList<>();
    for (OriginPool p : pools.values()) {
      all.addAll(p.closeAll());
    }
    for (PooledConnection c : all) {
      c.close("transport closed");
    }
    loops.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    bodyExecutor.shutdownNow();
    connector.close();
    if (pcap != null) {
      pcap.close();
    }
    TlsContexts.Built t = tls;
    if (t != null && t.keyLog() != null) {
      t.keyLog().close();
    }
    if (t != null) {
      io.netty.util.ReferenceCountUtil.release(t.context());
    }
  }
}
