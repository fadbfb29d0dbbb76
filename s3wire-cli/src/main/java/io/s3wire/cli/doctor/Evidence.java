package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Picks the lines of a cell's trace that show a cause, so a finding quotes the wire, not a summary. */
final class Evidence {
  private static final String INDENT = io.s3wire.wire.TextTrace.INDENT;

  private Evidence() {}

  /**
   * The frame and message lines of {@code cell}'s trace that matter: every HEADERS, RST_STREAM,
   * GOAWAY and HTTP/1.1 head line with its error code, plus the indented header lines whose name is
   * in {@code headers} (pseudo-headers {@code :method} and {@code :path} always).
   */
  static List<String> frames(Cell cell, String... headers) {
    Set<String> wanted = Set.of(headers);
    List<String> out = new ArrayList<>();
    boolean inHead = false;
    for (String line : cell.trace()) {
      if (!line.startsWith(INDENT)) {
        inHead = line.contains(" HEADERS frame") || line.contains("RST_STREAM") || line.contains("GOAWAY")
            || line.contains("HTTP/1.1 request") || line.contains("HTTP/1.1 response") || line.contains("TLS handshake");
        if (inHead) {
          out.add(line);
        }
        continue;
      }
      if (!inHead) {
        continue;
      }
      String field = line.trim();
      int colon = field.indexOf(':', 1);
      String name = colon > 0 ? field.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      if (field.startsWith("(error_code=") || field.startsWith("(last_stream_id=") || field.startsWith("ALPN:")
          || field.startsWith("HTTP/1.1 ") || field.matches("^[A-Z]+ /.*HTTP/1\\.1$")
          || name.equals(":method") || name.equals(":path") || wanted.contains(name)) {
        out.add(line);
      }
    }
    return out;
  }

  /** The lines of {@code cell}'s trace that contain {@code text} (whole lines, in order). */
  static List<String> containing(Cell cell, String text) {
    return cell.trace().stream().filter(l -> l.contains(text)).toList();
  }

  static String cellLine(Cell c) {
    return c.row() + " " + c.operation().id() + ": " + c.text() + (c.outcome() == null ? "" : " — " + c.outcome().describe());
  }
}
