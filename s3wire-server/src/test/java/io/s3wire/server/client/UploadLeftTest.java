package io.s3wire.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.s3wire.BucketKey;
import io.s3wire.ObjectMetadata;
import io.s3wire.S3AsyncClient;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.S3Exception;
import io.s3wire.error.TransportException;
import io.s3wire.error.UploadLeft;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.ChecksumType;
import io.s3wire.server.FaultRule;
import io.s3wire.server.ForwardingTestStore;
import io.s3wire.server.ObjectAttributes;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3Server;
import io.s3wire.server.StoredUpload;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.UploadOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed upload that may leave a multipart upload on the server says so with an {@link UploadLeft}
 * note: when CreateMultipartUpload got no answer (here a timeout) and the server made the upload
 * anyway, and when the abort after a failure fails too. A failure that leaves nothing has no note.
 */
@Timeout(60)
class UploadLeftTest {
  private static final BucketKey OBJECT = BucketKey.of("bucket", "big");
  private static final long MiB = 1024 * 1024;

  @TempDir Path temp;
  private final SlowCreateStore store = new SlowCreateStore();
  private S3Server server;
  private S3AsyncClient client;
  private TransferManager transfers;

  /** Holds CreateMultipartUpload while {@link #hold} is closed; counts {@link #created} uploads. */
  private static final class SlowCreateStore extends ForwardingTestStore {
    volatile CountDownLatch hold = new CountDownLatch(0);
    final CountDownLatch created = new CountDownLatch(1);

    @Override
    public String createMultipartUpload(String bucket, String key, ObjectAttributes a, ChecksumAlgorithm algorithm,
        ChecksumType type) throws IOException {
      try {
        if (!hold.await(30, TimeUnit.SECONDS)) {
          throw new IOException("the test never released the create");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException();
      }
      String id = super.createMultipartUpload(bucket, key, a, algorithm, type);
      created.countDown();
      return id;
    }
  }

  private void start(Duration callTimeout) throws Exception {
    server = S3Server.builder().store(store).credentials("AKIDLEFT", "left-upload-secret").start();
    server.store().createBucket("bucket");
    client = S3AsyncClient.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(server.endpoint())
        .region("us-east-1")
        .credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.generic())
        .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
            .callTimeout(callTimeout).build())
        .buildAsync();
    transfers = TransferManager.create(client, TransferConfig.defaults().withMultipartThreshold(5 * MiB).withPartSize(5 * MiB));
  }

  @AfterEach
  void stop() {
    store.hold.countDown();
    if (transfers != null) {
      transfers.close();
      client.close();
      server.close();
    }
  }

  private List<StoredUpload> uploadsOnTheServer() throws Exception {
    return store.listMultipartUploads("bucket");
  }

  private Throwable uploadFailure() throws IOException {
    Path file = temp.resolve("source");
    Files.write(file, new byte[(int) (6 * MiB)]);
    return catchThrowable(() -> transfers.uploadFile(OBJECT, file, UploadOptions.DEFAULTS).join());
  }

  /** The server makes the upload only after the client gave up waiting for its answer. */
  private Throwable createOutlivingTheClient(java.util.concurrent.Callable<Throwable> upload) throws Exception {
    store.hold = new CountDownLatch(1);
    Throwable failure = upload.call();
    store.hold.countDown();
    assertThat(store.created.await(30, TimeUnit.SECONDS)).as("the server made the upload").isTrue();
    return failure;
  }

  @Test
  void aCreateWithoutAnAnswerSaysAnUploadMayBeLeft() throws Exception {
    start(Duration.ofSeconds(1));

    Throwable failure = createOutlivingTheClient(this::uploadFailure);

    assertThat(failure).isInstanceOf(TransportException.class);
    UploadLeft left = UploadLeft.in(failure).orElseThrow(() -> new AssertionError("no note on " + failure));
    assertThat(left.object()).isEqualTo(OBJECT);
    assertThat(left.uploadId()).as("the id the lost answer carried").isEmpty();
    assertThat(left.getMessage()).startsWith("a multipart upload of s3://bucket/big may be left on the server: "
        + "CreateMultipartUpload got no answer (");
    assertThat(uploadsOnTheServer()).extracting(StoredUpload::key).containsExactly("big");
  }

  @Test
  void theLibraryCallCarriesTheNoteToo() throws Exception {
    start(Duration.ofSeconds(1));

    Throwable failure = createOutlivingTheClient(
        () -> catchThrowable(() -> client.createMultipartUpload(OBJECT, ObjectMetadata.NONE).join()));

    assertThat(UploadLeft.in(failure)).hasValueSatisfying(left -> assertThat(left.uploadId()).isEmpty());
    assertThat(uploadsOnTheServer()).hasSize(1);
  }

  @Test
  void aCreateRefusedWithAnAnswerLeavesNothingAndSaysNothing() throws Exception {
    start(Duration.ofSeconds(30));
    server.addFaultRule(FaultRule.when().method("POST").error(S3ErrorCode.ACCESS_DENIED));

    Throwable failure = uploadFailure();

    assertThat(failure).isInstanceOf(S3Exception.class);
    assertThat(UploadLeft.in(failure)).isEmpty();
    assertThat(uploadsOnTheServer()).isEmpty();
  }

  @Test
  void anAbortThatFailsTooNamesTheUploadLeft() throws Exception {
    start(Duration.ofSeconds(30));
    server.addFaultRule(FaultRule.when().method("PUT").error(S3ErrorCode.ACCESS_DENIED));
    server.addFaultRule(FaultRule.when().method("DELETE").error(S3ErrorCode.ACCESS_DENIED));

    Throwable failure = uploadFailure();

    UploadLeft left = UploadLeft.in(failure).orElseThrow(() -> new AssertionError("no note on " + failure));
    List<StoredUpload> onServer = uploadsOnTheServer();
    assertThat(onServer).hasSize(1);
    assertThat(left.uploadId()).contains(onServer.get(0).uploadId());
    assertThat(left.getMessage()).startsWith("multipart upload " + onServer.get(0).uploadId()
        + " of s3://bucket/big is left on the server: aborting it failed (403 AccessDenied");
  }

  @Test
  void anAbortThatSucceedsLeavesNothingAndSaysNothing() throws Exception {
    start(Duration.ofSeconds(30));
    server.addFaultRule(FaultRule.when().method("PUT").error(S3ErrorCode.ACCESS_DENIED));

    Throwable failure = uploadFailure();

    assertThat(failure).isInstanceOf(S3Exception.class);
    assertThat(UploadLeft.in(failure)).isEmpty();
    assertThat(uploadsOnTheServer()).isEmpty();
  }
}
