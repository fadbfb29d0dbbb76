package io.s3wire.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.s3wire.BucketKey;
import io.s3wire.S3Client;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.FaultRule;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Calls against the embedded server show up as Micrometer timers and counters. */
@Timeout(30)
class MicrometerCallListenerTest {
  @TempDir Path temp;
  private S3Server server;
  private S3Client client;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() throws Exception {
    server = S3Server.builder().store(ObjectStore.memory()).credentials("AKIDMETRICS", "metrics-secret-key").start();
    client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null))
        .callListener(MicrometerCallListener.create(registry, List.of(Tag.of("endpoint", "embedded"))))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void callsRetriesAndBytesAreRecordedPerOperationAndOutcome() {
    client.createBucket("metrics");
    server.addFaultRule(FaultRule.when().method("PUT").path("/metrics/k").firstN(1).error(503, S3ErrorCode.SLOW_DOWN));
    client.putObject(BucketKey.of("metrics", "k"), new byte[1000]);
    client.getObjectBytes(BucketKey.of("metrics", "k"));
    try {
      client.headObject(BucketKey.of("metrics", "missing"));
    } catch (ServiceException expected) {
      // Recorded as a CLIENT_ERROR below.
    }

    assertThat(registry.get(MicrometerCallListener.CALLS).tags("operation", "PutObject", "outcome", "SUCCESS",
        "endpoint", "embedded").timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerCallListener.CALLS).tags("operation", "GetObject", "outcome", "SUCCESS")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerCallListener.CALLS).tags("operation", "HeadObject", "outcome", "CLIENT_ERROR")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerCallListener.RETRIES).tags("operation", "PutObject").counter().count())
        .isEqualTo(1.0);
    // Both attempts of the PUT sent the body.
    assertThat(registry.get(MicrometerCallListener.BYTES_SENT).tags("operation", "PutObject").counter().count())
        .isEqualTo(2000.0);
    assertThat(registry.get(MicrometerCallListener.BYTES_RECEIVED).tags("operation", "GetObject").counter().count())
        .isEqualTo(1000.0);
    assertThat(registry.find(MicrometerCallListener.FALLBACKS).counters()).isEmpty();
  }
}
