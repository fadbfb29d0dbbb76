package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --report} page: self-contained HTML (inline CSS and SVG, no external assets) with the
 * matrix, the findings and, for each failing cell, a client-server sequence diagram of its frames.
 */
public final class HtmlRenderer {
  /** Diagrams drawn at most, so a server that fails everything still gives a readable page. */
  static final int MAX_DIAGRAMS = 24;

  private HtmlRenderer() {}

  public static String render(DoctorReport r) {
    return render(r, null, null);
  }

  /**
   * The page, each failing cell linking its route's capture when {@code pcap} is given.
   *
   * @param report where the page is written (links are made relative to it), or {@code null}
   * @param pcap {@code --pcap}'s base name, or {@code null} for no capture links
   */
  public static String render(DoctorReport r, java.nio.file.Path report, java.nio.file.Path pcap) {
    Measurements m = r.measurements();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>s3wire doctor: ")
        .append(esc(m.target().endpoint().toString())).append("</title>\n<style>")
        .append("body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #bbb;padding:2px 6px;font:12px monospace}td.fail{background:#fdd}")
        .append("td.pass{background:#dfd}td.skip{color:#999}pre{background:#f6f6f6;padding:6px;overflow-x:auto}")
        .append("section.finding{border-left:4px solid #c33;padding-left:8px;margin:1em 0}")
        .append("section.note{border-left-color:#e90}svg text{font:11px monospace}</style></head><body>\n");
    sb.append("<h1>s3wire doctor</h1>\n");
    for (String h : r.headline()) {
      sb.append("<p>").append(esc(h)).append("</p>\n");
    }
    boolean plain = !m.cells().isEmpty() && m.cells().get(0).route().plain();
    sb.append("<h2>Matrix</h2>\n<table id=\"matrix\"><tr>").append(plain ? "<th>http</th>" : "<th>tls</th><th>alpn</th>")
        .append("<th>shape</th>");
    for (Operation op : Operation.values()) {
      sb.append("<th>").append(op.id()).append("</th>");
    }
    sb.append("</tr>\n");
    int ops = Operation.values().length;
    for (int i = 0; i < m.cells().size(); i += ops) {
      Cell c = m.cells().get(i);
      sb.append("<tr><td>").append(plain ? esc(c.route().http()) : esc(c.route().tlsName()) + "</td><td>" + esc(c.alpn()))
          .append("</td><td>").append(esc(c.shape().id())).append("</td>");
      for (int j = 0; j < ops; j++) {
        Cell x = m.cells().get(i + j);
        String cls = x.failed() ? "fail" : x.passed() ? "pass" : "skip";
        sb.append("<td class=\"").append(cls).append("\">");
        if (x.failed()) {
          sb.append("<a href=\"#").append(anchor(x)).append("\">").append(esc(x.text())).append("</a>");
        } else {
          sb.append(esc(x.text()));
        }
        sb.append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n<h2>Diagnosis: ").append(esc(r.verdict())).append("</h2>\n");
    for (Finding f : r.findings()) {
      sb.append("<section class=\"finding").append(f.isProblem() ? "" : " note").append("\" id=\"finding-").append(esc(f.id()))
          .append("\"><h3>[").append(esc(f.id())).append("] ").append(esc(f.title())).append("</h3>\n")
          .append("<p><b>What fails:</b> ").append(esc(f.whatFails())).append("</p>\n")
          .append("<p><b>Differs:</b> ").append(esc(f.differs())).append("</p>\n")
          .append("<pre>").append(esc(String.join("\n", f.evidence()))).append("</pre>\n")
          .append("<p><b>Cause:</b> ").append(esc(f.cause())).append("</p>\n<ul>");
      for (String fix : f.fixes()) {
        sb.append("<li>").append(esc(fix)).append("</li>");
      }
      sb.append("</ul>\n<p><b>Source:</b> ").append(esc(f.source())).append("</p></section>\n");
    }
    sb.append("<h2>Failing cells</h2>\n");
    int drawn = 0;
    for (Cell c : m.failing()) {
      if (drawn++ == MAX_DIAGRAMS) {
        sb.append("<p>(").append(m.failing().size() - MAX_DIAGRAMS).append(" more failing cells not drawn)</p>\n");
        break;
      }
      sb.append("<h3 id=\"").append(anchor(c)).append("\">").append(esc(c.row() + " " + c.operation().id() + ": " + c.text()))
          .append("</h3>\n<p>").append(esc(c.outcome().describe())).append("</p>\n");
      if (pcap != null && c.route().http3()) {
        sb.append("<p class=\"capture\">Capture: ").append(esc(DoctorCaptures.NO_H3)).append(" (the h3 cells' frames are in the"
            + " diagram below)</p>\n");
      } else if (pcap != null) {
        java.nio.file.Path capture = DoctorCaptures.forRoute(pcap, c.route());
        String link = DoctorCaptures.link(report, capture);
        sb.append("<p class=\"capture\">Capture: <a href=\"").append(esc(link)).append("\">").append(esc(link))
            .append("</a> (every connection of the ").append(esc(c.route().label()))
            .append(" route; Wireshark opens it, or <code>").append(esc(io.s3wire.cli.TsharkCommand.reading(capture)))
            .append("</code>)</p>\n");
      }
      sb.append(SequenceDiagram.svg(c.trace())).append('\n');
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  static String anchor(Cell c) {
    return ("cell-" + c.route().label() + "-" + c.shape().id() + "-" + c.operation().id()).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]", "-");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The trace's event lines (not the indented detail lines). */
  static List<String> events(List<String> trace) {
    List<String> out = new ArrayList<>();
    for (String l : trace) {
      if (!l.startsWith(io.s3wire.wire.TextTrace.INDENT)) {
        out.add(l);
      }
    }
    return out;
  }
}
