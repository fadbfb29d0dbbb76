package io.s3wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Options that cannot work are refused by build(), and bad input fails before anything is sent. */
@Timeout(30)
class S3ClientBuilderTest {
  @TempDir Path home;

  private S3ClientBuilder isolated(Map<String, String> env) {
    Map<String, String> offline = new java.util.HashMap<>(env);
    offline.putIfAbsent("AWS_EC2_METADATA_DISABLED", "true"); // only loopback traffic in tests
    return S3Client.builder().awsConfig(new AwsConfigResolver(offline, home));
  }

  @Test
  void missingCredentialsAreAClientErrorNamingWhereItLooked() {
    assertThatThrownBy(() -> isolated(Map.of()).endpoint("http://127.0.0.1:1").build())
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.subject()).isEqualTo("credentials"))
        .hasMessageStartingWith("credentials: no AWS credentials found; looked in ")
        .hasMessageContaining("AWS_ACCESS_KEY_ID");
  }

  @Test
  void anEndpointThatIsNotAUrlIsAClientError() {
    assertThatThrownBy(() -> isolated(Map.of()).endpoint("not a url").credentials("a", "b").build())
        .isInstanceOf(ClientException.class)
        .hasMessage("endpoint: 'not a url' is not a URL: Illegal character in path");
    assertThatThrownBy(() -> isolated(Map.of()).endpoint("localhost:9000").credentials("a", "b").build())
        .isInstanceOf(ClientException.class)
        .hasMessage("endpoint: 'localhost:9000' is not an http:// or https:// URL");
  }

  @Test
  void clashingOrImpossibleOptionsAreNamed() {
    try (HttpTransport shared = HttpTransport.create(TransportConfig.defaults())) {
      assertThatThrownBy(() -> isolated(Map.of()).credentials("a", "b").endpoint("http://127.0.0.1:1")
          .transport(shared).transportConfig(TransportConfig.defaults()).build())
          .isInstanceOf(ClientException.class)
          .hasMessage("transport: transport and transportConfig clash: a shared transport keeps its own config");
    }
    assertThatThrownBy(() -> isolated(Map.of()).credentials("a", "b").endpoint("http://127.0.0.1:1")
        .multipartPartSize(1024).build())
        .isInstanceOf(ClientException.class).hasMessage("multipart part size: must be 5 MiB to 5 GiB, was 1024");
    assertThatThrownBy(() -> isolated(Map.of()).credentials("a", "b").endpoint("http://s3.us-west-000.backblazeb2.com")
        .provider(ProviderProfiles.b2()).build())
        .isInstanceOf(ClientException.class)
        .hasMessage("region: none configured, and provider profile b2 has no default (its region is part of the endpoint): set one");
    assertThatThrownBy(() -> isolated(Map.of()).credentials("a", "b").endpoint("http://s3.us-west-000.backblazeb2.com")
        .region("us-west-000").provider(ProviderProfiles.b2()).build())
        .isInstanceOf(ClientException.class)
        .hasMessage("endpoint: http://s3.us-west-000.backblazeb2.com is plain HTTP, which provider profile b2 refuses");
  }

  @Test
  void settingsComeFromTheEnvironmentWhenNotGiven() throws Exception {
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "env-secret",
        "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1", "AWS_REGION", "eu-west-3");
    try (S3Client c = isolated(env).build()) {
      assertThat(c).isNotNull();
    }
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n");
    try (S3Client c = isolated(Map.of()).endpoint("http://127.0.0.1:1").build()) {
      assertThat(c).isNotNull();
    }
  }

  @Test
  void asyncCallsReportBadInputThroughTheFutureBeforeSending() throws Exception {
    // Port 1 on loopback: any request that were sent would fail with a connection error instead.
    try (S3AsyncClient c = isolated(Map.of()).credentials("a", "b").endpoint("http://127.0.0.1:1").buildAsync()) {
      MultipartUpload upload = new MultipartUpload(BucketKey.of("bucket", "k"), "u");
      CompletableFuture<CompletedPart> part = c.uploadPart(upload, 0, RequestBody.ofBytes(new byte[1]));
      assertThatThrownBy(() -> part.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientException.class)
          .hasMessageContaining("part number: must be 1..10000, was 0");
      CompletableFuture<?> bucket = c.headBucket("Not_A_Bucket");
      assertThatThrownBy(() -> bucket.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientException.class)
          .hasMessageContaining("bucket name: 'Not_A_Bucket' may hold only lower-case letters");
      CompletableFuture<?> complete = c.completeMultipartUpload(upload, List.of());
      assertThatThrownBy(() -> complete.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientException.class)
          .hasMessageContaining("parts: a multipart upload needs at least one part");
    }
  }

  @Test
  void theBlockingClientThrowsTheS3ExceptionItself() {
    try (S3Client c = isolated(Map.of()).credentials("a", "b").endpoint("http://127.0.0.1:1").build()) {
      assertThatThrownBy(() -> c.deleteObjects("bucket", List.of("ok", ""))).isExactlyInstanceOf(ClientException.class)
          .hasMessage("key: must not be empty");
    }
  }
}
