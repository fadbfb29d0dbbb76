package io.s3wire.cli.doctor;

import java.nio.file.Path;

/**
 * Where {@code doctor --pcap FILE.pcap} writes its captures: the setup and the extra probes to
 * {@code FILE.pcap} itself, each matrix route (one transport, all its cells) to {@code
 * FILE-ROUTE.pcap}, e.g. {@code doctor-jdk-h2-http11.pcap} or {@code doctor-h2c.pcap}. One file per
 * route rather than per cell: a route's cells share their connections, so a cell's packets are
 * those of its route's file (its connection's TCP stream), found by the cell's request in Wireshark.
 */
final class DoctorCaptures {
  /** What stands where an h3 route's capture would: the capture is of TCP connections' cleartext only. */
  static final String NO_H3 = "no capture for h3: QUIC is not captured";

  private DoctorCaptures() {}

  /** The capture of {@code route}'s transport, or {@code null} without {@code --pcap} or for an h3 route. */
  static Path forRoute(Path base, Route route) {
    return base == null || route.http3() ? null : sibling(base, route.keyPart());
  }

  /** How the routes' captures are named, for a person: {@code FILE-ROUTE.pcap}. */
  static Path routePattern(Path base) {
    return sibling(base, "ROUTE");
  }

  private static Path sibling(Path base, String part) {
    String name = base.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : ".pcap";
    return base.resolveSibling(stem + "-" + part + ext);
  }

  /** How the report at {@code report} links {@code capture}: relative to the report's folder when it can be. */
  static String link(Path report, Path capture) {
    Path target = capture.toAbsolutePath().normalize();
    if (report != null) {
      Path dir = report.toAbsolutePath().normalize().getParent();
      if (dir != null && target.getRoot() != null && target.getRoot().equals(dir.getRoot())) {
        return dir.relativize(target).toString().replace('\\', '/');
      }
    }
    return target.toUri().toString();
  }
}
