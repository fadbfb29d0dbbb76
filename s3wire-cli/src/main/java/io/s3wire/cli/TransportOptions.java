package io.s3wire.cli;

import io.s3wire.http.AlpnOffer;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TlsProvider;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How a command speaks HTTP and TLS: the options every network command shares (a picocli mixin). */
public final class TransportOptions {
  @Option(names = "--http", paramLabel = "1.1|2|3|negotiate|auto|auto-h3", converter = PolicyConverter.class,
      description = "HTTP version policy: 1.1, 2, 3 (HTTP/3 over QUIC, https only, no fallback), negotiate (ALPN"
          + " decides), auto (negotiate, fall back to HTTP/1.1 on evidence; the default) or auto-h3 (auto, and HTTP/3"
          + " where the server advertises it with Alt-Svc, back to TCP when QUIC fails).")
  HttpVersionPolicy policy = HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK;

  @Option(names = "--tls", paramLabel = "jdk|openssl", converter = ProviderConverter.class,
      description = "TLS provider: openssl (BoringSSL: the storage commands' default where it loads) or jdk"
          + " (the JDK's own: probe's default, and the storage commands' where BoringSSL does not load).")
  TlsProvider tlsProvider;

  @Option(names = "--alpn", paramLabel = "h2,http/1.1|none", converter = AlpnConverter.class,
      description = "Protocols to offer in ALPN, in order, or none for no ALPN extension. Default: per policy.")
  AlpnOffer alpnOffer = AlpnOffer.forPolicy();

  @Option(names = "--ca", paramLabel = "FILE", description = "Trust the CA certificates in this PEM file instead of the system's.")
  Path ca;

  @Option(names = "--insecure", description = "Do not verify the server's certificate (test servers only; a warning is traced).")
  boolean insecure;

  @Option(names = "--keylog", paramLabel = "FILE",
      description = "Append NSS key-log lines (for Wireshark/tshark) to FILE. Default: $SSLKEYLOGFILE when set.")
  Path keyLog;

  @Option(names = "--pcap", paramLabel = "FILE",
      description = "Write every connection's cleartext HTTP (after TLS) to FILE as a pcap for Wireshark/tshark;"
          + " secrets are masked with '*', length for length. FILE is overwritten.")
  Path pcap;

  /** The key log file: {@code --keylog}, else {@code SSLKEYLOGFILE} from {@code env}, else {@code null}. */
  Path keyLog(Map<String, String> env) {
    if (keyLog != null) {
      return keyLog;
    }
    String fromEnv = env.get("SSLKEYLOGFILE");
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  /** Parses {@code --http}. */
  static final class PolicyConverter implements ITypeConverter<HttpVersionPolicy> {
    @Override
    public HttpVersionPolicy convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "1.1", "http/1.1", "1" -> HttpVersionPolicy.HTTP_1_1;
        case "2", "h2", "http/2" -> HttpVersionPolicy.HTTP_2;
        case "3", "h3", "http/3" -> HttpVersionPolicy.HTTP_3;
        case "negotiate" -> HttpVersionPolicy.NEGOTIATE;
        case "auto" -> HttpVersionPolicy.NEGOTIATE_WITH_FALLBACK;
        case "auto-h3", "alt-svc" -> HttpVersionPolicy.NEGOTIATE_WITH_HTTP3;
        default -> throw new TypeConversionException("expected 1.1, 2, 3, negotiate, auto or auto-h3, not '" + value + "'");
      };
    }
  }

  /** Parses {@code --tls}. */
  static final class ProviderConverter implements ITypeConverter<TlsProvider> {
    @Override
    public TlsProvider convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "jdk" -> TlsProvider.JDK;
        case "openssl", "boringssl" -> TlsProvider.OPENSSL;
        default -> throw new TypeConversionException("expected jdk or openssl, not '" + value + "'");
      };
    }
  }

  /** Parses {@code --alpn}. */
  static final class AlpnConverter implements ITypeConverter<AlpnOffer> {
    @Override
    public AlpnOffer convert(String value) {
      try {
        return AlpnOffer.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
