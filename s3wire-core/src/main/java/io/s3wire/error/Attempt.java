package io.s3wire.error;

import io.s3wire.http.HttpProtocol;
import io.s3wire.http.TlsProvider;
import java.time.Duration;
import java.util.List;

/**
 * The wire facts of one attempt of a call.
 *
 * @param protocol the HTTP version used, or {@code null} if no connection was made
 * @param tlsProvider the TLS provider, or {@code null} over plain TCP
 * @param alpnOffered the ALPN ids offered (empty: no ALPN extension, or plain TCP)
 * @param alpnSelected what the server selected, or {@code null}
 * @param outcome one line: {@code 200 OK}, {@code RST_STREAM(PROTOCOL_ERROR) from server}, ...
 * @param duration how long the attempt took, from its start to its outcome, or {@code null} if not measured
 * @param traceTail the last lines of this attempt's text trace, redacted
 */
public record Attempt(
    HttpProtocol protocol,
    TlsProvider tlsProvider,
    List<String> alpnOffered,
    String alpnSelected,
    String outcome,
    Duration duration,
    List<String> traceTail) {

  /**
   * Copies the lists, so an attempt is immutable and safe to share between threads; a {@code null} list becomes empty.
   *
   * @param protocol the HTTP version used, or {@code null} if no connection was made
   * @param tlsProvider the TLS provider, or {@code null} over plain TCP
   * @param alpnOffered the ALPN ids offered; {@code null} or empty for none
   * @param alpnSelected what the server selected, or {@code null}
   * @param outcome one line describing how the attempt ended
   * @param duration how long the attempt took, or {@code null}
   * @param traceTail the last redacted trace lines; {@code null} or empty for none
   */
  public Attempt {
    alpnOffered = alpnOffered == null ? List.of() : List.copyOf(alpnOffered);
    traceTail = traceTail == null ? List.of() : List.copyOf(traceTail);
  }

  /**
   * One line for a person, naming the HTTP version, the TLS provider and ALPN, the outcome and the
   * duration in milliseconds.
   *
   * @return a line such as {@code HTTP/2 over TLS (JDK, ALPN h2,http/1.1 -> h2): 200 OK in 12 ms}
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(protocol == null ? "no connection" : protocol.toString());
    if (tlsProvider != null) {
      sb.append(" over TLS (").append(tlsProvider).append(", ALPN ")
          .append(alpnOffered.isEmpty() ? "none" : String.join(",", alpnOffered))
          .append(" -> ").append(alpnSelected == null ? "none" : alpnSelected).append(')');
    }
    sb.append(": ").append(outcome);
    if (duration != null) {
      sb.append(" in ").append(duration.toMillis()).append(" ms");
    }
    return sb.toString();
  }
}
