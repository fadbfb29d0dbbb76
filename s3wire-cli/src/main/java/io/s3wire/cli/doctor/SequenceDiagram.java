package io.s3wire.cli.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a client-server sequence diagram of one cell's trace as inline SVG: a lifeline each side, an
 * arrow per frame or HTTP/1.1 head ({@code send} to the right, {@code recv} to the left) labelled with
 * the frame and its key detail (error code, status), and connection facts as notes.
 */
final class SequenceDiagram {
  private static final int WIDTH = 760;
  private static final int ROW = 26;
  private static final int LEFT = 90;
  private static final int RIGHT = 670;

  private SequenceDiagram() {}

  static String svg(List<String> trace) {
    List<String[]> rows = rows(trace);
    int height = 50 + rows.size() * ROW;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">")
        .append("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\">")
        .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#333\"/></marker></defs>")
        .append("<text x=\"").append(LEFT - 20).append("\" y=\"16\">client</text>")
        .append("<text x=\"").append(RIGHT - 20).append("\" y=\"16\">server</text>")
        .append(line(LEFT, 24, LEFT, height - 4, "#888")).append(line(RIGHT, 24, RIGHT, height - 4, "#888"));
    int y = 44;
    for (String[] r : rows) {
      String kind = r[0];
      String label = HtmlRenderer.esc(r[1]);
      boolean bad = r[1].contains("ERROR") || r[1].contains("REQUIRED") || r[1].contains("failed") || r[1].matches(".*HTTP/1\\.1 [45]\\d\\d.*");
      String color = bad ? "#c00" : "#333";
      if (kind.equals("send")) {
        sb.append(arrow(LEFT, RIGHT, y, color));
        sb.append("<text x=\"").append(LEFT + 8).append("\" y=\"").append(y - 4).append("\" fill=\"").append(color).append("\">")
            .append(label).append("</text>");
      } else if (kind.equals("recv")) {
        sb.append(arrow(RIGHT, LEFT, y, color));
        sb.append("<text x=\"").append(LEFT + 8).append("\" y=\"").append(y - 4).append("\" fill=\"").append(color).append("\">")
            .append(label).append("</text>");
      } else {
        sb.append("<text x=\"4\" y=\"").append(y).append("\" fill=\"#666\">").append(label).append("</text>");
      }
      y += ROW;
    }
    return sb.append("</svg>").toString();
  }

  /** Each event as {direction, label}: the frame name and its error code or status, from the trace lines. */
  static List<String[]> rows(List<String> trace) {
    List<String[]> out = new ArrayList<>();
    String indent = io.s3wire.wire.TextTrace.INDENT;
    for (int i = 0; i < trace.size(); i++) {
      String l = trace.get(i);
      if (l.startsWith(indent)) {
        continue;
      }
      // "[  0.012] c1 send HEADERS frame <...>": time, connection, then the event.
      int close = l.indexOf(']');
      String time = close > 0 ? l.substring(1, close).trim() : "";
      String rest = close > 0 ? l.substring(close + 1).trim() : l;
      int sp = rest.indexOf(' ');
      String event = sp > 0 ? rest.substring(sp + 1) : rest;
      String kind = event.startsWith("send ") ? "send" : event.startsWith("recv ") ? "recv" : "note";
      String label = kind.equals("note") ? event : event.substring(5);
      label = label.replaceAll(" frame <length=([^,]*), flags=(0x[0-9a-f]+), stream_id=(\\d+)>", " [stream $3, flags $2]");
      for (int j = i + 1; j < trace.size() && trace.get(j).startsWith(indent); j++) {
        String d = trace.get(j).trim();
        if (d.startsWith("(error_code=") || d.startsWith("HTTP/1.1 ") || d.startsWith(":method") || d.startsWith(":status")
            || d.startsWith("; END_STREAM") || d.startsWith("host:") || d.startsWith("ALPN:")) {
          label += " " + d;
        }
      }
      out.add(new String[] {kind, time + "s " + label});
    }
    return out;
  }

  private static String line(int x1, int y1, int x2, int y2, String color) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + color + "\"/>";
  }

  private static String arrow(int from, int to, int y, String color) {
    return "<line x1=\"" + from + "\" y1=\"" + y + "\" x2=\"" + to + "\" y2=\"" + y + "\" stroke=\"" + color
        + "\" marker-end=\"url(#arrow)\"/>";
  }
}
