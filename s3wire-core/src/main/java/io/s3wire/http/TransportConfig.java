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
  private final Path pcapFile;
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
    this.pcapFile = b.pcapFile;
    this.listener = b.listener;
    this.ioThreads = b.ioThreads;
  }

  /**
   * The configuration with every default: negotiated HTTP version with fallback, JDK TLS, system trust store.
   *
   * @return a new configuration
   */
  public static TransportConfig defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration, to derive a variant; this one does not change.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Which HTTP versions the transport may use and whether it falls back.
   *
   * @return the policy; {@link HttpVersionPolicy#NEGOTIATE_WITH_FALLBACK} by default
   */
  public HttpVersionPolicy versionPolicy() { return versionPolicy; }
  /**
   * Which TLS implementation secures {@code https} connections.
   *
   * @return the provider; {@link TlsProvider#JDK} by default
   */
  public TlsProvider tlsProvider() { return tlsProvider; }
  /**
   * What the TLS handshake offers in ALPN, as configured (see {@link #alpnProtocols()} for the resolved ids).
   *
   * @return the offer; by default derived from the version policy
   */
  public AlpnOffer alpnOffer() { return alpnOffer; }
  /**
   * The protocol ids put in ALPN under this config's policy, most preferred first.
   *
   * @return e.g. {@code [h2, http/1.1]}; empty means no ALPN extension
   */
  public java.util.List<String> alpnProtocols() { return alpnOffer.resolve(versionPolicy); }
  /**
   * The oldest TLS version the handshake accepts.
   *
   * @return {@code TLSv1.2} (the default) or {@code TLSv1.3}
   */
  public String minTlsVersion() { return minTlsVersion; }
  /**
   * A PEM bundle file of trusted CA certificates, read when a connection's TLS context is built.
   *
   * @return the file, or {@code null} when another source (or the system trust store) applies
   */
  public Path trustedCertificates() { return trustedCertificates; }
  /**
   * Trusted CA certificates given as objects or PEM text.
   *
   * @return an immutable list; empty for none (then the other sources apply)
   */
  public java.util.List<X509Certificate> trustedCertificateList() { return trustedCertificateList; }
  /**
   * A key store whose certificate entries are trusted.
   *
   * @return the store, or {@code null} when another source (or the system trust store) applies
   */
  public KeyStore trustStore() { return trustStore; }
  /**
   * Whether certificate and hostname verification are off. Never the default; emits a warning event.
   *
   * @return {@code true} when every certificate is accepted
   */
  public boolean insecure() { return insecure; }
  /**
   * How long establishing the TCP connection may take.
   *
   * @return a positive duration; 10 seconds by default
   */
  public Duration connectTimeout() { return connectTimeout; }
  /**
   * How long the TLS handshake may take once TCP is connected.
   *
   * @return a positive duration; 10 seconds by default
   */
  public Duration tlsHandshakeTimeout() { return tlsHandshakeTimeout; }
  /**
   * How long to wait for the response headers once the request is sent.
   *
   * @return a positive duration; 60 seconds by default
   */
  public Duration responseHeadersTimeout() { return responseHeadersTimeout; }
  /**
   * How long an exchange waiting on the server may go without progress; bytes received or request
   * bytes written restart it.
   *
   * @return a positive duration; 60 seconds by default
   */
  public Duration idleReadTimeout() { return idleReadTimeout; }
  /**
   * A deadline for the whole call, head and body.
   *
   * @return the deadline; {@link Duration#ZERO} (the default) for none
   */
  public Duration callTimeout() { return callTimeout; }
  /**
   * The most HTTP/1.1 connections open (or opening) to one scheme, host and port; requests beyond wait for one.
   *
   * @return at least 1; 64 by default
   */
  public int maxConnectionsPerOrigin() { return maxConnectionsPerOrigin; }
  /**
   * How long an idle connection stays in the pool before it is closed.
   *
   * @return a positive duration; 60 seconds by default
   */
  public Duration poolIdleTimeout() { return poolIdleTimeout; }
  /**
   * The most HTTP/2 connections to one origin; streams are multiplexed over them.
   *
   * @return at least 1; 1 by default
   */
  public int http2ConnectionsPerOrigin() { return http2ConnectionsPerOrigin; }
  /**
   * The HTTP/2 flow-control window this client grants each stream, in bytes: how
   * much the server may send on a stream before the client reads.
   *
   * <p>It caps one stream's download rate near this window per round trip (credit returns once half
   * of it was read): the 16 MiB default keeps one stream above 300 MiB/s at a 25 ms round trip. It
   * also bounds what a response body the caller does not read can hold in memory.
   *
   * @return at least 65,535 (the RFC 9113 default); 16 MiB by default
   */
  public int http2InitialStreamWindow() { return http2InitialStreamWindow; }
  /**
   * The HTTP/2 flow-control window this client grants the whole connection, in bytes, shared by its streams.
   *
   * <p>It caps the connection's download rate near this window per round trip, and bounds the
   * response bytes one connection holds for readers that have not taken them (at most this many,
   * whatever the number of streams).
   *
   * @return at least 65,535; 64 MiB by default
   */
  public int http2InitialConnectionWindow() { return http2InitialConnectionWindow; }
  /**
   * The largest response header block accepted, in bytes; a larger one fails the exchange as a protocol violation.
   *
   * @return at least 1,024; 64 KiB by default
   */
  public int maxResponseHeaderBytes() { return maxResponseHeaderBytes; }
  /**
   * How many HTTP/2 control frames (SETTINGS and PING acknowledgements, RST_STREAM) may wait
   * to be written before the connection is closed: a guard against servers flooding them.
   *
   * @return at least 1; 10,000 by default
   */
  public int maxQueuedControlFrames() { return maxQueuedControlFrames; }
  /**
   * Where NSS key-log lines go (for decrypting a capture in Wireshark); holds session secrets, so only
   * for debugging. Works with {@link TlsProvider#OPENSSL} only.
   *
   * @return the file lines are appended to, or {@code null} (the default) for none
   */
  public Path keyLogFile() { return keyLogFile; }
  /**
   * Where a capture of every connection goes: the cleartext HTTP/1.1 and HTTP/2 bytes (after TLS),
   * as a pcap file with synthetic TCP/IP headers that Wireshark and {@code tshark -r} read with no
   * key log and no capture privileges. Secrets are masked as in the trace, character for character
   * ({@code '*'}), so HTTP/1.1 keeps every length; HTTP/2 header blocks are re-encoded without HPACK
   * indexing, so their lengths differ from the wire's while every other frame is copied byte for byte.
   * Each connection appears as its own TCP stream to the server's address at port 80. The file is
   * truncated when the transport is created; transports in one JVM that name the same file share
   * it, and the last one to close closes it.
   *
   * @return the capture file, or {@code null} (the default) for none
   */
  public Path pcapFile() { return pcapFile; }
  /**
   * Where wire events of every call on this transport go, besides each call's own listener.
   *
   * @return never {@code null}; {@link WireListener#NONE} by default
   */
  public WireListener listener() { return listener; }
  /**
   * How many Netty event-loop threads serve connections.
   *
   * @return the count; 0 (the default) means one per core
   */
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
    private int http2InitialStreamWindow = 16 * 1024 * 1024;
    private int http2InitialConnectionWindow = 64 * 1024 * 1024;
    private int maxResponseHeaderBytes = 64 * 1024;
    private int maxQueuedControlFrames = 10_000;
    private Path keyLogFile;
    private Path pcapFile;
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
      pcapFile = c.pcapFile;
      listener = c.listener;
      ioThreads = c.ioThreads;
    }

    /**
     * Sets which HTTP versions may be used.
     *
     * @param v the policy, not {@code null}
     * @return this builder
     */
    public Builder versionPolicy(HttpVersionPolicy v) { versionPolicy = Objects.requireNonNull(v); return this; }
    /**
     * Sets the TLS implementation.
     *
     * @param v the provider, not {@code null}; {@link TlsProvider#OPENSSL} needs netty-tcnative on the module path
     * @return this builder
     */
    public Builder tlsProvider(TlsProvider v) { tlsProvider = Objects.requireNonNull(v); return this; }
    /**
     * Sets what ALPN offers; checked against the version policy in {@link #build()}.
     *
     * @param v the offer, not {@code null}
     * @return this builder
     */
    public Builder alpnOffer(AlpnOffer v) { alpnOffer = Objects.requireNonNull(v); return this; }
    /**
     * Sets the oldest TLS version accepted; checked in {@link #build()}.
     *
     * @param v {@code TLSv1.2} or {@code TLSv1.3}, not {@code null}
     * @return this builder
     */
    public Builder minTlsVersion(String v) { minTlsVersion = Objects.requireNonNull(v); return this; }
    /**
     * Trusts the CA certificates in a PEM bundle file instead of the system trust store.
     *
     * @param v the file, read when connecting; {@code null} for none
     * @return this builder
     */
    public Builder trustedCertificates(Path v) { trustedCertificates = v; return this; }

    /**
     * Trusts these CA certificates (instead of the system trust store); none given clears them.
     *
     * @param v the certificates, none {@code null}
     * @return this builder
     */
    public Builder trustedCertificates(X509Certificate... v) {
      trustedCertificateList = java.util.List.of(v);
      return this;
    }

    /**
     * Trusts the CA certificates in {@code pem}, one or more {@code -----BEGIN CERTIFICATE-----}
     * blocks.
     *
     * @param pem the PEM text, not {@code null}
     * @return this builder
     * @throws IllegalArgumentException when the text holds no certificate or one that does not parse
     */
    public Builder trustedCertificatesPem(String pem) {
      trustedCertificateList = TrustMaterial.parsePem(pem);
      return this;
    }

    /**
     * Trusts the certificate entries of {@code v} (a loaded JKS or PKCS#12 store).
     *
     * @param v the store, or {@code null} for none
     * @return this builder
     */
    public Builder trustStore(KeyStore v) { trustStore = v; return this; }
    /**
     * Turns certificate and hostname verification off: only for a test server you
     * control. Clashes with every trust source.
     *
     * @param v {@code true} to accept every certificate
     * @return this builder
     */
    public Builder insecure(boolean v) { insecure = v; return this; }
    /**
     * Sets how long establishing the TCP connection may take.
     *
     * @param v a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is {@code null}, zero or negative
     */
    public Builder connectTimeout(Duration v) { connectTimeout = positive("connectTimeout", v); return this; }
    /**
     * Sets how long the TLS handshake may take.
     *
     * @param v a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is {@code null}, zero or negative
     */
    public Builder tlsHandshakeTimeout(Duration v) { tlsHandshakeTimeout = positive("tlsHandshakeTimeout", v); return this; }
    /**
     * Sets how long to wait for response headers once the request is sent.
     *
     * @param v a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is {@code null}, zero or negative
     */
    public Builder responseHeadersTimeout(Duration v) { responseHeadersTimeout = positive("responseHeadersTimeout", v); return this; }
    /**
     * Sets how long an exchange waiting on the server may go without progress.
     *
     * @param v a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is {@code null}, zero or negative
     */
    public Builder idleReadTimeout(Duration v) { idleReadTimeout = positive("idleReadTimeout", v); return this; }
    /**
     * Sets a deadline for the whole call, head and body.
     *
     * @param v the deadline; {@link Duration#ZERO} for none, not {@code null}
     * @return this builder
     */
    public Builder callTimeout(Duration v) { callTimeout = Objects.requireNonNull(v); return this; }
    /**
     * Sets the most HTTP/1.1 connections to one origin.
     *
     * @param v at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 1
     */
    public Builder maxConnectionsPerOrigin(int v) { maxConnectionsPerOrigin = atLeast("maxConnectionsPerOrigin", v, 1); return this; }
    /**
     * Sets how long an idle connection stays pooled.
     *
     * @param v a positive duration
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is {@code null}, zero or negative
     */
    public Builder poolIdleTimeout(Duration v) { poolIdleTimeout = positive("poolIdleTimeout", v); return this; }
    /**
     * Sets the most HTTP/2 connections to one origin.
     *
     * @param v at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 1
     */
    public Builder http2ConnectionsPerOrigin(int v) { http2ConnectionsPerOrigin = atLeast("http2ConnectionsPerOrigin", v, 1); return this; }
    /**
     * Sets the HTTP/2 flow-control window per stream, in bytes: at least the bandwidth-delay product
     * of the link (its rate times its round trip) for one stream to fill it, twice that to be safe.
     *
     * @param v at least 65,535
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 65,535
     */
    public Builder http2InitialStreamWindow(int v) { http2InitialStreamWindow = atLeast("http2InitialStreamWindow", v, 65_535); return this; }
    /**
     * Sets the HTTP/2 flow-control window for the connection, in bytes: at least the stream window
     * times the streams expected to download at full rate at once.
     *
     * @param v at least 65,535
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 65,535
     */
    public Builder http2InitialConnectionWindow(int v) { http2InitialConnectionWindow = atLeast("http2InitialConnectionWindow", v, 65_535); return this; }
    /**
     * Sets the largest response header block accepted, in bytes.
     *
     * @param v at least 1,024
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 1,024
     */
    public Builder maxResponseHeaderBytes(int v) { maxResponseHeaderBytes = atLeast("maxResponseHeaderBytes", v, 1024); return this; }
    /**
     * Sets how many HTTP/2 control frames may wait to be written before the connection is closed.
     *
     * @param v at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is below 1
     */
    public Builder maxQueuedControlFrames(int v) { maxQueuedControlFrames = atLeast("maxQueuedControlFrames", v, 1); return this; }
    /**
     * Sets where NSS key-log lines go; for debugging only, as the lines decrypt the traffic. Needs
     * {@link TlsProvider#OPENSSL}.
     *
     * @param v the file to append to, or {@code null} for none
     * @return this builder
     */
    public Builder keyLogFile(Path v) { keyLogFile = v; return this; }
    /**
     * Sets where the capture of every connection goes (see {@link TransportConfig#pcapFile()}); for
     * debugging, as the capture holds bodies and every header but the masked secrets.
     *
     * @param v the pcap file to write (truncated), or {@code null} for none
     * @return this builder
     */
    public Builder pcapFile(Path v) { pcapFile = v; return this; }
    /**
     * Sets where wire events of every call go.
     *
     * @param v the listener, not {@code null}; {@link WireListener#NONE} for none
     * @return this builder
     */
    public Builder listener(WireListener v) { listener = Objects.requireNonNull(v); return this; }
    /**
     * Sets how many Netty event-loop threads serve connections.
     *
     * @param v the count, 0 for one per core
     * @return this builder
     * @throws IllegalArgumentException when {@code v} is negative
     */
    public Builder ioThreads(int v) { ioThreads = atLeast("ioThreads", v, 0); return this; }

    /**
     * Builds the configuration, checking options that clash.
     *
     * @return an immutable configuration, safe to share between threads
     * @throws IllegalArgumentException when {@code insecure} is combined with a trust source, more than
     *     one trust source is given, the ALPN offer does not fit the version policy, or {@code
     *     minTlsVersion} is not TLSv1.2 or TLSv1.3
     */
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
      if (versionPolicy == HttpVersionPolicy.HTTP_3 && !offered.contains("h3")) {
        throw new IllegalArgumentException(
            "versionPolicy HTTP_3 and alpnOffer " + alpnOffer + " clash: QUIC needs h3 in the ALPN offer");
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
