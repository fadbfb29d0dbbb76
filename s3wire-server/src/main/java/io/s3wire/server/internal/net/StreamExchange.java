package io.s3wire.server.internal.net;

import io.netty.channel.Channel;
import io.netty.handler.codec.Headers;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.s3wire.server.ServerLimits;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an HTTP/2 stream and an HTTP/3 request stream share: a request head of lower-case fields
 * with pseudo-headers, {@code :authority} standing in for {@code host}, and a response head
 * without the connection-specific fields that both versions forbid.
 */
abstract class StreamExchange extends AbstractExchange {
  /** Fields HTTP/2 and HTTP/3 do not carry (RFC 9113 section 8.2.2, RFC 9114 section 4.2). */
  private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "transfer-encoding");

  private final Headers<CharSequence, CharSequence, ?> fields;
  private final String method;
  private final String uri;
  private final HttpHeaders headers;
  private final boolean sentHost;

  StreamExchange(Channel stream, WritabilityGate gate, ServerLimits limits, Headers<CharSequence, CharSequence, ?> fields,
      CharSequence method, CharSequence path, CharSequence authority) {
    super(stream, gate, limits);
    this.fields = fields;
    this.method = method == null ? "" : method.toString();
    this.uri = path == null ? "" : path.toString();
    this.headers = new DefaultHttpHeaders();
    boolean host = false;
    for (Map.Entry<CharSequence, CharSequence> h : fields) {
      String name = h.getKey().toString();
      if (name.startsWith(":")) {
        continue;
      }
      if (name.equals("host")) {
        host = true;
      }
      if (name.equals("cookie") && headers.contains("cookie")) {
        headers.set("cookie", headers.get("cookie") + "; " + h.getValue());
      } else {
        headers.add(name, h.getValue().toString());
      }
    }
    this.sentHost = host;
    if (!host && authority != null) {
      headers.set("host", authority.toString());
    }
  }

  /** Copies {@code headers} into {@code target} with lower-case names, leaving out connection-specific fields. */
  static <T extends Headers<CharSequence, CharSequence, ?>> T responseFields(HttpHeaders headers, T target) {
    for (Map.Entry<String, String> e : headers) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!CONNECTION_SPECIFIC.contains(name)) {
        target.add(name, e.getValue());
      }
    }
    return target;
  }

  /**
   * Whether the body is small enough, by its content-length, to read as it arrives rather than
   * when the worker asks; never for a client that waits for {@code 100 Continue}.
   */
  boolean readsAhead() {
    CharSequence length = fields.get("content-length");
    if (length == null || expectsContinue()) {
      return false;
    }
    try {
      long n = Long.parseLong(length.toString().trim());
      return n >= 0 && n <= READ_AHEAD_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  boolean expectsContinue() {
    CharSequence expect = fields.get("expect");
    return expect != null && expect.toString().equalsIgnoreCase("100-continue");
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public boolean sentHostHeader() {
    return sentHost;
  }
}
