package io.s3wire.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an {@code Alt-Svc} response header (RFC 7838) says about HTTP/3: the first {@code h3}
 * alternative it names, if any. Draft versions ({@code h3-29}) are not {@code h3} and do not count:
 * s3wire speaks RFC 9114 only. {@code probe} and {@code doctor} read it from their TCP responses to
 * decide whether to try HTTP/3.
 *
 * @param header the header's value as it came, for quoting
 * @param host the alternative's host, or {@code null} when it is the origin's own ({@code h3=":443"})
 * @param port the alternative's UDP port
 */
public record AltSvc(String header, String host, int port) {

  /**
   * The first {@code h3} alternative of {@code header}, or {@code null} when there is none (no header,
   * {@code clear}, only other protocols, or an entry that does not parse).
   */
  public static AltSvc h3(String header) {
    if (header == null) {
      return null;
    }
    for (String entry : entries(header)) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || !entry.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("h3")) {
        continue;
      }
      String rest = entry.substring(eq + 1).trim();
      if (!rest.startsWith("\"")) {
        continue;
      }
      int close = rest.indexOf('"', 1);
      if (close < 0) {
        continue;
      }
      String authority = rest.substring(1, close);
      int colon = authority.lastIndexOf(':');
      if (colon < 0) {
        continue;
      }
      try {
        int port = Integer.parseInt(authority.substring(colon + 1));
        if (port < 1 || port > 65535) {
          continue;
        }
        String host = authority.substring(0, colon);
        return new AltSvc(header, host.isEmpty() ? null : host, port);
      } catch (NumberFormatException e) {
        // Not a port: the next entry may still be one.
      }
    }
    return null;
  }

  /** Whether the alternative is on {@code originHost} itself (no host named, or the same one). */
  public boolean sameHost(String originHost) {
    return host == null || host.equalsIgnoreCase(originHost);
  }

  /** The comma-separated entries, commas inside quoted strings kept. */
  private static List<String> entries(String header) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(sb.toString().trim());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString().trim());
    return out;
  }
}
