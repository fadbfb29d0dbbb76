package io.s3wire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A scripted HTTP/2 peer over a plain socket (prior knowledge): sends exactly the frames a test
 * asks for, including ones a real client would refuse to send, and reads the server's frames.
 */
final class RawH2Client implements AutoCloseable {
  static final int DATA = 0;
  static final int HEADERS = 1;
  static final int RST_STREAM = 3;
  static final int SETTINGS = 4;
  static final int PING = 6;
  static final int GOAWAY = 7;
  static final int WINDOW_UPDATE = 8;
  static final int CONTINUATION = 9;

  record Frame(int type, int flags, int streamId, byte[] payload) {
    long errorCode() {
      int off = type == GOAWAY ? 4 : 0;
      return ((payload[off] & 0xffL) << 24) | ((payload[off + 1] & 0xff) << 16) | ((payload[off + 2] & 0xff) << 8)
          | (payload[off + 3] & 0xff);
    }

    int lastStreamId() {
      return ((payload[0] & 0x7f) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
    }

    boolean endStream() {
      return (flags & 1) != 0;
    }

    @Override
    public String toString() {
      return "Frame[type=" + type + ", flags=" + flags + ", stream=" + streamId + ", length=" + payload.length + "]";
    }
  }

  private Frame peerSettings;
  private final Socket socket;
  private final OutputStream out;
  private final DataInputStream in;
  private final DefaultHttp2HeadersEncoder encoder =
      new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, true);
  private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);

  RawH2Client(int port) throws IOException {
    this(port, 0);
  }

  /** {@code receiveBuffer} > 0 shrinks the socket's receive buffer, so a client that does not read fills up fast. */
  RawH2Client(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new DataInputStream(socket.getInputStream());
    out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    frame(SETTINGS, 0, 0, new byte[0]);
  }

  /** Writes raw bytes (many frames at once) without flushing per frame. */
  void raw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  static byte[] frameBytes(int type, int flags, int streamId, byte[] payload) {
    byte[] f = new byte[9 + payload.length];
    f[0] = (byte) (payload.length >>> 16);
    f[1] = (byte) (payload.length >>> 8);
    f[2] = (byte) payload.length;
    f[3] = (byte) type;
    f[4] = (byte) flags;
    f[5] = (byte) (streamId >>> 24);
    f[6] = (byte) (streamId >>> 16);
    f[7] = (byte) (streamId >>> 8);
    f[8] = (byte) streamId;
    System.arraycopy(payload, 0, f, 9, payload.length);
    return f;
  }

  synchronized void frame(int type, int flags, int streamId, byte[] payload) throws IOException {
    byte[] h = new byte[9];
    h[0] = (byte) (payload.length >>> 16);
    h[1] = (byte) (payload.length >>> 8);
    h[2] = (byte) payload.length;
    h[3] = (byte) type;
    h[4] = (byte) flags;
    h[5] = (byte) (streamId >>> 24);
    h[6] = (byte) (streamId >>> 16);
    h[7] = (byte) (streamId >>> 8);
    h[8] = (byte) streamId;
    out.write(h);
    out.write(payload);
    out.flush();
  }

  /** A request head for {@code method path} with extra header name/value pairs, not validated. */
  static Http2Headers request(String method, String path, String... extra) {
    Http2Headers h = new DefaultHttp2Headers(false).method(method).path(path).scheme("http").authority("127.0.0.1");
    for (int i = 0; i < extra.length; i += 2) {
      h.add(extra[i], extra[i + 1]);
    }
    return h;
  }

  byte[] encode(int streamId, Http2Headers headers) throws Exception {
    ByteBuf buf = Unpooled.buffer();
    try {
      encoder.encodeHeaders(streamId, headers, buf);
      byte[] b = new byte[buf.readableBytes()];
      buf.readBytes(b);
      return b;
    } finally {
      buf.release();
    }
  }

  void headers(int streamId, Http2Headers headers, boolean endStream) throws Exception {
    frame(HEADERS, 0x4 | (endStream ? 0x1 : 0), streamId, encode(streamId, headers));
  }

  void rst(int streamId, long code) throws IOException {
    frame(RST_STREAM, 0, streamId, new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code});
  }

  /** The last SETTINGS (not an ACK) {@link #read} answered; null before the first. */
  Frame peerSettings() {
    return peerSettings;
  }

  /** Reads the next frame, answering SETTINGS with an ACK; null when the connection ended. */
  Frame read() throws IOException {
    while (true) {
      byte[] h = new byte[9];
      try {
        in.readFully(h);
      } catch (EOFException | SocketTimeoutException e) {
        return null;
      } catch (IOException e) {
        return null;
      }
      int len = ((h[0] & 0xff) << 16) | ((h[1] & 0xff) << 8) | (h[2] & 0xff);
      byte[] p = new byte[len];
      in.readFully(p);
      Frame f = new Frame(h[3], h[4] & 0xff, ((h[5] & 0x7f) << 24) | ((h[6] & 0xff) << 16) | ((h[7] & 0xff) << 8)
          | (h[8] & 0xff), p);
      if (f.type == SETTINGS && (f.flags & 1) == 0) {
        peerSettings = f;
        try {
          frame(SETTINGS, 1, 0, new byte[0]);
        } catch (IOException e) {
          // The server may already have sent GOAWAY and reset the connection (it closes with our
          // bytes unread); what it sent before is still readable, so keep reading.
        }
        continue;
      }
      return f;
    }
  }

  /** Reads until a frame of {@code type} on {@code streamId} (any stream for GOAWAY), skipping others. */
  Frame await(int type, int streamId) throws IOException {
    Frame f;
    while ((f = read()) != null) {
      if (f.type == type && (type == GOAWAY || f.streamId == streamId)) {
        return f;
      }
    }
    return null;
  }

  /** Reads until the first frame on {@code streamId}. */
  Frame firstOn(int streamId) throws IOException {
    Frame f;
    while ((f = read()) != null) {
      if (f.streamId == streamId) {
        return f;
      }
    }
    return null;
  }

  Http2Headers decode(Frame headers) throws Exception {
    ByteBuf b = Unpooled.wrappedBuffer(headers.payload);
    try {
      return decoder.decodeHeaders(headers.streamId, b);
    } finally {
      b.release();
    }
  }

  /** Sends GET {@code path} on {@code streamId} and returns the response's :status. */
  String status(int streamId, String path) throws Exception {
    headers(streamId, request("GET", path), true);
    Frame f = await(HEADERS, streamId);
    if (f == null) {
      return "no response";
    }
    return decode(f).status().toString();
  }

  boolean isClosedByServer() throws IOException {
    return read() == null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    return b;
  }
}
