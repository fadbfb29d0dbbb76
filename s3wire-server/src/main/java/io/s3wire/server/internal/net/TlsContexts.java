package io.s3wire.server.internal.net;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.s3wire.http.TlsProvider;
import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLException;

/** Builds the server's TLS context for a provider and an ALPN list (empty: no ALPN at all). */
public final class TlsContexts {
  private TlsContexts() {}

  public static SslContext server(ServerCertificate cert, TlsProvider provider, List<String> alpn) throws IOException {
    if (!provider.isAvailable()) {
      throw new IllegalStateException(provider.unavailabilityCause());
    }
    SslContextBuilder b = cert.key() != null
        ? SslContextBuilder.forServer(cert.key(), cert.certificate())
        : SslContextBuilder.forServer(cert.certFile().toFile(), cert.keyFile().toFile());
    b.sslProvider(provider == TlsProvider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK);
    if (alpn.contains("h2")) {
      // RFC 9113 section 9.2.2: HTTP/2 over TLS forbids the cipher suites on its block list.
      b.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
    }
    if (!alpn.isEmpty()) {
      b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
    }
    try {
      return b.build();
    } catch (SSLException e) {
      throw new IOException("could not set up TLS with " + provider + ": " + e.getMessage(), e);
    }
  }

  /**
   * The TLS context of HTTP/3: QUIC's TLS 1.3 (BoringSSL inside Netty's QUIC library) with the same
   * certificate as the TCP listener and ALPN {@code h3}.
   *
   * @throws IllegalStateException when the native QUIC library cannot be loaded on this platform
   */
  public static QuicSslContext quic(ServerCertificate cert) {
    if (!Quic.isAvailable()) {
      throw new IllegalStateException("HTTP/3 needs Netty's native QUIC library (netty-codec-native-quic for "
          + "linux-x86_64), which did not load: " + Quic.unavailabilityCause());
    }
    QuicSslContextBuilder b = cert.key() != null
        ? QuicSslContextBuilder.forServer(cert.key(), null, cert.certificate())
        : QuicSslContextBuilder.forServer(cert.keyFile().toFile(), null, cert.certFile().toFile());
    return b.applicationProtocols(Http3.supportedApplicationProtocols()).build();
  }
}
