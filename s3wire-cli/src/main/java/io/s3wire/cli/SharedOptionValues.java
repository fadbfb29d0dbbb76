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
      boolean insecure, Path keyLog) {}

  /** The values of {@link TraceOptions}: trace on stdout, or to a file, and JSON output. */
  public record Trace(boolean trace, Path traceFile, boolean json) {}

  public static Transport of(TransportOptions o, Map<String, String> env) {
    return new Transport(o.policy, o.tlsProvider, o.alpnOffer, o.ca, o.insecure, o.keyLog(env));
  }

  public static Trace of(TraceOptions o) {
    return new Trace(o.trace, o.traceFile, o.json);
  }

  /** Rewrites {@code --trace=FILE} as {@link TraceOptions} expects it (see {@link TraceOptions#rewrite}). */
  public static String[] rewriteTrace(String[] args) {
    return TraceOptions.rewrite(args);
  }
}
