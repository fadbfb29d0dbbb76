package io.s3wire.server.internal.net;

import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;

/**
 * The server's HTTP/2 connection state, with one correction to Netty's codec.
 *
 * <p>A client that has not yet read our GOAWAY may open a stream above its last-stream-id and send
 * DATA on it. RFC 9113 section 6.8 lets the sender of GOAWAY discard such frames, and Netty does,
 * but then finds that no such stream was ever created and calls the DATA a connection error
 * (PROTOCOL_ERROR "Stream N does not exist"): the connection dies with the streams the GOAWAY
 * promised to finish. Every graceful close under load hit it (a client uploading while the server
 * shut down, a fault rule closing a connection). Here a stream the client could have opened after
 * our GOAWAY counts as one that may have existed, so its frames are discarded and nothing else.
 */
final class GoAwayTolerantConnection extends DefaultHttp2Connection {
  private GoAwayTolerantConnection() {
    super(true);
  }

  /** {@return a frame codec builder for a server, over this connection} */
  static Http2FrameCodecBuilder codecBuilder() {
    return new Builder();
  }

  @Override
  public boolean streamMayHaveExisted(int streamId) {
    return super.streamMayHaveExisted(streamId) || openedAfterOurGoAway(streamId);
  }

  private boolean openedAfterOurGoAway(int streamId) {
    return goAwaySent() && remote().isValidStreamId(streamId) && streamId > remote().lastStreamKnownByPeer();
  }

  /** The builder's way to take a connection of our own is protected. */
  private static final class Builder extends Http2FrameCodecBuilder {
    Builder() {
      connection(new GoAwayTolerantConnection());
    }
  }
}
