package io.s3wire.wire;

import io.s3wire.http.TlsProvider;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One fact observed on the wire. Every event names its connection ({@code connectionId}, unique per
 * transport, e.g. {@code c3}) and when it happened ({@code nanoTime}, from {@link System#nanoTime()},
 * for relative timelines). Header values inside events are already redacted by the emitter.
 */
public sealed interface WireEvent {
  /**
   * When the event happened.
   *
   * @return a {@link System#nanoTime()} value: meaningful only relative to another
   */
  long nanoTime();

  /**
   * The connection the event belongs to.
   *
   * @return an identifier unique per transport, e.g. {@code c3}
   */
  String connectionId();

  /** Which way a frame or message travelled. */
  enum Direction {
    /** From this side to the peer. */
    SENT,
    /** From the peer to this side. */
    RECEIVED
  }

  /** One header field, redacted where sensitive. */
  record Header(String name, String value) {}

  /** A connection was established (after the TLS handshake, when {@code tls}). */
  record ConnectionOpened(long nanoTime, String connectionId, String remoteAddress, String localAddress, boolean tls)
      implements WireEvent {}

  /** A connection was closed, by either side; {@code reason} says why when known. */
  record ConnectionClosed(long nanoTime, String connectionId, String reason) implements WireEvent {}

  /**
   * A finished TLS handshake. {@code alpnOffered} empty means the ClientHello carried no ALPN
   * extension; {@code alpnSelected} is {@code null} when the server selected none.
   */
  record TlsHandshake(
      long nanoTime,
      String connectionId,
      TlsProvider provider,
      String protocolVersion,
      String cipherSuite,
      List<String> alpnOffered,
      String alpnSelected,
      String peerSubject,
      Instant peerNotBefore,
      Instant peerNotAfter)
      implements WireEvent {}

  /** A TLS handshake that failed, with the alert or reason. */
  record TlsFailed(long nanoTime, String connectionId, TlsProvider provider, List<String> alpnOffered, String reason)
      implements WireEvent {}

  /** An HTTP/1.1 request head as sent. */
  record Http1Request(long nanoTime, String connectionId, String method, String target, List<Header> headers)
      implements WireEvent {}

  /** An HTTP/1.1 response head as received. */
  record Http1Response(long nanoTime, String connectionId, int status, String reason, List<Header> headers)
      implements WireEvent {}

  /** A warning the user should see in the trace (e.g. certificate verification switched off). */
  record Warning(long nanoTime, String connectionId, String message) implements WireEvent {}

  /** The transport retried a request over another HTTP version (see the fallback rules). */
  record Fallback(long nanoTime, String connectionId, String from, String to, String reason) implements WireEvent {}

  /**
   * The client sent an upload again in a simpler encoding after the server refused the one it used
   * (for example an aws-chunked body with a trailing checksum, then the checksum in a header), and
   * will use the simpler one for this endpoint from now on. Emitted by the client, not the transport:
   * {@code connectionId} is {@code "-"}.
   *
   * @param operation the S3 operation ({@code UploadPart})
   * @param subject what was uploaded, e.g. {@code part 3 of bucket/key}
   * @param from the encoding the server refused
   * @param to the encoding used next
   * @param reason the evidence, in words
   */
  record UploadStepDown(long nanoTime, String connectionId, String operation, String subject, String from, String to,
      String reason) implements WireEvent {}

  /**
   * The server answered an upload sent with a flexible checksum without echoing it where S3 echoes it
   * ({@code x-amz-checksum-<algorithm>}): it may have ignored the checksum, so the checksum checked
   * nothing. {@code checkedBy} says what checked the bytes instead. Emitted by the client: {@code
   * connectionId} is {@code "-"}.
   */
  record ChecksumUnconfirmed(long nanoTime, String connectionId, String operation, String subject, String algorithm,
      String checkedBy) implements WireEvent {}

  /** An HTTP/2 frame, sent or received, decoded by the frame reader/writer decorators. */
  sealed interface Http2Frame extends WireEvent {
    /**
     * Which way the frame travelled.
     *
     * @return sent or received
     */
    Direction direction();

    /**
     * The stream the frame belongs to.
     *
     * @return the stream identifier; 0 for connection-level frames
     */
    int streamId();

    /**
     * The frame's payload length.
     *
     * @return bytes (for HEADERS: the decoded header block is not its length)
     */
    int length();
  }

  /** The client connection preface ({@code PRI * HTTP/2.0...}), sent before any frame. */
  record Http2Preface(long nanoTime, String connectionId, Direction direction) implements WireEvent {}

  /** DATA: {@code length} payload bytes, {@code padding} of them padding. */
  record DataFrame(long nanoTime, String connectionId, Direction direction, int streamId, int length, int padding, boolean endStream)
      implements Http2Frame {}

  /** HEADERS (with its CONTINUATIONs): the decoded fields in wire order, values redacted. */
  record HeadersFrame(
      long nanoTime,
      String connectionId,
      Direction direction,
      int streamId,
      int length,
      boolean endStream,
      List<Header> headers)
      implements Http2Frame {}

  /** PRIORITY: the stream's dependency and weight (deprecated by RFC 9113, still decoded). */
  record PriorityFrame(long nanoTime, String connectionId, Direction direction, int streamId, int dependency, int weight, boolean exclusive)
      implements Http2Frame {
    @Override
    public int length() {
      return 5;
    }
  }

  /** RST_STREAM: the stream was reset with {@code errorCode}. */
  record RstStreamFrame(long nanoTime, String connectionId, Direction direction, int streamId, long errorCode)
      implements Http2Frame {
    @Override
    public int length() {
      return 4;
    }

    /**
     * The error code's name, as traces print it.
     *
     * @return e.g. {@code NO_ERROR} or {@code PROTOCOL_ERROR}; {@code UNKNOWN(0x..)} for codes RFC 9113 does not define
     */
    public String errorName() {
      return io.s3wire.error.Http2ErrorCode.nameOf(errorCode);
    }
  }

  /** SETTINGS; {@code settings} maps names such as {@code SETTINGS_MAX_CONCURRENT_STREAMS} to values, in frame order. */
  record SettingsFrame(long nanoTime, String connectionId, Direction direction, boolean ack, Map<String, Long> settings)
      implements Http2Frame {
    @Override
    public int streamId() {
      return 0;
    }

    @Override
    public int length() {
      return ack ? 0 : settings.size() * 6;
    }
  }

  /** PUSH_PROMISE: the peer announced a pushed stream (the client disables push in its SETTINGS). */
  record PushPromiseFrame(long nanoTime, String connectionId, Direction direction, int streamId, int promisedStreamId, List<Header> headers)
      implements Http2Frame {
    @Override
    public int length() {
      return 0;
    }
  }

  /** PING, or its acknowledgement when {@code ack}; {@code data} is the 8-byte opaque payload. */
  record PingFrame(long nanoTime, String connectionId, Direction direction, boolean ack, long data) implements Http2Frame {
    @Override
    public int streamId() {
      return 0;
    }

    @Override
    public int length() {
      return 8;
    }
  }

  /** GOAWAY: streams above {@code lastStreamId} were not processed; {@code debugData} as text. */
  record GoAwayFrame(long nanoTime, String connectionId, Direction direction, int lastStreamId, long errorCode, String debugData)
      implements Http2Frame {
    @Override
    public int streamId() {
      return 0;
    }

    @Override
    public int length() {
      return 8 + debugData.length();
    }

    /**
     * The error code's name, as traces print it.
     *
     * @return e.g. {@code NO_ERROR} or {@code PROTOCOL_ERROR}; {@code UNKNOWN(0x..)} for codes RFC 9113 does not define
     */
    public String errorName() {
      return io.s3wire.error.Http2ErrorCode.nameOf(errorCode);
    }
  }

  /** WINDOW_UPDATE: flow-control credit for the stream, or the connection when the stream is 0. */
  record WindowUpdateFrame(long nanoTime, String connectionId, Direction direction, int streamId, int increment)
      implements Http2Frame {
    @Override
    public int length() {
      return 4;
    }
  }

  /** A frame of a type this decoder does not know, kept by type, flags and length. */
  record UnknownFrame(long nanoTime, String connectionId, Direction direction, int streamId, int type, int flags, int length)
      implements Http2Frame {}

  /**
   * The QUIC handshake of an HTTP/3 connection completed (TLS 1.3 inside QUIC, always BoringSSL).
   *
   * @param quicVersion e.g. {@code QUIC v1}
   * @param peerSubject the subject of the server's certificate, or {@code null}
   */
  record QuicHandshake(long nanoTime, String connectionId, String quicVersion, String cipherSuite, List<String> alpnOffered,
      String alpnSelected, String peerSubject) implements WireEvent {}

  /**
   * An HTTP/3 frame on a request stream: {@code HEADERS} with the decoded fields in order, values
   * redacted, and as length the size of its QPACK-encoded field section (-1 when it was not seen);
   * {@code DATA} with its payload length and no headers.
   */
  record Http3Frame(long nanoTime, String connectionId, Direction direction, long streamId, String type, long length,
      List<Header> headers) implements WireEvent {}

  /**
   * A QUIC event of an HTTP/3 connection: {@code STREAM_OPENED}, {@code FIN} (one direction of a
   * stream ended), {@code RESET_STREAM} and {@code STOP_SENDING} with their HTTP/3 code (a STOP_SENDING
   * received has none: Netty's QUIC codec does not pass it on), or {@code
   * CONNECTION_CLOSE} (stream -1) with its code, which is an HTTP/3 code when {@code application}
   * and a QUIC transport code otherwise.
   *
   * @param errorName the code's name, e.g. {@code H3_REQUEST_REJECTED}; {@code null} when the event has no code
   * @param reason CONNECTION_CLOSE's reason phrase, or {@code null}
   */
  record QuicFrame(long nanoTime, String connectionId, Direction direction, long streamId, String type, long errorCode,
      String errorName, boolean application, String reason) implements WireEvent {}
}
