package io.s3wire.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.PresignRequest;
import io.s3wire.PresignedRequest;
import io.s3wire.S3Client;
import io.s3wire.S3Presigner;
import io.s3wire.auth.Credentials;
import io.s3wire.auth.SigV4Verifier;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpHeaders;
import io.s3wire.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * A presigner built by {@code S3ClientBuilder.buildPresigner()} asks the credentials provider at each
 * presign: a URL signed after the first temporary credentials expired carries the refreshed ones.
 */
class PresignerRefreshTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Map<String, String> SECRETS = Map.of("AKID1", "secret-1", "AKID2", "secret-2");
  private static final List<String> NEVER_SHOWN = List.of("secret-1", "secret-2", "token-1", "token-2");

  @TempDir
  Path home;

  @Test
  void aPresignAfterExpiryCarriesTheRefreshedCredentialsAndFailuresShowNoSecret() {
    MutableClock clock = new MutableClock(T0);
    AtomicInteger loads = new AtomicInteger();
    List<String> warnings = new CopyOnWriteArrayList<>();
    // Two sessions of one hour each, then the source refuses.
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.builder(() -> {
      int n = loads.incrementAndGet();
      if (n > 2) {
        throw new ClientException("credentials", "stand-in STS answered AccessDenied");
      }
      return Optional.of(new ProvidedCredentials(Credentials.of("AKID" + n, "secret-" + n, "token-" + n),
          "stand-in STS", T0.plus(Duration.ofHours(n))));
    }, "stand-in STS").clock(clock).executor(Runnable::run).warnings(warnings::add).build();
    S3Presigner presigner = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of("AWS_EC2_METADATA_DISABLED", "true"), home))
        .endpoint("http://127.0.0.1:9").region("us-east-1").clock(clock).credentialsProvider(provider)
        .buildPresigner();
    PresignRequest get = PresignRequest.get(BucketKey.of("bucket", "key"), Duration.ofMinutes(10));

    PresignedRequest first = presigner.presign(get);
    assertThat(verifiedKey(first, clock.instant())).isEqualTo("AKID1");
    assertThat(first.uri().getRawQuery()).contains("X-Amz-Security-Token=token-1");

    clock.advance(Duration.ofMinutes(61));
    PresignedRequest later = presigner.presign(get);
    assertThat(verifiedKey(later, clock.instant())).isEqualTo("AKID2");
    assertThat(later.uri().getRawQuery()).contains("X-Amz-Security-Token=token-2").doesNotContain("token-1");
    assertThat(loads).hasValue(2);

    // Inside the refresh window a failed refresh keeps the still-valid keys and says so, without them.
    clock.advance(Duration.ofMinutes(57));
    assertThat(verifiedKey(presigner.presign(get), clock.instant())).isEqualTo("AKID2");
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
        .contains("refreshing AWS credentials failed", "stand-in STS answered AccessDenied"));

    // Expired and the source still refuses: the presign fails with one sentence naming the source.
    clock.advance(Duration.ofMinutes(3));
    assertThatThrownBy(() -> presigner.presign(get)).isInstanceOf(ClientException.class)
        .hasMessageContaining("stand-in STS answered AccessDenied")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(NEVER_SHOWN));
    assertThat(String.join("\n", warnings)).doesNotContain(NEVER_SHOWN);
    assertThat(loads).hasValue(4);
  }

  // Verifies the URL as a server would at {@code now}; returns the access key it was signed with.
  private static String verifiedKey(PresignedRequest p, Instant now) {
    HttpHeaders headers = HttpHeaders.of("host", p.uri().getHost() + ":" + p.uri().getPort());
    SigV4Verifier.Result r = SigV4Verifier.verify(p.method(), p.uri().getRawPath(), p.uri().getRawQuery(), headers,
        id -> Optional.ofNullable(SECRETS.get(id)), now);
    assertThat(r).isInstanceOf(SigV4Verifier.Verified.class);
    return ((SigV4Verifier.Verified) r).accessKeyId();
  }

  private static String fullText(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
