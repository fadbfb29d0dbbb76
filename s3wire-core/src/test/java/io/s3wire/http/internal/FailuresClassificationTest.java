package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslClosedEngineException;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Which I/O failures mean the peer ended the connection, however our side noticed it. */
class FailuresClassificationTest {
  private static TransportException.Kind kind(Throwable cause) {
    return Failures.io("sending the request failed", cause, RetrySafety.UNKNOWN).kind();
  }

  @Test
  void theWaysAPeersCloseReachUsAreAllConnectionClosed() {
    assertThat(kind(new ClosedChannelException())).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
    assertThat(kind(new SocketException("Connection reset"))).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
    assertThat(kind(new IOException("Broken pipe"))).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
    // A write after the server's close_notify closed the TLS engine (seen with BoringSSL, HTTP/1.1).
    assertThat(kind(new SslClosedEngineException("SSLEngine closed already")))
        .isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
    assertThat(kind(new IOException("wrapped", new SslClosedEngineException("SSLEngine closed already"))))
        .isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
  }

  @Test
  void otherFailuresStayIo() {
    assertThat(kind(new IOException("No space left on device"))).isEqualTo(TransportException.Kind.IO);
    assertThat(kind(new javax.net.ssl.SSLException("bad record MAC"))).isEqualTo(TransportException.Kind.IO);
  }
}
