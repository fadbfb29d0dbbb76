package io.s3wire.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --trace[=FILE]} and {@code --json}: the output options every command shares (a picocli
 * mixin).
 *
 * <p>{@code --trace} takes its file only in the attached form {@code --trace=FILE}, so {@code
 * --trace URL} never mistakes the URL for a file: {@link #rewrite} turns {@code --trace=FILE} into
 * the hidden {@code --trace-file FILE} before picocli parses.
 */
public final class TraceOptions {
  @Option(names = "--trace", description = "Show the wire trace (TLS handshake, HTTP/2 frames, HTTP/1.1 heads);"
      + " --trace=FILE writes it to FILE instead.")
  boolean trace;

  @Option(names = "--trace-file", hidden = true, paramLabel = "FILE")
  Path traceFile;

  @Option(names = "--json", description = "Print JSON Lines instead of text (the trace too).")
  boolean json;

  /** Rewrites {@code --trace=FILE} as {@code --trace-file FILE}; other arguments pass unchanged. */
  static String[] rewrite(String[] args) {
    List<String> out = new ArrayList<>(args.length + 1);
    boolean endOfOptions = false;
    for (String a : args) {
      if (!endOfOptions && a.startsWith("--trace=")) {
        out.add("--trace-file");
        out.add(a.substring("--trace=".length()));
      } else {
        endOfOptions |= a.equals("--");
        out.add(a);
      }
    }
    return out.toArray(String[]::new);
  }

  ProbeRequest.Trace target() {
    if (traceFile != null) {
      return ProbeRequest.Trace.FILE;
    }
    return trace ? ProbeRequest.Trace.STDOUT : ProbeRequest.Trace.NONE;
  }
}
