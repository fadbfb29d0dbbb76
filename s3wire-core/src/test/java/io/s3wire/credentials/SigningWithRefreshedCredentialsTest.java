package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.S3Client;
import io.s3wire.auth.Credentials;
import io.s3wire.auth.SigV4Verifier;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpHeaders;
import io.s3wire.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose temporary credentials expire signs its next request with the refreshed ones: a
 * stand-in verifies every signature with core's SigV4 verifier against both key pairs.
 */
class SigningWithRefreshedCredentialsTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Map<String, String> SECRETS = Map.of("AKID1", "secret-1", "AKID2", "secret-2");

  @TempDir
  Path home;

  @Test
  void theRequestAfterExpirySignsWithTheRefreshedKeys() throws IOException {
    MutableClock clock = new MutableClock(T0);
    List<String> verified = new CopyOnWriteArrayList<>();
    List<String> tokens = new CopyOnWriteArrayList<>();
    try (StandIn s3 = new StandIn(r -> {
      HttpHeaders.Builder h = HttpHeaders.builder();
      r.headers().forEach((name, values) -> values.forEach(v -> h.add(name.toLowerCase(java.util.Locale.ROOT), v)));
      HttpHeaders headers = h.build();
      SigV4Verifier.Result result = SigV4Verifier.verify(r.method(), r.path(), r.query(), headers,
          id -> Optional.ofNullable(SECRETS.get(id)), clock.instant());
      if (result instanceof SigV4Verifier.Verified v) {
        verified.add(v.accessKeyId());
        tokens.add(headers.first("x-amz-security-token").orElse(""));
        return new StandIn.Answer(200, "");
      }
      return new StandIn.Answer(403, "");
    })) {
      AtomicInteger loads = new AtomicInteger();
      RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.builder(() -> {
        int n = loads.incrementAndGet();
        return Optional.of(new ProvidedCredentials(Credentials.of("AKID" + n, "secret-" + n, "token-" + n), "stand-in",
            T0.plus(Duration.ofHours(n))));
      }, "stand-in").clock(clock).build();
      try (S3Client client = S3Client.builder()
          .awsConfig(new AwsConfigResolver(Map.of("AWS_EC2_METADATA_DISABLED", "true"), home))
          .endpoint(s3.url()).region("us-east-1").clock(clock).credentialsProvider(provider).build()) {
        client.headBucket("bucket");
        client.headBucket("bucket");
        clock.advance(Duration.ofMinutes(61));
        client.headBucket("bucket");
      }
      assertThat(verified).containsExactly("AKID1", "AKID1", "AKID2");
      assertThat(tokens).containsExactly("token-1", "token-1", "token-2");
      assertThat(loads).hasValue(2);
    }
  }
}
