package io.s3wire.cli;

import io.s3wire.internal.AltSvcHeader;
import java.util.List;

/**
 * What an {@code Alt-Svc} response header (RFC 7838) says about HTTP/3, as {@code probe} and
 * {@code doctor} quote it: the first {@code h3} alternative it names, on any host. Read by the
 * client's own parser ({@link AltSvcHeader}), so the CLI and the client's HTTP/3 upgrade agree on what
 * a header says; draft versions ({@code h3-29}) are not {@code h3}: s3wire speaks RFC 9114 only.
 *
 * @param header the header's value as it came, for quoting
 * @param alternative the first {@code h3} alternative in it
 */
public record AltSvc(String header, AltSvcHeader.Alternative alternative) {

  /**
   * The first {@code h3} alternative of {@code header}, or {@code null} when there is none (no header,
   * {@code clear}, only other protocols, or a value that does not parse).
   */
  public static AltSvc h3(String header) {
    AltSvcHeader.Advice advice = header == null ? null : AltSvcHeader.parse(List.of(header));
    AltSvcHeader.Alternative h3 = advice instanceof AltSvcHeader.Alternatives list ? list.firstH3() : null;
    return h3 == null ? null : new AltSvc(header, h3);
  }

  /** The alternative's UDP port. */
  public int port() {
    return alternative.port();
  }

  /** Whether the alternative is on {@code originHost} itself (no host named, or the same one). */
  public boolean sameHost(String originHost) {
    return alternative.sameHost(originHost);
  }
}
