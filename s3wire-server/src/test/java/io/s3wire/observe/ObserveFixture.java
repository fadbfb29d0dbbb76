package io.s3wire.observe;

import io.s3wire.S3AsyncClient;
import io.s3wire.S3ClientBuilder;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An embedded memory-store server, a fresh bucket, and builders of clients for it with quick retries. */
abstract class ObserveFixture {
  static final AtomicInteger BUCKETS = new AtomicInteger();
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), null);

  @TempDir Path temp;
  S3Server server;
  S3AsyncClient client;
  String bucket;

  @BeforeEach
  void startServer() throws IOException {
    server = S3Server.builder().store(ObjectStore.memory()).credentials("AKIDOBSERVE", "observe-secret-key-123").start();
    client = builder().buildAsync();
    bucket = "observe-" + BUCKETS.incrementAndGet();
    client.createBucket(bucket).join();
  }

  /** A builder for a client of the server, HTTP/1.1 over plain TCP, as the generic provider. */
  S3ClientBuilder builder() {
    return S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic())
        .retryPolicy(QUICK);
  }

  @AfterEach
  void stopServer() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
