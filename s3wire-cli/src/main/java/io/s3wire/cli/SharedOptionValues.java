package io.s3wire.cli;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Read access to the shared option mixins ({@link TransportOptions}, {@link TraceOptions}) for
 * commands in other packages, so the mixins stay the one place the options are declared.
 */
public final class SharedOptionValues {
  private SharedOptionValues() {}

  /** The values of {@link TransportOptions}, with the key log resolved against {@code env}. */
  public record Transport(HttpVersionPolicy policy, TlsProvider tlsProvider, AlpnOffer alpnOffer, Path ca,
      boolean insecure, Path keyLog, Path pcap) {}

  /** The values of {@link TraceOptions}: trace on stdout, or to a file, and JSON output. */
  public record Trace(boolean trace, Path traceFile, boolean json) {}

  /**
   * The values of {@link TransportOptions} for a storage command that talks to {@code endpoint}
   * ({@code null}: not given). Without {@code --tls}: the JDK's provider for a plain-HTTP endpoint,
   * which makes no TLS connection (loading BoringSSL only to learn it is there costs a short command
   * a quarter of a second of CPU), else {@link #storageTlsProvider()}.
   */
  public static Transport of(TransportOptions o, Map<String, String> env, String endpoint) {
    boolean plainHttp = endpoint != null && endpoint.regionMatches(true, 0, "http://", 0, 7);
    TlsProvider tls = o.tlsProvider != null ? o.tlsProvider : plainHttp ? TlsProvider.JDK : storageTlsProvider();
    return new Transport(o.policy, tls, o.alpnOffer, o.ca, o.insecure, o.keyLog(env), o.pcap);
  }

  /**
   * The storage commands' TLS provider when none is asked for: BoringSSL where it loads, else the
   * JDK's. A command is a short-lived JVM, and the JDK's TLS decrypts through code the JIT has not
   * compiled yet: measured on a 50 MiB download over TLS, the JDK's provider cost a second more
   * than BoringSSL's, most of the gap to the AWS CLI.
   */
  public static TlsProvider storageTlsProvider() {
    return TlsProvider.OPENSSL.isAvailable() ? TlsProvider.OPENSSL : TlsProvider.JDK;
  }

  public static Trace of(TraceOptions o) {
    return new Trace(o.trace, o.traceFile, o.json);
  }

  /** Rewrites {@code --trace=FILE} as {@link TraceOptions} expects it (see {@link TraceOptions#rewrite}). */
  public static String[] rewriteTrace(String[] args) {
    return TraceOptions.rewrite(args);
  }
}
