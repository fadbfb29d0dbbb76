package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human output: headline, matrix table, diagnosis. */
public final class TextRenderer {
  private TextRenderer() {}

  public static List<String> render(DoctorReport r) {
    List<String> out = new ArrayList<>(r.headline());
    Measurements m = r.measurements();
    out.add("");
    boolean h3 = m.cells().stream().anyMatch(c -> c.route().http3());
    out.add("matrix (cell: negotiated protocol, status or HTTP/2" + (h3 ? " or HTTP/3" : "") + " error code, time; " + m.cells().stream().filter(Cell::ran).count()
        + " requests, objects under " + (m.target().bucket() == null ? "-" : m.target().bucket() + "/" + m.prefix() + "/") + ")");
    boolean plain = !m.cells().isEmpty() && m.cells().get(0).route().plain();
    // Over plain HTTP the route is one column (http/1.1 or h2c) as wide as tls and alpn together.
    String fmt = (plain ? "%-21s" : "%-8s %-12s") + " %-17s" + " %-24s".repeat(Operation.values().length);
    List<Object> head = new ArrayList<>(plain ? List.of("http", "shape") : List.of("tls", "alpn", "shape"));
    for (Operation op : Operation.values()) {
      head.add(op.id());
    }
    out.add(String.format(Locale.ROOT, fmt, head.toArray()).stripTrailing());
    int ops = Operation.values().length;
    for (int i = 0; i < m.cells().size(); i += ops) {
      Cell c = m.cells().get(i);
      List<Object> row = new ArrayList<>(plain ? List.of(c.route().http(), c.shape().id())
          : List.of(c.route().tlsName(), c.alpn(), c.shape().id()));
      for (int j = 0; j < ops; j++) {
        Cell x = m.cells().get(i + j);
        row.add((x.failed() ? "!" : " ") + x.text());
      }
      out.add(String.format(Locale.ROOT, fmt, row.toArray()).stripTrailing());
    }
    out.add("");
    out.add("diagnosis: " + r.verdict());
    int n = 1;
    for (Finding f : r.findings()) {
      out.add("");
      out.add(n++ + ". [" + f.id() + "] " + (f.isProblem() ? "" : "(note) ") + f.title());
      out.add("   what fails: " + f.whatFails());
      out.add("   differs:    " + f.differs());
      out.add("   evidence:");
      for (String e : f.evidence()) {
        out.add("     " + e);
      }
      out.add("   cause:      " + f.cause());
      for (String fix : f.fixes()) {
        out.add("   fix:        " + fix);
      }
      out.add("   source:     " + f.source());
    }
    out.add("");
    out.add(m.cleanup().summary(m.prefix()) + " (" + String.format(Locale.ROOT, "%.1f", r.millis() / 1000.0) + " s in all)");
    return out;
  }
}
