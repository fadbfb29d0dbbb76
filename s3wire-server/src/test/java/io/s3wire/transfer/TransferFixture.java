package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3Server;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded server (memory store unless a test gives one) and s3wire clients for it over HTTP/1.1
 * or h2c; a fresh bucket per test. Retries are quick so fault tests stay fast.
 */
abstract class TransferFixture {
  static final int MIB = 1024 * 1024;
  static final AtomicInteger BUCKETS = new AtomicInteger();
  static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50), null);

  @TempDir Path temp;
  S3Server server;
  S3AsyncClient client;
  TransferManager manager;
  String bucket;

  /** Starts a server over {@code store} and a client speaking {@code policy}. */
  void start(ObjectStore store, HttpVersionPolicy policy, TransferConfig config) throws IOException {
    start(store, policy, config, ProviderProfiles.generic());
  }

  /** As above, speaking to the server as {@code profile} (which decides, among others, checksum headers). */
  void start(ObjectStore store, HttpVersionPolicy policy, TransferConfig config, io.s3wire.provider.ProviderProfile profile)
      throws IOException {
    start(store, TransportConfig.builder().versionPolicy(policy).build(), config, profile);
  }

  /** As above, with a transport configured beyond its HTTP version. */
  void start(ObjectStore store, TransportConfig transport, TransferConfig config, io.s3wire.provider.ProviderProfile profile)
      throws IOException {
    start(store, transport, config, profile, io.s3wire.wire.WireListener.NONE);
  }

  /** As above, the client's wire events to {@code listener}. */
  void start(ObjectStore store, TransportConfig transport, TransferConfig config, io.s3wire.provider.ProviderProfile profile,
      io.s3wire.wire.WireListener listener) throws IOException {
    server = S3Server.builder().store(store).credentials("AKIDTRANSFER", "transfer-secret-key").start();
    connect(transport, config, profile, listener);
  }

  /**
   * A memory-store server over TLS (ALPN h2 and http/1.1, its generated certificate trusted) and a
   * client speaking {@code policy} as {@code profile}, its wire events to {@code listener}.
   */
  void startTls(HttpVersionPolicy policy, TransferConfig config, io.s3wire.provider.ProviderProfile profile,
      io.s3wire.wire.WireListener listener) throws IOException {
    server = S3Server.builder().store(ObjectStore.memory()).credentials("AKIDTRANSFER", "transfer-secret-key").tls(true)
        .alpn(java.util.List.of("h2", "http/1.1")).start();
    Path ca = temp.resolve("server-ca.pem");
    server.writeCertificatePem(ca);
    connect(TransportConfig.builder().versionPolicy(policy).trustedCertificates(ca).build(), config, profile, listener);
  }

  private void connect(TransportConfig transport, TransferConfig config, io.s3wire.provider.ProviderProfile profile,
      io.s3wire.wire.WireListener listener) {
    client = S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(profile)
        .retryPolicy(QUICK)
        .transportConfig(transport)
        .listener(listener)
        .buildAsync();
    manager = TransferManager.create(client, config);
    bucket = "transfer-" + BUCKETS.incrementAndGet();
    client.createBucket(bucket).join();
  }

  void start(HttpVersionPolicy policy, TransferConfig config) throws IOException {
    start(ObjectStore.memory(), policy, config);
  }

  static TransferConfig fiveMiBParts() {
    return TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(5L * MIB).withPartRetry(QUICK);
  }

  @AfterEach
  void stop() {
    if (manager != null) {
      manager.close();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  BucketKey key(String name) {
    return BucketKey.of(bucket, name);
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  void assertNoUploadsLeft() {
    assertThat(client.listMultipartUploads(bucket, null).join()).isEmpty();
  }

  byte[] stored(String name) {
    return client.getObjectBytes(key(name)).join().bytes();
  }
}
