package io.s3wire.server.internal.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.Headers;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.s3wire.server.ServerLimits;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an HTTP/2 stream and an HTTP/3 request stream share: a request head of lower-case fields
 * with pseudo-headers, {@code :authority} standing in for {@code host}, and a response head
 * without the connection-specific fields that both versions forbid, written as a HEADERS frame and
 * DATA frames.
 *
 * @param <H> the version's header type
 */
abstract class StreamExchange<H extends Headers<CharSequence, CharSequence, H>> extends AbstractExchange {
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
    return !expectsContinue() && smallBody();
  }

  @Override
  boolean smallBody() {
    CharSequence length = fields.get("content-length");
    if (length == null) {
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

  /** The connection: the TCP channel of an HTTP/2 stream, the QUIC connection of an HTTP/3 one. */
  @Override
  public Channel connection() {
    return channel.parent();
  }

  @Override
  public void closeConnection() {
    claim();
    finish();
    channel.parent().close();
  }

  @Override
  void finish() {
    super.finish();
    // Frames still queued in the stream channel are delivered (and released) instead of waiting there.
    channel.eventLoop().execute(() -> {
      if (channel.isActive()) {
        channel.config().setAutoRead(true);
      }
    });
  }

  /** The stream ended before its exchange did (reset by the client, or closed): the body fails. */
  void streamClosed(String why) {
    body.fail(new IOException(why));
    finish();
  }

  /** A response head with {@code :status} set, for this version. */
  abstract H newHead(HttpResponseStatus status);

  /** The HEADERS frame of {@code head}; {@code last} when no body follows. */
  abstract Object headFrame(H head, boolean last);

  /** A DATA frame (ownership of {@code data} passes); {@code last} ends the response. */
  abstract Object dataFrame(ByteBuf data, boolean last);

  /** Writes and flushes {@code frame}; when {@code last}, the future completes once the response has ended. */
  abstract ChannelFuture send(Object frame, boolean last);

  private H responseHead(HttpResponseStatus status, HttpHeaders headers) {
    return responseFields(headers, newHead(status));
  }

  @Override
  public void respond(HttpResponseStatus status, HttpHeaders headers, ByteBuf content) {
    ByteBuf b = content == null ? Unpooled.EMPTY_BUFFER : content;
    if (!claim()) {
      b.release();
      return;
    }
    H h = responseHead(status, headers);
    if (!h.contains("content-length")) {
      h.setInt("content-length", b.readableBytes());
    }
    if (!b.isReadable()) {
      b.release();
      onResponseWritten(send(headFrame(h, true), true));
    } else {
      channel.write(headFrame(h, false));
      onResponseWritten(send(dataFrame(b, true), true));
    }
  }

  @Override
  ChannelFuture writeHead(HttpResponseStatus status, HttpHeaders headers, boolean endOfResponse) {
    return send(headFrame(responseHead(status, headers), endOfResponse), endOfResponse);
  }

  @Override
  ChannelFuture writeChunk(ByteBuf chunk, boolean last) {
    return send(dataFrame(chunk, last), last);
  }
}
