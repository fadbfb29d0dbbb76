package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CopyObjectRequest;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.ServiceException;
import io.s3wire.error.StreamResetException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.retry.RetryPolicy;
import io.s3wire.server.internal.store.ContentReads;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A response whose store stops making progress is cut, logged once, and gives its worker back: one
 * whose content channel returns 0 bytes at once, one whose read blocks at the stream deadline. The
 * server has a single worker, so a request served afterwards shows that worker is free.
 */
@Timeout(60)
class StalledResponseTest {
  private static final int SIZE = 200 * 1024;
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  @TempDir Path temp;
  private final StallingStore store = new StallingStore();
  private ServerLogCapture log;
  private S3Server server;

  @BeforeEach
  void start() throws Exception {
    log = ServerLogCapture.start();
    ServerLimits limits = ServerLimits.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
        Duration.ofMinutes(5), Duration.ofSeconds(30), DEADLINE);
    server = S3Server.builder().store(store).anonymous(true).workerThreads(1).limits(limits).start();
    store.createBucket("bucket");
    for (String key : List.of("stall/block", "stall/zero", "small")) {
      store.putObject("bucket", key, ObjectAttributes.empty(), new ByteArrayInputStream(new byte[SIZE]));
    }
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
  }

  private S3AsyncClient client(HttpVersionPolicy policy, RetryPolicy retry) {
    return S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials("AKIDSTALL", "stall-secret")
        .provider(ProviderProfiles.generic())
        .retryPolicy(retry)
        .transportConfig(TransportConfig.builder().versionPolicy(policy).callTimeout(Duration.ofSeconds(30)).build())
        .buildAsync();
  }

  /** The GET fails as a response cut after its head: the connection closed (HTTP/1.1) or the stream cancelled. */
  private static void assertCut(Throwable failure, HttpVersionPolicy policy) {
    if (policy == HttpVersionPolicy.HTTP_1_1) {
      assertThat(failure).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_CLOSED));
    } else {
      assertThat(failure).isInstanceOfSatisfying(StreamResetException.class,
          e -> assertThat(e.code()).isEqualTo(Http2ErrorCode.CANCEL));
    }
  }

  private static Throwable failureOf(java.util.concurrent.CompletableFuture<?> call) {
    try {
      call.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("the call did not fail in time", e);
    }
    throw new AssertionError("the call succeeded");
  }

  /**
   * The single worker serves another request. A client retries SlowDown, which covers the moment
   * between the stalled response letting go and its worker taking new work.
   */
  private void assertWorkerFree(HttpVersionPolicy policy) throws Exception {
    try (S3AsyncClient next = client(policy, RetryPolicy.defaults())) {
      byte[] got = next.getObjectBytes(BucketKey.of("bucket", "small")).get(30, TimeUnit.SECONDS).bytes();
      assertThat(got).hasSize(SIZE);
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void aReadThatBlocksIsCutAtTheDeadlineAndLetsGoOfItsWorker(HttpVersionPolicy policy) throws Exception {
    try (S3AsyncClient client = client(policy, RetryPolicy.none())) {
      long started = System.nanoTime();
      Throwable failure = failureOf(client.getObjectBytes(BucketKey.of("bucket", "stall/block")));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertCut(failure, policy);
      assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.plusSeconds(10));
      assertThat(store.blocked.getCount()).as("the read blocked").isZero();
      assertThat(store.released.await(10, TimeUnit.SECONDS)).as("the blocked read was interrupted").isTrue();
      assertThat(log.lines()).singleElement().asString().matches("WARNING HTTP/(1\\.1|2) /127\\.0\\.0\\.1:\\d+( stream \\d+)?: "
          + "exceeded the stream deadline of PT2S \\(response at 65536 of 204800 bytes\\); cut");
    }
    assertWorkerFree(policy);
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void aReadOfZeroBytesCutsTheResponseAtOnce(HttpVersionPolicy policy) throws Exception {
    try (S3AsyncClient client = client(policy, RetryPolicy.none())) {
      Throwable failure = failureOf(client.getObjectBytes(BucketKey.of("bucket", "stall/zero")));

      assertCut(failure, policy);
      assertThat(store.zeroReads).as("the channel was not asked again").hasValue(1);
      assertThat(log.lines()).singleElement().asString()
          .matches("SEVERE HTTP/(1\\.1|2) /127\\.0\\.0\\.1:\\d+( stream \\d+)?: response cut \\[StalledContentException\\]");
    }
    assertWorkerFree(policy);
  }

  @Test
  void aCopyFromAReadOfZeroBytesFailsWithInternalError() throws Exception {
    try (S3AsyncClient client = client(HttpVersionPolicy.HTTP_1_1, RetryPolicy.none())) {
      Throwable failure = failureOf(client.copyObject(CopyObjectRequest.of(BucketKey.of("bucket", "stall/zero"),
          BucketKey.of("bucket", "copy"))));

      assertThat(failure).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.errorCode()).isEqualTo("InternalError");
      });
      assertThat(store.zeroReads).hasValue(1);
      assertThat(log.lines()).singleElement().asString()
          .matches("SEVERE HTTP/1\\.1 /127\\.0\\.0\\.1:\\d+: CopyObject failed \\[StalledContentException\\]");
      assertThatThrownBy(() -> store.headObject("bucket", "copy")).isInstanceOf(S3ErrorException.class);
    }
    assertWorkerFree(HttpVersionPolicy.HTTP_1_1);
  }

  @Test
  void theTypedErrorNamesTheKeyAndTheChannel() throws Exception {
    try (ObjectContent content = store.getObject("bucket", "stall/zero", 0, SIZE)) {
      assertThatThrownBy(() -> content.newInputStream().readAllBytes())
          .isInstanceOf(ContentReads.StalledContentException.class)
          .hasMessage("the store's channel for 'stall/zero' (io.s3wire.server.StallingStore$1) returned 0 bytes with"
              + " room to read, after 65536 of 204800 bytes; an ObjectContent channel must block until it has a byte"
              + " or its end");
    }
  }
}
