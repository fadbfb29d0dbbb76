package io.s3wire.wire;

import io.s3wire.wire.internal.FrameFacts;
import io.s3wire.wire.internal.JsonLine;
import java.util.List;
import java.util.Map;

/**
 * The machine trace format: JSON Lines, one object per event, the same facts as {@link TextTrace}.
 *
 * <p>Field names are stable. Every object has {@code t_ms} (milliseconds since the start of the
 * trace, three decimals), {@code conn} (connection id) and {@code event}, one of:
 *
 * <ul>
 *   <li>{@code connection_opened}: {@code remote}, {@code local}, {@code tls} (boolean)
 *   <li>{@code connection_closed}: {@code reason}
 *   <li>{@code tls_handshake}: {@code provider} ({@code JDK}|{@code OPENSSL}), {@code version},
 *       {@code cipher}, {@code alpn_offered} (array; empty = no ALPN extension), {@code
 *       alpn_selected} (string or null), {@code peer_subject}, {@code peer_not_before}, {@code
 *       peer_not_after} (ISO-8601 instants or null)
 *   <li>{@code tls_failed}: {@code provider}, {@code alpn_offered}, {@code reason}
 *   <li>{@code http1_request}: {@code dir} ({@code send}), {@code method}, {@code target}, {@code
 *       headers}
 *   <li>{@code http1_response}: {@code dir} ({@code recv}), {@code status}, {@code reason}, {@code
 *       headers}
 *   <li>{@code warning}: {@code message}
 *   <li>{@code fallback}: {@code from}, {@code to}, {@code reason}
 *   <li>{@code step_down}: {@code operation}, {@code subject}, {@code from}, {@code to}, {@code reason}
 *   <li>{@code checksum_unconfirmed}: {@code operation}, {@code subject}, {@code algorithm}, {@code checked_by}
 *   <li>{@code preface}: {@code dir}
 *   <li>{@code frame}: {@code dir} ({@code send}|{@code recv}), {@code type} ({@code DATA}, {@code
 *       HEADERS}, ... or {@code UNKNOWN(0x..)}), {@code stream_id}, {@code length} (null when the
 *       emitter could not know it, e.g. HEADERS from the codec's decoded block), {@code flags}
 *       (the flags byte), {@code flag_names} (array), then by type: DATA {@code end_stream},
 *       {@code padding}; HEADERS {@code end_stream}, {@code headers}; PRIORITY {@code
 *       dep_stream_id}, {@code weight}, {@code exclusive}; RST_STREAM {@code error_code} (number),
 *       {@code error_name}; SETTINGS {@code ack}, {@code settings} (array of {@code {id, name,
 *       value}}, id -1 when unknown); PUSH_PROMISE {@code promised_stream_id}, {@code headers};
 *       PING {@code ack}, {@code opaque_data} (16 hex digits); GOAWAY {@code last_stream_id},
 *       {@code error_code}, {@code error_name}, {@code debug_data}; WINDOW_UPDATE {@code
 *       window_size_increment}; unknown types {@code frame_type}.
 * </ul>
 *
 * <p>{@code headers} is an array of {@code {"name":..,"value":..}} objects in wire order, values
 * redacted. Stateless and thread-safe.
 */
public final class JsonTrace {
  private final Redaction redaction;

  /**
   * A formatter that masks what {@code redaction} says is secret.
   *
   * @param redaction applied to request targets and, a second time, to header values
   */
  public JsonTrace(Redaction redaction) {
    this.redaction = redaction;
  }

  /**
   * A formatter with the default redaction.
   *
   * @return a formatter using {@link Redaction#DEFAULT}
   */
  public static JsonTrace standard() {
    return new JsonTrace(Redaction.DEFAULT);
  }

  /**
   * One JSON object for an event.
   *
   * @param event the event to render
   * @param baseNanos the {@link System#nanoTime()} value that {@code t_ms} counts from
   * @return the object, without a line terminator
   */
  public String line(WireEvent event, long baseNanos) {
    JsonLine j = new JsonLine().decimal("t_ms", millis(event.nanoTime() - baseNanos)).string("conn", event.connectionId());
    if (event instanceof WireEvent.Http2Frame f) {
      frame(j, f);
    } else if (event instanceof WireEvent.ConnectionOpened e) {
      j.string("event", "connection_opened").string("remote", FrameFacts.address(e.remoteAddress()))
          .string("local", FrameFacts.address(e.localAddress())).bool("tls", e.tls());
    } else if (event instanceof WireEvent.ConnectionClosed e) {
      j.string("event", "connection_closed").string("reason", e.reason());
    } else if (event instanceof WireEvent.TlsHandshake e) {
      j.string("event", "tls_handshake").string("provider", String.valueOf(e.provider()))
          .string("version", e.protocolVersion()).string("cipher", e.cipherSuite())
          .strings("alpn_offered", e.alpnOffered() == null ? List.of() : e.alpnOffered())
          .string("alpn_selected", e.alpnSelected()).string("peer_subject", e.peerSubject())
          .string("peer_not_before", e.peerNotBefore() == null ? null : e.peerNotBefore().toString())
          .string("peer_not_after", e.peerNotAfter() == null ? null : e.peerNotAfter().toString());
    } else if (event instanceof WireEvent.TlsFailed e) {
      j.string("event", "tls_failed").string("provider", String.valueOf(e.provider()))
          .strings("alpn_offered", e.alpnOffered() == null ? List.of() : e.alpnOffered()).string("reason", e.reason());
    } else if (event instanceof WireEvent.Http1Request e) {
      j.string("event", "http1_request").string("dir", "send").string("method", e.method())
          .string("target", e.target() == null ? null : redaction.url(e.target())).raw("headers", headers(e.headers()));
    } else if (event instanceof WireEvent.Http1Response e) {
      j.string("event", "http1_response").string("dir", "recv").number("status", e.status()).string("reason", e.reason())
          .raw("headers", headers(e.headers()));
    } else if (event instanceof WireEvent.Warning e) {
      j.string("event", "warning").string("message", e.message());
    } else if (event instanceof WireEvent.Fallback e) {
      j.string("event", "fallback").string("from", e.from()).string("to", e.to()).string("reason", e.reason());
    } else if (event instanceof WireEvent.UploadStepDown e) {
      j.string("event", "step_down").string("operation", e.operation()).string("subject", e.subject())
          .string("from", e.from()).string("to", e.to()).string("reason", e.reason());
    } else if (event instanceof WireEvent.ChecksumUnconfirmed e) {
      j.string("event", "checksum_unconfirmed").string("operation", e.operation()).string("subject", e.subject())
          .string("algorithm", e.algorithm()).string("checked_by", e.checkedBy());
    } else if (event instanceof WireEvent.Http2Preface e) {
      j.string("event", "preface").string("dir", dir(e.direction()));
    } else if (event instanceof WireEvent.QuicHandshake e) {
      j.string("event", "quic_handshake").string("version", e.quicVersion()).string("cipher", e.cipherSuite())
          .strings("alpn_offered", e.alpnOffered() == null ? List.of() : e.alpnOffered())
          .string("alpn_selected", e.alpnSelected()).string("peer_subject", e.peerSubject());
    } else if (event instanceof WireEvent.Http3Frame f) {
      j.string("event", "h3_frame").string("dir", dir(f.direction())).string("type", f.type()).number("stream_id", f.streamId())
          .raw("length", f.length() < 0 ? "null" : Long.toString(f.length()));
      if (f.headers() != null) {
        j.raw("headers", headers(f.headers()));
      }
    } else if (event instanceof WireEvent.QuicFrame q) {
      j.string("event", "quic").string("dir", dir(q.direction())).string("type", q.type()).number("stream_id", q.streamId())
          .string("error_name", q.errorName()).raw("error_code", q.errorName() == null ? "null" : Long.toString(q.errorCode()))
          .bool("application", q.application()).string("reason", q.reason());
    }
    return j.build();
  }

  private void frame(JsonLine j, WireEvent.Http2Frame f) {
    j.string("event", "frame").string("dir", dir(f.direction())).string("type", FrameFacts.typeName(f))
        .number("stream_id", f.streamId()).raw("length", f.length() < 0 ? "null" : Integer.toString(f.length())).number("flags", FrameFacts.flags(f))
        .strings("flag_names", FrameFacts.flagNames(f));
    if (f instanceof WireEvent.DataFrame d) {
      j.bool("end_stream", d.endStream()).number("padding", d.padding());
    } else if (f instanceof WireEvent.HeadersFrame h) {
      j.bool("end_stream", h.endStream()).raw("headers", headers(h.headers()));
    } else if (f instanceof WireEvent.PriorityFrame p) {
      j.number("dep_stream_id", p.dependency()).number("weight", p.weight()).bool("exclusive", p.exclusive());
    } else if (f instanceof WireEvent.RstStreamFrame r) {
      j.number("error_code", r.errorCode()).string("error_name", r.errorName());
    } else if (f instanceof WireEvent.SettingsFrame s) {
      StringBuilder arr = new StringBuilder("[");
      for (Map.Entry<String, Long> e : s.settings().entrySet()) {
        if (arr.length() > 1) {
          arr.append(',');
        }
        arr.append("{\"id\":").append(Http2SettingNames.idOf(e.getKey())).append(",\"name\":");
        JsonLine.quote(arr, e.getKey());
        arr.append(",\"value\":").append(e.getValue()).append('}');
      }
      j.bool("ack", s.ack()).raw("settings", arr.append(']'));
    } else if (f instanceof WireEvent.PushPromiseFrame p) {
      j.number("promised_stream_id", p.promisedStreamId()).raw("headers", headers(p.headers()));
    } else if (f instanceof WireEvent.PingFrame p) {
      j.bool("ack", p.ack()).string("opaque_data", FrameFacts.hex16(p.data()));
    } else if (f instanceof WireEvent.GoAwayFrame g) {
      j.number("last_stream_id", g.lastStreamId()).number("error_code", g.errorCode()).string("error_name", g.errorName())
          .string("debug_data", g.debugData() == null ? "" : g.debugData());
    } else if (f instanceof WireEvent.WindowUpdateFrame w) {
      j.number("window_size_increment", w.increment());
    } else if (f instanceof WireEvent.UnknownFrame u) {
      j.number("frame_type", u.type());
    }
  }

  private StringBuilder headers(List<WireEvent.Header> headers) {
    StringBuilder arr = new StringBuilder("[");
    if (headers != null) {
      for (WireEvent.Header h : headers) {
        if (arr.length() > 1) {
          arr.append(',');
        }
        arr.append("{\"name\":");
        JsonLine.quote(arr, h.name());
        arr.append(",\"value\":");
        JsonLine.quote(arr, TextTrace.printable(redaction, h.name(), h.value()));
        arr.append('}');
      }
    }
    return arr.append(']');
  }

  private static String dir(WireEvent.Direction d) {
    return d == WireEvent.Direction.SENT ? "send" : "recv";
  }

  /** Milliseconds with three decimals, e.g. {@code 12.345}. */
  static String millis(long elapsedNanos) {
    long us = Math.max(0, elapsedNanos) / 1000;
    String frac = Long.toString(us % 1000);
    return (us / 1000) + "." + "000".substring(frac.length()) + frac;
  }
}
