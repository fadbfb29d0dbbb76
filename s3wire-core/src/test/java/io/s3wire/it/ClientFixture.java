package io.s3wire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.S3Client;
import io.s3wire.S3ClientBuilder;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every client suite needs: the target server, one client for it isolated from the machine's AWS
 * configuration, and a fresh bucket per test so tests never see each other's objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class ClientFixture {
  protected static final AtomicInteger BUCKETS = new AtomicInteger();

  protected S3Client client;
  @TempDir protected Path temp;

  /** The server under test; called once, before any test. */
  protected abstract S3Target target();

  @BeforeAll
  void openClient() {
    client = newClient(target().secretKey());
  }

  @AfterAll
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  /** The provider profile the target runs with; its capabilities can be varied per test. */
  protected io.s3wire.provider.ProviderProfile profile() {
    return target().profile();
  }

  /** A client for the target, isolated from the machine's AWS configuration. */
  protected S3Client newClient(String secretKey) {
    return builder(secretKey).build();
  }

  protected S3ClientBuilder builder(String secretKey) {
    S3Target t = target();
    return t.configure(S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of("target", "no-aws-home")))
        .endpoint(t.endpoint())
        .region("us-east-1")
        .credentials(t.accessKey(), secretKey)
        .provider(t.profile()));
  }

  /** A fresh bucket with a unique, valid name. */
  protected String newBucket() {
    String name = "s3w-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    client.createBucket(name);
    return name;
  }

  protected static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(b));
  }

  protected static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).as("status of " + e.getMessage()).isEqualTo(status);
      assertThat(e.errorCode()).as("code of " + e.getMessage()).isEqualTo(code);
      assertThat(e.attempts()).as("attempts").isNotEmpty();
    });
  }
}
