package io.s3wire.wire.internal;

import io.s3wire.wire.WireEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What both trace formats say about an HTTP/2 frame beyond its record fields: the frame type's name
 * and the flags byte as it was on the wire, reconstructed from the decoded frame.
 *
 * <p>HEADERS always carries END_HEADERS: Netty's frame reader delivers a header block only once
 * its CONTINUATION frames are joined, and its writer emits one block per call.
 */
public final class FrameFacts {
  public static final int END_STREAM = 0x01;
  public static final int ACK = 0x01;
  public static final int END_HEADERS = 0x04;
  public static final int PADDED = 0x08;

  private FrameFacts() {}

  /** The RFC 9113 name of the frame type, e.g. {@code HEADERS}. */
  public static String typeName(WireEvent.Http2Frame f) {
    if (f instanceof WireEvent.DataFrame) {
      return "DATA";
    } else if (f instanceof WireEvent.HeadersFrame) {
      return "HEADERS";
    } else if (f instanceof WireEvent.PriorityFrame) {
      return "PRIORITY";
    } else if (f instanceof WireEvent.RstStreamFrame) {
      return "RST_STREAM";
    } else if (f instanceof WireEvent.SettingsFrame) {
      return "SETTINGS";
    } else if (f instanceof WireEvent.PushPromiseFrame) {
      return "PUSH_PROMISE";
    } else if (f instanceof WireEvent.PingFrame) {
      return "PING";
    } else if (f instanceof WireEvent.GoAwayFrame) {
      return "GOAWAY";
    } else if (f instanceof WireEvent.WindowUpdateFrame) {
      return "WINDOW_UPDATE";
    }
    WireEvent.UnknownFrame u = (WireEvent.UnknownFrame) f;
    return "UNKNOWN(0x" + hex2(u.type()) + ")";
  }

  /** The flags byte of the frame. */
  public static int flags(WireEvent.Http2Frame f) {
    if (f instanceof WireEvent.DataFrame d) {
      return (d.endStream() ? END_STREAM : 0) | (d.padding() > 0 ? PADDED : 0);
    } else if (f instanceof WireEvent.HeadersFrame h) {
      return (h.endStream() ? END_STREAM : 0) | END_HEADERS;
    } else if (f instanceof WireEvent.SettingsFrame s) {
      return s.ack() ? ACK : 0;
    } else if (f instanceof WireEvent.PingFrame p) {
      return p.ack() ? ACK : 0;
    } else if (f instanceof WireEvent.PushPromiseFrame) {
      return END_HEADERS;
    } else if (f instanceof WireEvent.UnknownFrame u) {
      return u.flags() & 0xff;
    }
    return 0;
  }

  /** The names of the set flags, in bit order, as nghttp prints them. */
  public static List<String> flagNames(WireEvent.Http2Frame f) {
    List<String> names = new ArrayList<>(2);
    if (f instanceof WireEvent.UnknownFrame) {
      return names;
    }
    int flags = flags(f);
    boolean ackType = f instanceof WireEvent.SettingsFrame || f instanceof WireEvent.PingFrame;
    if ((flags & 0x01) != 0) {
      names.add(ackType ? "ACK" : "END_STREAM");
    }
    if ((flags & END_HEADERS) != 0) {
      names.add("END_HEADERS");
    }
    if ((flags & PADDED) != 0) {
      names.add("PADDED");
    }
    return names;
  }

  /**
   * A socket address as people write it: {@code 127.0.0.1:443}, not {@link
   * java.net.InetSocketAddress#toString()}'s {@code /127.0.0.1:443} or {@code 127.0.0.1/127.0.0.1:443};
   * a host name that differs from the address stays: {@code localhost/127.0.0.1:443}.
   */
  public static String address(String a) {
    if (a == null) {
      return null;
    }
    int slash = a.indexOf('/');
    if (slash < 0) {
      return a;
    }
    String host = a.substring(0, slash);
    String rest = a.substring(slash + 1);
    return host.isEmpty() || rest.startsWith(host + ":") ? rest : a;
  }

  /** Two lower-case hex digits (at least). */
  public static String hex2(long v) {
    String h = Long.toHexString(v);
    return h.length() < 2 ? "0" + h : h;
  }

  /** Sixteen lower-case hex digits: PING's opaque data. */
  public static String hex16(long v) {
    String h = Long.toHexString(v);
    return "0000000000000000".substring(h.length()) + h;
  }

  /** {@code NAME(0x01)}: an error code as nghttp prints it. */
  public static String errorCode(long code) {
    return io.s3wire.error.Http2ErrorCode.nameOf(code).replaceFirst("\\(0x[0-9a-f]+\\)$", "") + "(0x" + hex2(code) + ")";
  }
}
