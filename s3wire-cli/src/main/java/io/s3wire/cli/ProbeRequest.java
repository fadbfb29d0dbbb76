package io.s3wire.cli;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import io.s3wire.http.TransportConfig;
import io.s3wire.wire.WireListener;
import java.net.URI;
import java.nio.file.Path;

/**
 * What {@code s3wire probe} was asked to do, decided from its arguments and environment before any
 * network use: tests assert this value.
 *
 * @param uri the URL to probe, or {@code null} with {@code local}
 * @param local whether to start the local responder and probe it
 * @param method {@code GET} or {@code HEAD}
 * @param trustedCertificates a PEM CA bundle, or {@code null} for the system trust store
 * @param trace where the frame timeline goes
 * @param traceFile the trace file when {@code trace} is {@link Trace#FILE}
 * @param json whether output is JSON Lines
 * @param keyLog where NSS key-log lines go, or {@code null}; from {@code --keylog} or {@code SSLKEYLOGFILE}
 * @param pcap where the capture of the cleartext goes ({@code --pcap}), or {@code null}
 */
public record ProbeRequest(
    URI uri,
    boolean local,
    String method,
    HttpVersionPolicy policy,
    TlsProvider tlsProvider,
    AlpnOffer alpnOffer,
    Path trustedCertificates,
    boolean insecure,
    Trace trace,
    Path traceFile,
    boolean json,
    Path keyLog,
    Path pcap) {

  /** Where the trace goes. */
  public enum Trace {
    NONE,
    STDOUT,
    FILE
  }

  /** The transport configuration for this probe, with {@code listener} receiving every event. */
  public TransportConfig transportConfig(Path caOverride, WireListener listener) {
    TransportConfig.Builder b = TransportConfig.builder()
        .versionPolicy(policy)
        .tlsProvider(tlsProvider)
        .alpnOffer(alpnOffer)
        .insecure(insecure)
        .trustedCertificates(caOverride != null ? caOverride : trustedCertificates)
        .listener(listener)
        .pcapFile(pcap)
        .ioThreads(1);
    // The JDK provider's TLS 1.3 secrets come from the extract-tls-secrets agent the launcher
    // attaches, which writes the file itself; only BoringSSL's come through the transport.
    if (keyLog != null && tlsProvider == TlsProvider.OPENSSL) {
      b.keyLogFile(keyLog);
    }
    return b.build();
  }
}
