package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.ssl.SslProvider;
import io.s3wire.error.TransportException;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.TestCertificates;
import io.s3wire.testing.TestHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS provider x client ALPN offer x version policy x what the server supports: the negotiated
 * protocol is what the policy says, or the typed error naming what the server chose.
 */
@Timeout(120)
@ExtendWith(LeakCheck.PerClass.class)
class AlpnMatrixTest {
  private static final TestCertificates CERT = TestCertificates.localhost();
  private static final Map<String, TestHttpServer> SERVERS = new HashMap<>();

  enum Offer {
    H2_AND_HTTP11(AlpnOffer.of("h2", "http/1.1")),
    HTTP11(AlpnOffer.of("http/1.1")),
    NONE(AlpnOffer.none());

    final AlpnOffer offer;

    Offer(AlpnOffer offer) {
      this.offer = offer;
    }
  }

  enum ServerAlpn {
    H2_AND_HTTP11("h2", "http/1.1"),
    HTTP11_ONLY("http/1.1"),
    NO_ALPN();

    final String[] protocols;

    ServerAlpn(String... protocols) {
      this.protocols = protocols;
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    for (TlsProvider p : TlsProvider.values()) {
      for (Offer o : Offer.values()) {
        for (HttpVersionPolicy v : HttpVersionPolicy.values()) {
          if (v.usesHttp3()) {
            continue; // ALPN over TCP only: QUIC's h3 offer is Http3TransportTest's.
          }
          out.add(Arguments.of(p, o, v));
        }
      }
    }
    return out.stream();
  }

  private static synchronized TestHttpServer server(ServerAlpn s) {
    return SERVERS.computeIfAbsent(s.name(), k -> TestHttpServer.builder().tls(CERT).provider(SslProvider.JDK).alpn(s.protocols).build());
  }

  @AfterAll
  static void closeServers() {
    SERVERS.values().forEach(TestHttpServer::close);
    SERVERS.clear();
  }

  @ParameterizedTest(name = "{0} offer={1} policy={2}")
  @MethodSource("matrix")
  void negotiatesWhatThePolicySays(TlsProvider provider, Offer offer, HttpVersionPolicy policy) throws Exception {
    TransportConfig.Builder b = TransportConfig.builder().tlsProvider(provider).alpnOffer(offer.offer).versionPolicy(policy)
        .trustedCertificates(CERT.pemFile());
    List<String> offered = offer.offer.resolve(policy);
    if (policy == HttpVersionPolicy.HTTP_2 && offer.offer.kind() != AlpnOffer.Kind.FOR_POLICY && !offered.contains("h2")) {
      assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clash");
      return;
    }
    try (HttpTransport t = HttpTransport.create(b.build())) {
      for (ServerAlpn serverAlpn : ServerAlpn.values()) {
        check(t, provider, offered, policy, serverAlpn);
      }
    }
  }

  private void check(HttpTransport t, TlsProvider provider, List<String> offered, HttpVersionPolicy policy, ServerAlpn serverAlpn)
      throws Exception {
    // What the server (JDK, its own preference order) selects.
    String selected = null;
    for (String p : serverAlpn.protocols) {
      if (offered.contains(p)) {
        selected = p;
        break;
      }
    }
    HttpProtocol want = null;
    if ("h2".equals(selected) && policy != HttpVersionPolicy.HTTP_1_1) {
      want = HttpProtocol.HTTP_2;
    } else if (!"h2".equals(selected) && policy != HttpVersionPolicy.HTTP_2) {
      want = HttpProtocol.HTTP_1_1;
    }
    HttpProtocol expected = want;
    TestHttpServer server = server(serverAlpn);
    server.negotiated().clear();
    {
      var future = t.execute(HttpRequest.get(server.uri("/hello")));
      if (expected == null) {
        Throwable e = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
        assertThat(e).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TransportException.class);
        TransportException te = (TransportException) e.getCause();
        assertThat(te.kind()).isEqualTo(TransportException.Kind.ALPN_MISMATCH);
        String chose = selected == null ? "no protocol (no ALPN answer, which means HTTP/1.1)" : "'" + selected + "'";
        assertThat(te.getMessage()).startsWith("ALPN: the server selected " + chose + " but version policy " + policy);
        assertThat(te.attempts()).singleElement().satisfies(a -> {
          assertThat(a.tlsProvider()).isEqualTo(provider);
          assertThat(a.alpnOffered()).isEqualTo(offered);
        });
      } else {
        try (HttpResponse r = future.get(30, TimeUnit.SECONDS)) {
          assertThat(r.protocol()).isEqualTo(expected);
          assertThat(new String(r.body().bytes(), StandardCharsets.UTF_8)).isEqualTo("hello " + expected);
          assertThat(r.attempts()).singleElement().satisfies(a -> {
            assertThat(a.protocol()).isEqualTo(expected);
            assertThat(a.tlsProvider()).isEqualTo(provider);
            assertThat(a.alpnOffered()).isEqualTo(offered);
            assertThat(a.outcome()).isEqualTo("200 OK");
          });
          assertThat(r.attempts().get(0).alpnSelected()).isEqualTo(selected);
        }
      }
      // The server saw exactly the ALPN outcome: with no ALPN offered, it selected nothing.
      assertThat(server.negotiated().poll(5, TimeUnit.SECONDS)).isEqualTo(selected == null ? "none" : selected);
    }
  }
}
