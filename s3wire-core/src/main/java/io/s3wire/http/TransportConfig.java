package io.s3wire.http;

import io.s3wire.wire.WireListener;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides how {@link HttpTransport} connects and speaks HTTP. Immutable; build with
 * {@link #builder()}, derive with {@link #toBuilder()}. {@link Builder#build()} rejects options that
 * clash and names them.
 */
public final class TransportConfig {
  private final HttpVersionPolicy versionPolicy;
  private final TlsProvider tlsProvider;
  private final AlpnOffer alpnOffer;
  private final String minTlsVersion;
  private final Path trustedCertificates;
  private final java.util.List<X509Certificate> trustedCertificateList;
  private final KeyStore trustStore;
  private final boolean insecure;
  private final Duration connectTimeout;
  private final Duration tlsHandshakeTimeout;
  private final Duration responseHeadersTimeout;
  private final Duration idleReadTimeout;
  private final Duration callTimeout;
  private final int maxConnectionsPerOrigin;
  private final Duration poolIdleTimeout;
  private final int http2ConnectionsPerOrigin;
  private final int http2InitialStreamWindow;
  private final int http2InitialConnectionWindow;
  private final int maxResponseHeaderBytes;
  private final int maxQueuedControlFrames;
  private final Path keyLogFile;
  private final WireListener listener;
  private final int ioThreads;

  private TransportConfig(Builder b) {
    this.versionPolicy = b.versionPolicy;
    this.tlsProvider = b.tlsProvider;
    this.alpnOffer = b.alpnOffer;
    this.minTlsVersion = b.minTlsVersion;
    this.trustedCertificates = b.trustedCertificates;
    this.trustedCertificateList = b.trustedCertificateList;
    this.trustStore = b.trustStore;
    this.insecure = b.insecure;
    this.connectTimeout = b.connectTimeout;
    this.tlsHandshakeTimeout = b.tlsHandshakeTimeout;
    this.responseHeadersTimeout = b.responseHeadersTimeout;
    this.idleReadTimeout = b.idleReadTimeout;
    this.callTimeout = b.callTimeout;
    this.maxConnectionsPerOrigin = b.maxConnectionsPerOrigin;
    this.poolIdleTimeout = b.poolIdleTimeout;
    this.http2ConnectionsPerOrigin = b.http2ConnectionsPerOrigin;
    this.http2InitialStreamWindow = b.http2InitialStreamWindow;
    this.http2InitialConnectionWindow = b.http2InitialConnectionWindow;
    this.maxResponseHeaderBytes = b.maxResponseHeaderBytes;
    this.maxQueuedControlFrames = b.maxQueuedControlFrames;
    this.keyLogFile = b.keyLogFile;
    this.listener = b.listener;
    this.ioThreads = b.ioThreads;
  }

  public static TransportConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public HttpVersionPolicy versionPolicy() { return versionPolicy; }
  public TlsProvider tlsProvider() { return tlsProvider; }
  public AlpnOffer alpnOffer() { return alpnOffer; }
  /** The protocol ids put in ALPN under this config's policy; empty means no ALPN extension. */
  public java.util.List<String> alpnProtocols() { return alpnOffer.resolve(versionPolicy); }
  public String minTlsVersion() { return minTlsVersion; }
  /** A PEM bundle of trusted CA certificates, or {@code null} for the system trust store. */
  public Path trustedCertificates() { return trustedCertificates; }
  /** Trusted CA certificates given as objects or PEM text; empty for none (then the other sources apply). */
  public java.util.List<X509Certificate> trustedCertificateList() { return trustedCertificateList; }
  /** A key store whose certificate entries are trusted, or {@code null}. */
  public KeyStore trustStore() { return trustStore; }
  /** Whether certificate and hostname verification are off. Never the default; emits a warning event. */
  public boolean insecure() { return insecure; }
  public Duration connectTimeout() { return connectTimeout; }
  public Duration tlsHandshakeTimeout() { return tlsHandshakeTimeout; }
  public Duration responseHeadersTimeout() { return responseHeadersTimeout; }
  public Duration idleReadTimeout() { return idleReadTimeout; }
  /** A deadline for the whole call, head and body; {@link Duration#ZERO} for none. */
  public Duration callTimeout() { return callTimeout; }
  public int maxConnectionsPerOrigin() { return maxConnectionsPerOrigin; }
  public Duration poolIdleTimeout() { return poolIdleTimeout; }
  public int http2ConnectionsPerOrigin() { return http2ConnectionsPerOrigin; }
  public int http2InitialStreamWindow() { return http2InitialStreamWindow; }
  public int http2InitialConnectionWindow() { return http2InitialConnectionWindow; }
  public int maxResponseHeaderBytes() { return maxResponseHeaderBytes; }
  public int maxQueuedControlFrames() { return maxQueuedControlFrames; }
  /** Where NSS key-log lines go, or {@code null}. */
  public Path keyLogFile() { return keyLogFile; }
  public WireListener listener() { return listener; }
  /** Event-loop threads; 0 means one per core. */
  public int ioThreads() { return ioThreads; }

  /** Builds a {@link TransportConfig}. */
  public static final class Builder {
    private HttpVersionPolicy versionPolicy = HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK;
    private TlsProvider tlsProvider = TlsProvider.JDK;
    private AlpnOffer alpnOffer = AlpnOffer.forPolicy();
    private String minTlsVersion = "TLSv1.2";
    private Path trustedCertificates;
    private java.util.List<X509Certificate> trustedCertificateList = java.util.List.of();
    private KeyStore trustStore;
    private boolean insecure;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration tlsHandshakeTimeout = Duration.ofSeconds(10);
    private Duration responseHeadersTimeout = Duration.ofSeconds(60);
    private Duration idleReadTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ZERO;
    private int maxConnectionsPerOrigin = 64;
    private Duration poolIdleTimeout = Duration.ofSeconds(60);
    private int http2ConnectionsPerOrigin = 1;
    private int http2InitialStreamWindow = 4 * 1024 * 1024;
    private int http2InitialConnectionWindow = 16 * 1024 * 1024;
    private int maxResponseHeaderBytes = 64 * 1024;
    private int maxQueuedControlFrames = 10_000;
    private Path keyLogFile;
    private WireListener listener = WireListener.NONE;
    private int ioThreads;

    private Builder() {}

    private Builder(TransportConfig c) {
      versionPolicy = c.versionPolicy;
      tlsProvider = c.tlsProvider;
      alpnOffer = c.alpnOffer;
      minTlsVersion = c.minTlsVersion;
      trustedCertificates = c.trustedCertificates;
      trustedCertificateList = c.trustedCertificateList;
      trustStore = c.trustStore;
      insecure = c.insecure;
      connectTimeout = c.connectTimeout;
      tlsHandshakeTimeout = c.tlsHandshakeTimeout;
      responseHeadersTimeout = c.responseHeadersTimeout;
      idleReadTimeout = c.idleReadTimeout;
      callTimeout = c.callTimeout;
      maxConnectionsPerOrigin = c.maxConnectionsPerOrigin;
      poolIdleTimeout = c.poolIdleTimeout;
      http2ConnectionsPerOrigin = c.http2ConnectionsPerOrigin;
      http2InitialStreamWindow = c.http2InitialStreamWindow;
      http2InitialConnectionWindow = c.http2InitialConnectionWindow;
      maxResponseHeaderBytes = c.maxResponseHeaderBytes;
      maxQueuedControlFrames = c.maxQueuedControlFrames;
      keyLogFile = c.keyLogFile;
      listener = c.listener;
      ioThreads = c.ioThreads;
    }

    public Builder versionPolicy(HttpVersionPolicy v) { versionPolicy = Objects.requireNonNull(v); return this; }
    public Builder tlsProvider(TlsProvider v) { tlsProvider = Objects.requireNonNull(v); return this; }
    public Builder alpnOffer(AlpnOffer v) { alpnOffer = Objects.requireNonNull(v); return this; }
    public Builder minTlsVersion(String v) { minTlsVersion = Objects.requireNonNull(v); return this; }
    public Builder trustedCertificates(Path v) { trustedCertificates = v; return this; }

    /** Trusts these CA certificates (instead of the system trust store); none given clears them. */
    public Builder trustedCertificates(X509Certificate... v) {
      trustedCertificateList = java.util.List.of(v);
      return this;
    }

    /**
     * Trusts the CA certificates in {@code pem}, one or more {@code -----BEGIN CERTIFICATE-----}
     * blocks.
     *
     * @throws IllegalArgumentException when the text holds no certificate or one that does not parse
     */
    public Builder trustedCertificatesPem(String pem) {
      trustedCertificateList = TrustMaterial.parsePem(pem);
      return this;
    }

    /** Trusts the certificate entries of {@code v} (a loaded JKS or PKCS#12 store), or none for {@code null}. */
    public Builder trustStore(KeyStore v) { trustStore = v; return this; }
    public Builder insecure(boolean v) { insecure = v; return this; }
    public Builder connectTimeout(Duration v) { connectTimeout = positive("connectTimeout", v); return this; }
    public Builder tlsHandshakeTimeout(Duration v) { tlsHandshakeTimeout = positive("tlsHandshakeTimeout", v); return this; }
    public Builder responseHeadersTimeout(Duration v) { responseHeadersTimeout = positive("responseHeadersTimeout", v); return this; }
    public Builder idleReadTimeout(Duration v) { idleReadTimeout = positive("idleReadTimeout", v); return this; }
    public Builder callTimeout(Duration v) { callTimeout = Objects.requireNonNull(v); return this; }
    public Builder maxConnectionsPerOrigin(int v) { maxConnectionsPerOrigin = atLeast("maxConnectionsPerOrigin", v, 1); return this; }
    public Builder poolIdleTimeout(Duration v) { poolIdleTimeout = positive("poolIdleTimeout", v); return this; }
    public Builder http2ConnectionsPerOrigin(int v) { http2ConnectionsPerOrigin = atLeast("http2ConnectionsPerOrigin", v, 1); return this; }
    public Builder http2InitialStreamWindow(int v) { http2InitialStreamWindow = atLeast("http2InitialStreamWindow", v, 65_535); return this; }
    public Builder http2InitialConnectionWindow(int v) { http2InitialConnectionWindow = atLeast("http2InitialConnectionWindow", v, 65_535); return this; }
    public Builder maxResponseHeaderBytes(int v) { maxResponseHeaderBytes = atLeast("maxResponseHeaderBytes", v, 1024); return this; }
    public Builder maxQueuedControlFrames(int v) { maxQueuedControlFrames = atLeast("maxQueuedControlFrames", v, 1); return this; }
    public Builder keyLogFile(Path v) { keyLogFile = v; return this; }
    public Builder listener(WireListener v) { listener = Objects.requireNonNull(v); return this; }
    public Builder ioThreads(int v) { ioThreads = atLeast("ioThreads", v, 0); return this; }

    public TransportConfig build() {
      int sources = (trustedCertificates != null ? 1 : 0) + (trustedCertificateList.isEmpty() ? 0 : 1)
          + (trustStore != null ? 1 : 0);
      if (insecure && sources > 0) {
        throw new IllegalArgumentException("insecure and trustedCertificates clash: insecure trusts every certificate");
      }
      if (sources > 1) {
        throw new IllegalArgumentException("trustedCertificates (file, certificates or PEM text) and trustStore clash:"
            + " give one source of trust");
      }
      java.util.List<String> offered = alpnOffer.resolve(versionPolicy);
      if (versionPolicy == HttpVersionPolicy.HTTP_2 && alpnOffer.kind() != AlpnOffer.Kind.FOR_POLICY && !offered.contains("h2")) {
        throw new IllegalArgumentException(
            "versionPolicy HTTP_2 and alpnOffer " + alpnOffer + " clash: over TLS, HTTP/2 needs h2 in the ALPN offer");
      }
      if (versionPolicy == HttpVersionPolicy.HTTP_1_1 && offered.contains("h2") && !offered.contains("http/1.1")) {
        throw new IllegalArgumentException(
            "versionPolicy HTTP_1_1 and alpnOffer " + alpnOffer + " clash: the offer has no http/1.1");
      }
      if (!minTlsVersion.equals("TLSv1.2") && !minTlsVersion.equals("TLSv1.3")) {
        throw new IllegalArgumentException("minTlsVersion must be TLSv1.2 or TLSv1.3, not " + minTlsVersion);
      }
      return new TransportConfig(this);
    }

    private static Duration positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    private static int atLeast(String name, int v, int min) {
      if (v < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", was " + v);
      }
      return v;
    }
  }
}
