package io.s3wire.http.internal;

import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireListener;
import java.util.concurrent.CompletableFuture;

/** The Netty implementation of {@link HttpTransport}. Placeholder until the transport lands. */
public final class NettyHttpTransport implements HttpTransport {
  private final TransportConfig config;

  private NettyHttpTransport(TransportConfig config) {
    this.config = config;
  }

  public static HttpTransport create(TransportConfig config) {
    return new NettyHttpTransport(config);
  }

  @Override
  public TransportConfig config() {
    return config;
  }

  @Override
  public CompletableFuture<HttpResponse> execute(HttpRequest request, WireListener listener) {
    return CompletableFuture.failedFuture(new IllegalStateException("transport not built yet"));
  }

  @Override
  public void close() {}
}
