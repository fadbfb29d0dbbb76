package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.http.internal.NettyHttpTransport;
import io.s3wire.testing.Await;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.TestHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection reuse, bounds, idle eviction and HTTP/2 spreading, observed from the server's side. */
@Timeout(120)
@ExtendWith(LeakCheck.class)
class PoolTest {
  private static String origin(TestHttpServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  @Test
  void idleHttp1ConnectionsAreEvicted() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .poolIdleTimeout(Duration.ofMillis(200)).build())) {
      NettyHttpTransport nt = (NettyHttpTransport) t;
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        r.body().bytes();
      }
      assertThat(nt.poolCounts().get(origin(s))[0]).isEqualTo(1);
      Await.until("the idle connection is evicted", () -> nt.poolCounts().get(origin(s))[0] == 0);
      try (HttpResponse r = t.execute(HttpRequest.get(s.uri("/hello"))).get(30, TimeUnit.SECONDS)) {
        r.body().bytes();
      }
      assertThat(s.connections()).isEqualTo(2);
    }
  }

  @Test
  void http1PoolIsBoundedPerOrigin() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .maxConnectionsPerOrigin(2).build())) {
      List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(t.execute(HttpRequest.get(s.uri("/bytes/200000"))));
      }
      for (CompletableFuture<HttpResponse> c : calls) {
        try (HttpResponse r = c.get(30, TimeUnit.SECONDS)) {
          assertThat(r.body().bytes()).hasSize(200_000);
        }
      }
      assertThat(s.connections()).isEqualTo(2);
    }
  }

  @Test
  void http2MultiplexesOnOneConnectionByDefault() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(t.execute(HttpRequest.get(s.uri("/bytes/100000"))));
      }
      for (CompletableFuture<HttpResponse> c : calls) {
        try (HttpResponse r = c.get(30, TimeUnit.SECONDS)) {
          assertThat(r.body().bytes()).hasSize(100_000);
        }
      }
      assertThat(s.connections()).isEqualTo(1);
    }
  }

  @Test
  void http2SpreadsConcurrentStreamsOverConnections() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2)
            .http2ConnectionsPerOrigin(3).build())) {
      List<HttpResponse> open = new ArrayList<>();
      List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(t.execute(HttpRequest.get(s.uri("/bytes/" + (8 << 20)))));
      }
      for (CompletableFuture<HttpResponse> c : calls) {
        open.add(c.get(30, TimeUnit.SECONDS));
      }
      assertThat(s.connections()).isEqualTo(3);
      assertThat(((NettyHttpTransport) t).poolCounts().get(origin(s))[2]).isEqualTo(3);
      for (HttpResponse r : open) {
        try (r) {
          assertThat(r.body().bytes()).hasSize(8 << 20);
        }
      }
    }
  }
}
