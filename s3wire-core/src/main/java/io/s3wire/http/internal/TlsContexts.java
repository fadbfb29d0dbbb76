package io.s3wire.http.internal;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.s3wire.error.ClientException;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import java.io.File;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the one client {@link SslContext} a transport uses, from its config: provider, ALPN offer
 * (an empty offer sends no ALPN extension at all), minimum version, trust and hostname
 * verification, key log.
 */
final class TlsContexts {
  /** The built context and, for the OPENSSL provider with a key log, the log to close. */
  record Built(SslContext context, OpenSslKeyLog keyLog) {}

  private TlsContexts() {}

  /**
   * Refuses, at transport creation, a TLS setup that can never work and costs nothing to check: a
   * key log with the JDK provider. Whether the OPENSSL provider loads is checked at the first TLS
   * connection ({@link #build}): probing loads and initialises BoringSSL (about half a second),
   * which a transport that only ever speaks plain HTTP should not pay. {@code S3ClientBuilder}
   * still fails fast for an https endpoint.
   */
  static void checkAtCreation(TransportConfig config) {
    // HTTP/3's QUIC handshake always runs in BoringSSL (quiche), whose key log needs no provider choice.
    if (config.keyLogFile() != null && config.tlsProvider() == TlsProvider.JDK && !config.versionPolicy().usesHttp3()) {
      throw new ClientException("keyLogFile",
          "Java 17 cannot export TLS 1.3 secrets from the JDK TLS provider; use the OPENSSL provider,"
              + " or run with the extract-tls-secrets agent (the s3wire launcher adds it for --keylog with --tls jdk)");
    }
  }

  /** Everything {@link #checkAtCreation} checks, and that the provider loads. */
  static void check(TransportConfig config) {
    checkAtCreation(config);
    TlsProvider provider = config.tlsProvider();
    if (!provider.isAvailable()) {
      throw new ClientException("tlsProvider " + provider, provider.unavailabilityCause());
    }
  }

  private static TrustManagerFactory trustManagers(KeyStore store) {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      return f;
    } catch (GeneralSecurityException e) {
      throw new ClientException("trustStore", "cannot use the key store for trust: " + e.getMessage(), e);
    }
  }

  /**
   * Hands the config's source of trust to a context builder (TLS over TCP, or QUIC): everything when
   * insecure, else a CA bundle file, certificates, a key store, or nothing (the JDK's defaults).
   */
  static void applyTrust(TransportConfig config, Consumer<File> file, Consumer<X509Certificate[]> certificates,
      Consumer<TrustManagerFactory> factory) {
    if (config.insecure()) {
      factory.accept(InsecureTrustManagerFactory.INSTANCE);
    } else if (config.trustedCertificates() != null) {
      File pem = config.trustedCertificates().toFile();
      if (!pem.canRead()) {
        throw new ClientException("trustedCertificates", "cannot read the CA bundle " + pem);
      }
      file.accept(pem);
    } else if (!config.trustedCertificateList().isEmpty()) {
      certificates.accept(config.trustedCertificateList().toArray(new X509Certificate[0]));
    } else if (config.trustStore() != null) {
      factory.accept(trustManagers(config.trustStore()));
    }
  }

  static Built build(TransportConfig config) {
    check(config);
    TlsProvider provider = config.tlsProvider();
    SslContextBuilder b = SslContextBuilder.forClient()
        .sslProvider(provider == TlsProvider.OPENSSL ? SslProvider.OPENSSL : SslProvider.JDK)
        .protocols(config.minTlsVersion().equals("TLSv1.3") ? new String[] {"TLSv1.3"} : new String[] {"TLSv1.3", "TLSv1.2"});
    List<String> alpn = config.alpnProtocols();
    if (!alpn.isEmpty()) {
      // ACCEPT: whatever the server selects reaches ProtocolSelection, which decides and names it.
      b.applicationProtocolConfig(new ApplicationProtocolConfig(
          ApplicationProtocolConfig.Protocol.ALPN,
          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
          alpn));
    }
    applyTrust(config, b::trustManager, b::trustManager, b::trustManager);
    b.endpointIdentificationAlgorithm(config.insecure() ? null : "HTTPS");
    SslContext context;
    try {
      context = b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new ClientException("TLS configuration", e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    OpenSslKeyLog keyLog = config.keyLogFile() == null ? null : OpenSslKeyLog.install(context, config.keyLogFile());
    return new Built(context, keyLog);
  }
}
