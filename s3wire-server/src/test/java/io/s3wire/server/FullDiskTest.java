package io.s3wire.server;

import static io.s3wire.server.FullDiskFixture.BUCKET;
import static io.s3wire.server.FullDiskFixture.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.CopyObjectRequest;
import io.s3wire.ListObjectsRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.S3Client;
import io.s3wire.S3Object;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.RequestBody;
import io.s3wire.http.TransportConfig;
import io.s3wire.testing.LeakCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The file store on a 16 MiB tmpfs that fills up, driven by the s3wire client: every write that does
 * not fit answers 507 XMinioStorageFull (not retried) with one warning in the server log, nothing
 * partial becomes visible or stays on disk, reads go on, and writes succeed again once space is freed,
 * without a restart. Needs root to mount ({@link SmallFileSystem}); {@code .ci/run} runs it as the
 * fulldisk group ({@code mvn -Pfulldisk -pl s3wire-server -am verify -Dgroups=fulldisk}).
 */
@Tag("fulldisk")
@Timeout(120)
@ExtendWith(LeakCheck.PerClass.class)
class FullDiskTest {
  @TempDir Path temp;
  private FullDiskFixture f;
  private S3Client client;

  @BeforeEach
  void start() throws Exception {
    f = FullDiskFixture.start();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (f != null) {
        f.close();
      }
    }
  }

  private S3Client client(HttpVersionPolicy policy) {
    if (client != null) {
      client.close();
    }
    client = S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), temp.resolve("no-aws-home")))
        .endpoint(f.server().endpoint())
        .region("us-east-1")
        .credentials(f.server().accessKey(), f.server().secretKey())
        .transportConfig(TransportConfig.builder().versionPolicy(policy).build())
        .build();
    return client;
  }

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static BucketKey key(String k) {
    return BucketKey.of(BUCKET, k);
  }

  private static void assertStorageFull(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.status()).isEqualTo(507);
      assertThat(e.errorCode()).isEqualTo("XMinioStorageFull");
      assertThat(e.errorMessage()).contains("disk is full");
    });
  }

  /** Neither HEAD nor the listing shows {@code k}. */
  private void assertInvisible(String k) {
    assertThatThrownBy(() -> client.headObject(key(k)))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(keys()).doesNotContain(k);
  }

  private List<String> keys() {
    return client.listObjects(ListObjectsRequest.of(BUCKET)).objects().map(S3Object::key).toList();
  }

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void aPutThatDoesNotFitAnswers507AndLeavesNothing(HttpVersionPolicy policy) throws Exception {
    client(policy);
    byte[] big = bytes(24 * MiB, 1);
    f.server().resetRequestCounts();

    assertStorageFull(() -> client.putObject(key("big"), big));

    assertThat(f.server().requestCount("PutObject")).as("attempts (507 is not retried)").isEqualTo(1);
    f.assertWarnedFull(1);
    assertInvisible("big");
    f.assertNothingLeftBehind();
    assertThat(f.fs.usable()).as("free space after the refusal").isGreaterThan(15 * MiB);
    byte[] fits = bytes(4 * MiB, 2);
    client.putObject(key("fits"), fits);
    assertThat(client.getObjectBytes(key("fits")).bytes()).isEqualTo(fits);
  }

  @Test
  void smallPutsUntilFullKeepEveryStoredObjectAndRecoverAfterDeletes() throws Exception {
    client(HttpVersionPolicy.HTTP_2);
    int size = 64 * 1024;
    int stored = 0;
    ServiceException refused = null;
    for (int i = 0; i < 1000 && refused == null; i++) {
      try {
        client.putObject(key("small/" + i), bytes(size, 100 + i));
        stored++;
      } catch (ServiceException e) {
        refused = e;
      }
    }
    assertThat(refused).as("a refusal within 1000 PUTs of 64 KiB").isNotNull();
    assertThat(refused.status()).isEqualTo(507);
    assertThat(refused.errorCode()).isEqualTo("XMinioStorageFull");
    assertThat(stored).as("objects stored before the disk was full").isGreaterThan(150);
    System.out.printf(java.util.Locale.ROOT, "fulldisk figure: %d objects of 64 KiB stored on the 16 MiB tmpfs"
        + " before the first 507; %d KiB free after it%n", stored, f.fs.usable() / 1024);
    f.assertWarnedFull(1);
    String failed = "small/" + stored;
    byte[] failedBytes = bytes(size, 100 + stored);
    assertInvisible(failed);
    f.assertNothingLeftBehind();

    // Reads while full: every stored object is listed and intact.
    assertThat(keys()).hasSize(stored);
    for (int i = 0; i < stored; i++) {
      assertThat(client.getObjectBytes(key("small/" + i)).bytes()).as("object %d", i).isEqualTo(bytes(size, 100 + i));
    }
    assertStorageFull(() -> client.putObject(key(failed), failedBytes));
    f.assertWarnedFull(1);

    // Deleting through S3 frees the space: the refused object goes in, without a restart.
    for (int i = 0; i < 4; i++) {
      client.deleteObject(key("small/" + i));
    }
    client.putObject(key(failed), failedBytes);
    assertThat(client.getObjectBytes(key(failed)).bytes()).isEqualTo(failedBytes);
    assertThat(keys()).hasSize(stored - 3);
    f.assertNothingLeftBehind();
  }

  @Test
  void multipartPartsAndCompletionWhenFullLeaveTheUploadToFinishLater() throws Exception {
    client(HttpVersionPolicy.HTTP_2);
    byte[] one = bytes(5 * MiB, 3);
    byte[] two = bytes(MiB, 4);
    MultipartUpload upload = client.createMultipartUpload(key("multi"), null);
    CompletedPart p1 = client.uploadPart(upload, 1, RequestBody.ofBytes(one));

    f.fs.leaveFree(512 * 1024);
    assertStorageFull(() -> client.uploadPart(upload, 2, RequestBody.ofBytes(two)));
    f.assertWarnedFull(1);
    assertThat(client.listParts(upload)).extracting(p -> p.partNumber()).containsExactly(1);
    f.assertNothingLeftBehind();

    // Room for part 2 but not for the completion, which writes the whole object once more.
    f.fs.leaveFree(2 * MiB);
    CompletedPart p2 = client.uploadPart(upload, 2, RequestBody.ofBytes(two));
    assertStorageFull(() -> client.completeMultipartUpload(upload, List.of(p1, p2)));
    f.assertWarnedFull(1);
    assertInvisible("multi");
    assertThat(client.listMultipartUploads(BUCKET, "")).hasSize(1);
    assertThat(client.listParts(upload)).extracting(p -> p.partNumber()).containsExactly(1, 2);
    f.assertNothingLeftBehind();

    f.fs.freeBallast();
    client.completeMultipartUpload(upload, List.of(p1, p2));
    byte[] whole = new byte[one.length + two.length];
    System.arraycopy(one, 0, whole, 0, one.length);
    System.arraycopy(two, 0, whole, one.length, two.length);
    assertThat(client.getObjectBytes(key("multi")).bytes()).isEqualTo(whole);
    assertThat(client.listMultipartUploads(BUCKET, "")).isEmpty();
    f.assertNothingLeftBehind();
  }

  @Test
  void aCopyThatDoesNotFitAnswers507AndTheSourceStaysReadable() throws Exception {
    client(HttpVersionPolicy.HTTP_1_1);
    byte[] source = bytes(4 * MiB, 5);
    client.putObject(key("source"), source);
    f.fs.leaveFree(MiB);

    assertStorageFull(() -> client.copyObject(CopyObjectRequest.of(key("source"), key("copy"))));
    f.assertWarnedFull(1);
    assertInvisible("copy");
    f.assertNothingLeftBehind();
    assertThat(client.getObjectBytes(key("source")).bytes()).isEqualTo(source);

    f.fs.freeBallast();
    client.copyObject(CopyObjectRequest.of(key("source"), key("copy")));
    assertThat(client.getObjectBytes(key("copy")).bytes()).isEqualTo(source);
  }

  @Test
  void theServerStartsOnAFullDiskServesReadsAndRefusesWrites() throws Exception {
    client(HttpVersionPolicy.HTTP_1_1);
    List<byte[]> stored = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      stored.add(bytes(MiB, 10 + i));
      client.putObject(key("kept/" + i), stored.get(i));
    }
    f.fs.leaveFree(0);
    f.restart();
    client(HttpVersionPolicy.HTTP_1_1);

    assertThat(keys()).containsExactly("kept/0", "kept/1", "kept/2");
    for (int i = 0; i < 3; i++) {
      assertThat(client.getObjectBytes(key("kept/" + i)).bytes()).isEqualTo(stored.get(i));
    }
    assertStorageFull(() -> client.putObject(key("empty"), new byte[0]));
    f.assertWarnedFull(1);
    assertInvisible("empty");

    // An unversioned DELETE needs no room: it frees some, and the next write goes in.
    client.deleteObject(key("kept/0"));
    client.putObject(key("empty"), new byte[0]);
    assertThat(keys()).containsExactly("empty", "kept/1", "kept/2");
    f.assertNothingLeftBehind();
  }
}
