package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.RetrySafety;
import io.s3wire.error.S3Exception;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.testing.LeakCheck;
import io.s3wire.testing.ScriptedHttp1Peer;
import io.s3wire.testing.ScriptedHttp2Peer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries against a hostile server, counted from the server's side: a failure that proves the
 * request unprocessed is retried for any request, one that may have been processed only for an
 * idempotent request with a replayable body, and never past the policy's attempts.
 */
@Tag("hostile")
@Timeout(30)
@ExtendWith(LeakCheck.class)
class HostileRetryTest {
  private static final BucketKey OBJECT = BucketKey.of("bucket", "key");
  @TempDir Path temp;

  private S3Client client(URI endpoint, HttpVersionPolicy policy) {
    return S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("home")))
        .endpoint(endpoint.toString().replaceAll("/$", ""))
        .region("eu-central-1")
        .credentials("AKIDHOSTILE", "hostile-secret")
        .provider(ProviderProfiles.generic())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null))
        .transportConfig(b -> b.versionPolicy(policy).idleReadTimeout(Duration.ofMillis(500)).callTimeout(Duration.ofSeconds(5)))
        .build();
  }

  private static S3Exception failure(Runnable call) {
    Throwable t = catchThrowable(call::run);
    assertThat(t).isInstanceOf(S3Exception.class);
    S3Exception e = (S3Exception) t;
    assertThat(e.explain()).doesNotContain("hostile-secret");
    return e;
  }

  @Test
  void goAwayChurnIsRetriedUpToThePolicyOnFreshConnections() throws Exception {
    try (ScriptedHttp2Peer peer = new ScriptedHttp2Peer(new io.netty.handler.codec.http2.Http2Settings(), (c, id, h, end) -> {
          // Every connection refuses its first stream at once: last-stream-id 0, nothing processed.
          c.goAway(0, Http2ErrorCode.NO_ERROR.code(), "churn");
          c.close();
        });
        S3Client s3 = client(peer.uri("/"), HttpVersionPolicy.HTTP_2)) {
      S3Exception e = failure(() -> s3.putObject(OBJECT, new byte[10]));
      assertThat(e).isInstanceOf(StreamResetException.class);
      assertThat(e.retrySafety()).isEqualTo(RetrySafety.UNPROCESSED);
      assertThat(e.attempts()).hasSize(3);
      assertThat(peer.connections()).isEqualTo(3);
      assertThat(e.explain()).contains("GOAWAY(NO_ERROR, last-stream-id 0)");
    }
  }

  @Test
  void closeBeforeTheResponseIsRetriedForAGetButNotForAOneShotPut() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> c.close());
        S3Client s3 = client(peer.uri("/"), HttpVersionPolicy.HTTP_1_1)) {
      S3Exception get = failure(() -> s3.getObjectBytes(OBJECT));
      assertThat(get).isInstanceOf(TransportException.class);
      assertThat(((TransportException) get).kind()).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
      assertThat(get.attempts()).hasSize(3);
      assertThat(peer.requests()).isEqualTo(3);

      S3Exception put = failure(() -> s3.putObject(OBJECT, RequestBody.ofStream(new ByteArrayInputStream(new byte[10]), 10),
          ObjectMetadata.NONE));
      assertThat(put).isInstanceOf(TransportException.class);
      assertThat(put.attempts()).hasSize(1);
      assertThat(peer.requests()).isEqualTo(4);
    }
  }

  @Test
  void bodyCutAfterTheHeadersIsNotRetriedUnderTheReader() throws Exception {
    try (ScriptedHttp1Peer peer = new ScriptedHttp1Peer((c, line) -> {
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          c.body(10);
          c.close();
        });
        S3Client s3 = client(peer.uri("/"), HttpVersionPolicy.HTTP_1_1)) {
      Throwable t = catchThrowable(() -> {
        try (ObjectStream in = s3.getObjectStream(GetObjectRequest.of(OBJECT))) {
          in.readAllBytes();
        }
      });
      assertThat(t).isInstanceOf(java.io.IOException.class).hasCauseInstanceOf(TransportException.class);
      assertThat(((TransportException) t.getCause()).kind()).isEqualTo(TransportException.Kind.CONNECTION_CLOSED);
      assertThat(peer.requests()).isEqualTo(1);
    }
  }
}
