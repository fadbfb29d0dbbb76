package io.s3wire.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicTransportError;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.TransportException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A request stream that cannot be opened on an established QUIC connection: unprocessed and
 * retryable, as HTTP/2's REFUSED_STREAM, and never reported as a failure to connect.
 */
class Http3StreamOpenFailureTest {
  private static final Origin ORIGIN = new Origin(true, "s3.example", 443);

  @Test
  void streamLimitSaysTheCreditWasUsedUp() {
    TransportException e = Http3Failures.streamNotOpened(
        new QuicException("QUICHE_ERR_STREAM_LIMIT", QuicTransportError.STREAM_LIMIT_ERROR), ORIGIN, true);
    assertThat(e.getMessage()).isEqualTo("HTTP/3: no request stream could be opened on the QUIC connection to s3.example:443;"
        + " the request was not sent (STREAM_LIMIT_ERROR: the server's stream credit was used up)");
    assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
    assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aConnectionGoneMeanwhileIsConnectionClosed() {
    TransportException e = Http3Failures.streamNotOpened(new CompletionException(new java.nio.channels.ClosedChannelException()), ORIGIN, false);
    assertThat(e.getMessage()).isEqualTo("HTTP/3: the connection closed before a request stream could be opened on the QUIC"
        + " connection to s3.example:443; the request was not sent");
    assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
    assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void anythingElseNamesTheCauseAndIsStillNotAConnectFailure() {
    TransportException e = Http3Failures.streamNotOpened(
        new QuicException("QUICHE_ERR_FLOW_CONTROL", QuicTransportError.FLOW_CONTROL_ERROR), ORIGIN, true);
    assertThat(e.getMessage()).startsWith("HTTP/3: no request stream could be opened on the QUIC connection to s3.example:443")
        .contains("QUICHE_ERR_FLOW_CONTROL").doesNotContain("cannot connect");
    assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
  }
}
