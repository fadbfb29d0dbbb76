package io.s3wire.wire;

import io.s3wire.wire.internal.FrameFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human trace format: a timeline in the spirit of {@code nghttp -nv}, one line per event
 * starting with the seconds since the start of the trace ({@code [  0.012]}) and the connection id,
 * followed by indented lines with the decoded fields.
 *
 * <pre>
 * [  0.012] c1 send HEADERS frame &lt;length=39, flags=0x05, stream_id=1&gt;
 *           ; END_STREAM | END_HEADERS
 *           :method: GET
 * [  0.013] c1 recv SETTINGS frame &lt;length=6, flags=0x00, stream_id=0&gt;
 *           (niv=1)
 *           [SETTINGS_MAX_CONCURRENT_STREAMS(0x03):100]
 * </pre>
 *
 * <p>A HEADERS frame's length is its encoded header block's size; one the emitter could not know (a
 * HEADERS write that failed before its frames went out) shows as {@code length=?}. Header values and URLs pass through a {@link Redaction} on top of the emitter's, and control
 * characters are escaped so a hostile peer cannot forge trace lines. Stateless and thread-safe.
 */
public final class TextTrace {
  /** Continuation lines start with this: as wide as {@code [  0.012] }. */
  public static final String INDENT = "          ";

  private final Redaction redaction;

  /**
   * A formatter that masks what {@code redaction} says is secret.
   *
   * @param redaction applied to request targets and, a second time, to header values
   */
  public TextTrace(Redaction redaction) {
    this.redaction = redaction;
  }

  /**
   * A formatter with the default redaction.
   *
   * @return a formatter using {@link Redaction#DEFAULT}
   */
  public static TextTrace standard() {
    return new TextTrace(Redaction.DEFAULT);
  }

  /**
   * The lines for one event.
   *
   * @param event the event to render
   * @param baseNanos the {@link System#nanoTime()} value the timestamps count from
   * @return the first line and its {@link #INDENT}ed continuation lines, without terminators
   */
  public List<String> lines(WireEvent event, long baseNanos) {
    List<String> out = new ArrayList<>(4);
    format(event, baseNanos, out);
    return out;
  }

  /**
   * Appends the lines for one event, without allocating a list of its own.
   *
   * @param event the event to render
   * @param baseNanos the {@link System#nanoTime()} value the timestamps count from
   * @param out where the lines are added, in order
   */
  public void format(WireEvent event, long baseNanos, List<String> out) {
    String head = timestamp(event.nanoTime() - baseNanos) + " " + clean(event.connectionId() == null ? "-" : event.connectionId()) + " ";
    if (event instanceof WireEvent.Http2Frame f) {
      frame(head, f, out);
    } else if (event instanceof WireEvent.ConnectionOpened e) {
      out.add(head + "connected to " + clean(FrameFacts.address(e.remoteAddress())) + " from "
          + clean(FrameFacts.address(e.localAddress())) + (e.tls() ? " (TLS)" : " (plain TCP)"));
    } else if (event instanceof WireEvent.ConnectionClosed e) {
      out.add(head + "connection closed" + (e.reason() == null || e.reason().isEmpty() ? "" : ": " + clean(e.reason())));
    } else if (event instanceof WireEvent.TlsHandshake e) {
      out.add(head + "TLS handshake done: " + clean(e.protocolVersion()) + " " + clean(e.cipherSuite()) + " (provider " + e.provider() + ")");
      out.add(INDENT + "ALPN: " + alpn(e.alpnOffered()) + " -> " + (e.alpnSelected() == null ? "none" : clean(e.alpnSelected())));
      if (e.peerSubject() != null) {
        out.add(INDENT + "peer: " + clean(e.peerSubject()));
      }
      if (e.peerNotBefore() != null || e.peerNotAfter() != null) {
        out.add(INDENT + "valid: " + e.peerNotBefore() + " to " + e.peerNotAfter());
      }
    } else if (event instanceof WireEvent.TlsFailed e) {
      out.add(head + "TLS handshake failed (provider " + e.provider() + ", ALPN " + alpn(e.alpnOffered()) + "): " + clean(e.reason()));
    } else if (event instanceof WireEvent.Http1Request e) {
      out.add(head + "send HTTP/1.1 request");
      out.add(INDENT + clean(e.method()) + " " + clean(redaction.url(e.target())) + " HTTP/1.1");
      headers(e.headers(), out);
    } else if (event instanceof WireEvent.Http1Response e) {
      out.add(head + "recv HTTP/1.1 response");
      out.add(INDENT + "HTTP/1.1 " + e.status() + (e.reason() == null || e.reason().isEmpty() ? "" : " " + clean(e.reason())));
      headers(e.headers(), out);
    } else if (event instanceof WireEvent.Warning e) {
      out.add(head + "WARNING: " + clean(e.message()));
    } else if (event instanceof WireEvent.Fallback e) {
      out.add(head + "fallback from " + clean(e.from()) + " to " + clean(e.to()) + ": " + clean(e.reason()));
    } else if (event instanceof WireEvent.UploadStepDown e) {
      out.add(head + "step-down of " + clean(e.operation()) + " (" + clean(e.subject()) + ") from " + clean(e.from()) + " to "
          + clean(e.to()) + ": " + clean(e.reason()));
    } else if (event instanceof WireEvent.ChecksumUnconfirmed e) {
      out.add(head + "WARNING: the server did not confirm the " + clean(e.algorithm()) + " checksum of " + clean(e.operation())
          + " (" + clean(e.subject()) + "); integrity was checked by " + clean(e.checkedBy()));
    } else if (event instanceof WireEvent.Http2Preface e) {
      out.add(head + direction(e.direction()) + " connection preface (PRI * HTTP/2.0)");
    } else if (event instanceof WireEvent.QuicHandshake e) {
      out.add(head + "QUIC handshake done: " + clean(e.quicVersion()) + " " + clean(e.cipherSuite()));
      out.add(INDENT + "ALPN: " + alpn(e.alpnOffered()) + " -> " + (e.alpnSelected() == null ? "none" : clean(e.alpnSelected())));
      if (e.peerSubject() != null) {
        out.add(INDENT + "peer: " + clean(e.peerSubject()));
      }
    } else if (event instanceof WireEvent.Http3Frame f) {
      out.add(head + direction(f.direction()) + " HTTP/3 " + clean(f.type()) + " frame <length="
          + (f.length() < 0 ? "?" : Long.toString(f.length())) + ", stream_id=" + f.streamId() + ">");
      headers(f.headers(), out);
    } else if (event instanceof WireEvent.QuicFrame q) {
      out.add(head + direction(q.direction()) + " QUIC " + clean(q.type()) + (q.streamId() >= 0 ? " <stream_id=" + q.streamId() + ">" : ""));
      if (q.errorName() != null) {
        out.add(INDENT + "(error_code=" + clean(q.errorName()) + "(0x" + Long.toHexString(q.errorCode()) + ")"
            + (q.reason() == null || q.reason().isEmpty() ? "" : ", reason=" + clean(q.reason())) + ")");
      }
    }
  }

  private void frame(String head, WireEvent.Http2Frame f, List<String> out) {
    out.add(head + direction(f.direction()) + " " + FrameFacts.typeName(f) + " frame <length=" + (f.length() < 0 ? "?" : Integer.toString(f.length()))
        + ", flags=0x" + FrameFacts.hex2(FrameFacts.flags(f)) + ", stream_id=" + f.streamId() + ">");
    List<String> flagNames = FrameFacts.flagNames(f);
    if (!flagNames.isEmpty()) {
      out.add(INDENT + "; " + String.join(" | ", flagNames));
    }
    if (f instanceof WireEvent.DataFrame d) {
      if (d.padding() > 0) {
        out.add(INDENT + "(padlen=" + d.padding() + ")");
      }
    } else if (f instanceof WireEvent.HeadersFrame h) {
      headers(h.headers(), out);
    } else if (f instanceof WireEvent.PriorityFrame p) {
      out.add(INDENT + "(dep_stream_id=" + p.dependency() + ", weight=" + p.weight() + ", exclusive=" + (p.exclusive() ? 1 : 0) + ")");
    } else if (f instanceof WireEvent.RstStreamFrame r) {
      out.add(INDENT + "(error_code=" + FrameFacts.errorCode(r.errorCode()) + ")");
    } else if (f instanceof WireEvent.SettingsFrame s) {
      out.add(INDENT + "(niv=" + s.settings().size() + ")");
      for (Map.Entry<String, Long> e : s.settings().entrySet()) {
        int id = Http2SettingNames.idOf(e.getKey());
        out.add(INDENT + "[" + clean(e.getKey()) + (id >= 0 ? "(0x" + FrameFacts.hex2(id) + ")" : "") + ":" + e.getValue() + "]");
      }
    } else if (f instanceof WireEvent.PushPromiseFrame p) {
      out.add(INDENT + "(promised_stream_id=" + p.promisedStreamId() + ")");
      headers(p.headers(), out);
    } else if (f instanceof WireEvent.PingFrame p) {
      out.add(INDENT + "(opaque_data=" + FrameFacts.hex16(p.data()) + ")");
    } else if (f instanceof WireEvent.GoAwayFrame g) {
      String debug = g.debugData() == null ? "" : g.debugData();
      out.add(INDENT + "(last_stream_id=" + g.lastStreamId() + ", error_code=" + FrameFacts.errorCode(g.errorCode())
          + ", opaque_data(" + debug.length() + ")=[" + asciiDump(debug) + "])");
    } else if (f instanceof WireEvent.WindowUpdateFrame w) {
      out.add(INDENT + "(window_size_increment=" + w.increment() + ")");
    }
  }

  private void headers(List<WireEvent.Header> headers, List<String> out) {
    if (headers == null) {
      return;
    }
    for (WireEvent.Header h : headers) {
      out.add(INDENT + clean(h.name()) + ": " + clean(printable(redaction, h.name(), h.value())));
    }
  }

  /** A header value as it may be printed: secrets masked, {@code :path} with its secret query values masked. */
  static String printable(Redaction redaction, String name, String value) {
    if (value == null) {
      return "";
    }
    if (name.equals(":path")) {
      return redaction.url(value);
    }
    return redaction.headerValue(name, value);
  }

  /** {@code [  0.012]}: seconds with millisecond precision, like nghttp. */
  static String timestamp(long elapsedNanos) {
    long ms = Math.max(0, elapsedNanos) / 1_000_000;
    String s = Long.toString(ms / 1000);
    String frac = Long.toString(ms % 1000);
    StringBuilder sb = new StringBuilder(12).append('[');
    for (int i = s.length(); i < 3; i++) {
      sb.append(' ');
    }
    sb.append(s).append('.');
    for (int i = frac.length(); i < 3; i++) {
      sb.append('0');
    }
    return sb.append(frac).append(']').toString();
  }

  private static String direction(WireEvent.Direction d) {
    return d == WireEvent.Direction.SENT ? "send" : "recv";
  }

  private static String alpn(List<String> offered) {
    return offered == null || offered.isEmpty() ? "none" : clean(String.join(",", offered));
  }

  /** Escapes control characters as {@code \xNN} so one event is always its own lines. */
  static String clean(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append("\\x").append(String.format(Locale.ROOT, "%02x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** GOAWAY debug data as nghttp shows it: printable ASCII kept, anything else a dot. */
  private static String asciiDump(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '.');
    }
    return sb.toString();
  }
}
