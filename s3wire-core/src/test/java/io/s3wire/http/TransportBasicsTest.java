package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslProvider;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import io.s3wire.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@org.junit.jupiter.api.extension.ExtendWith(io.s3wire.testing.LeakCheck.class)
class TransportBasicsTest {
  private static final TestCertificates CERT = TestCertificates.localhost();

  private static String get(HttpTransport t, java.net.URI uri, HttpProtocol expected) throws Exception {
    try (HttpResponse r = t.execute(HttpRequest.get(uri)).get(30, TimeUnit.SECONDS)) {
      assertThat(r.protocol()).isEqualTo(expected);
      assertThat(r.status()).isEqualTo(200);
      return new String(r.body().bytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void http1Plain() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.defaults())) {
      // One after another, each made as soon as the last body was read: the connection must be
      // back in the pool by then (it once was not, and a second connection opened now and then).
      for (int i = 0; i < 200; i++) {
        assertThat(get(t, s.uri("/hello"), HttpProtocol.HTTP_1_1)).isEqualTo("hello HTTP/1.1");
      }
      assertThat(s.connections()).isEqualTo(1);
    }
  }

  @Test
  void h2cPriorKnowledge() throws Exception {
    try (TestHttpServer s = TestHttpServer.builder().build();
        HttpTransport t = HttpTransport.create(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).build())) {
      assertThat(get(t, s.uri("/hello"), HttpProtocol.HTTP_2)).isEqualTo("hello HTTP/2");
      assertThat(get(t, s.uri("/hello"), HttpProtocol.HTTP_2)).isEqualTo("hello HTTP/2");
      assertThat(s.connections()).isEqualTo(1);
    }
  }

  @Test
  void h2OverTlsBothProviders() throws Exception {
    for (TlsProvider p : TlsProvider.values()) {
      List<WireEvent> events = new CopyOnWriteArrayList<>();
      try (TestHttpServer s = TestHttpServer.builder().tls(CERT).provider(SslProvider.JDK).build();
          HttpTransport t = HttpTransport.create(TransportConfig.builder().tlsProvider(p)
              .trustedCertificates(CERT.pemFile()).listener(events::add).build())) {
        assertThat(get(t, s.uri("/hello"), HttpProtocol.HTTP_2)).isEqualTo("hello HTTP/2");
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(WireEvent.TlsHandshake.class));
      }
    }
  }
}
