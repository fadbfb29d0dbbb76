package io.s3wire.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.BucketKey;
import io.s3wire.S3AsyncClient;
import io.s3wire.auth.Credentials;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What s3wire (and Netty through it) logs at every level: the attempts and retries with their
 * reasons, and never a secret key, a session token or a signature, on success and on failure.
 */
@Timeout(30)
class LogSecretsTest extends ObserveFixture {
  private static final String TOKEN = "SESSIONTOKEN-very-secret-0123456789abcdef";
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

  @Test
  void signedCallsLogTheirAttemptsAndRetriesButNoSecret() throws Exception {
    server.addFaultRule(FaultRule.when().method("PUT").path("/" + bucket + "/retried").firstN(1)
        .error(503, S3ErrorCode.SLOW_DOWN));
    List<String> lines = CapturingLogProvider.capture(() -> {
      try (S3AsyncClient withToken = builder().credentials(new Credentials(server.accessKey(), server.secretKey(), TOKEN))
              .buildAsync();
          S3AsyncClient wrongSecret = builder().credentials(server.accessKey(), "not-the-" + server.secretKey()).buildAsync()) {
        client.putObject(BucketKey.of(bucket, "retried"), new byte[] {1, 2, 3}).get(10, TimeUnit.SECONDS);
        client.getObjectBytes(BucketKey.of(bucket, "retried")).get(10, TimeUnit.SECONDS);
        // Whether the server accepts a session token does not matter: the call is signed with it.
        withToken.putObject(BucketKey.of(bucket, "token"), new byte[] {4}).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        wrongSecret.listBuckets().handle((v, e) -> null).get(10, TimeUnit.SECONDS);
      }
    });
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("PutObject s3://" + bucket + "/retried attempt 1").contains("503"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("PutObject s3://" + bucket + "/retried retry 1 after:")
        .contains("SlowDown"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("ListBuckets attempt 1").contains("403"));
    assertThat(io.netty.util.internal.logging.InternalLoggerFactory.getDefaultFactory())
        .as("Netty's log goes through SLF4J once a client was built")
        .isInstanceOf(io.netty.util.internal.logging.Slf4JLoggerFactory.class);
    for (String line : lines) {
      assertThat(line).doesNotContain(server.secretKey()).doesNotContain(TOKEN);
      assertThat(SIGNATURE.matcher(line).find()).as("a 64-hex signature or hash in: %s", line).isFalse();
    }
  }
}
