package io.s3wire.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3Server;
import io.s3wire.wire.WireEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP/2, cancelling a call (here a future derived from it) resets its stream with CANCEL and
 * nothing else: the connection stays, and the next call runs on it.
 */
@Timeout(30)
class Http2CancelTest {
  @TempDir Path temp;

  @Test
  void cancellingACallResetsOnlyItsStream() throws Exception {
    CompletableFuture<Integer> slowArrived = new CompletableFuture<>();
    try (S3Server server = S3Server.builder().credentials("AKIDH2CANCEL", "h2-cancel-secret")
        .observer(r -> {
          if (r.method().equals("GET") && r.path().equals("/h2cancel/slow")) {
            slowArrived.complete(r.streamId());
          }
        }).start()) {
      server.store().createBucket("h2cancel");
      List<WireEvent> events = new CopyOnWriteArrayList<>();
      CompletableFuture<WireEvent.RstStreamFrame> reset = new CompletableFuture<>();
      TransportConfig transport = TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_2).listener(e -> {
        events.add(e);
        if (e instanceof WireEvent.RstStreamFrame f) {
          reset.complete(f);
        }
      }).build();
      try (S3AsyncClient client = S3AsyncClient.builder()
          .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
          .endpoint(server.endpoint()).region("us-east-1").credentials(server.accessKey(), server.secretKey())
          .provider(ProviderProfiles.generic()).transportConfig(transport).buildAsync()) {
        byte[] body = "kept".getBytes(StandardCharsets.UTF_8);
        client.putObject(BucketKey.of("h2cancel", "slow"), body).get(10, TimeUnit.SECONDS);
        client.putObject(BucketKey.of("h2cancel", "next"), body).get(10, TimeUnit.SECONDS);
        // The GET's answer waits far longer than the test may run. The rule stays: the observer hears the
        // GET before the server matches it against the rules, so clearing them now could let it through.
        server.addFaultRule(FaultRule.when().method("GET").path("/h2cancel/slow").delay(Duration.ofMinutes(5)));

        CompletableFuture<Integer> size = client.getObjectBytes(BucketKey.of("h2cancel", "slow")).thenApply(r -> r.bytes().length);
        int stream = slowArrived.get(10, TimeUnit.SECONDS);
        assertThat(stream).as("the GET went as an HTTP/2 stream").isPositive();
        assertThat(size.cancel(false)).isTrue();

        WireEvent.RstStreamFrame f = reset.get(10, TimeUnit.SECONDS);
        assertThat(f.direction()).isEqualTo(WireEvent.Direction.SENT);
        assertThat(f.streamId()).isEqualTo(stream);
        assertThat(f.errorCode()).isEqualTo(Http2ErrorCode.CANCEL.code());
        assertThatThrownBy(size::join).isInstanceOf(CancellationException.class);

        assertThat(client.getObjectBytes(BucketKey.of("h2cancel", "next")).get(10, TimeUnit.SECONDS).bytes()).isEqualTo(body);
        assertThat(events).filteredOn(e -> e instanceof WireEvent.ConnectionOpened).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof WireEvent.ConnectionClosed).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof WireEvent.RstStreamFrame).hasSize(1);
      }
    }
  }
}
