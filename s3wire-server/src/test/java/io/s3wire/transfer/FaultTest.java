package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.PutObjectResult;
import io.s3wire.error.Http2ErrorCode;
import io.s3wire.error.S3Exception;
import io.s3wire.error.ServiceException;
import io.s3wire.error.TransportException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.server.FaultRule;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults injected into part requests: the transfer completes with the right bytes, or fails naming
 * the part; either way no multipart upload is left behind.
 */
@Timeout(120)
class FaultTest extends TransferFixture {
  private static final int SIZE = 23 * MIB + 7;

  private byte[] data;
  private Path file;

  private void setUp(HttpVersionPolicy policy) throws Exception {
    setUp(ObjectStore.memory(), policy);
  }

  private void setUp(ObjectStore store, HttpVersionPolicy policy) throws Exception {
    start(store, policy, fiveMiBParts().withMaxConcurrency(3));
    data = random(SIZE, 99);
    file = Files.write(temp.resolve("src.bin"), data);
  }

  private void uploadCompletesIntact() throws Exception {
    PutObjectResult r = manager.uploadFile(key("k"), file, null).join();
    assertThat(r.parts()).isEqualTo(5);
    assertThat(r.eTag()).isEqualTo(UploadTest.multipartETag(data, 5 * MIB));
    assertThat(Arrays.equals(stored("k"), data)).isTrue();
    assertNoUploadsLeft();
  }

  @ParameterizedTest
  @EnumSource(value = Http2ErrorCode.class, names = {"REFUSED_STREAM", "INTERNAL_ERROR"})
  void aResetPartIsSentAgain(Http2ErrorCode code) throws Exception {
    setUp(HttpVersionPolicy.HTTP_2);
    server.addFaultRule(FaultRule.when().method("PUT").nth(2).resetStream(code));
    uploadCompletesIntact();
    assertThat(server.requestCount("UploadPart")).isEqualTo(6);
  }

  @Test
  void aConnectionCutMidPartIsSentAgain() throws Exception {
    setUp(HttpVersionPolicy.HTTP_1_1);
    server.addFaultRule(FaultRule.when().method("PUT").nth(3).cutRequestBodyAfter(MIB));
    uploadCompletesIntact();
  }

  @Test
  void slowDownIsWaitedOut() throws Exception {
    setUp(HttpVersionPolicy.HTTP_1_1);
    server.addFaultRule(FaultRule.when().method("PUT").firstN(2).error(S3ErrorCode.SLOW_DOWN));
    uploadCompletesIntact();
    assertThat(server.requestCount("UploadPart")).isEqualTo(7);
  }

  @Test
  void aCorruptedPartETagOnceIsSentAgain() throws Exception {
    setUp(new PartFaultStore(PartFaultStore.Fault.WRONG_ETAG, 2, 1), HttpVersionPolicy.HTTP_1_1);
    uploadCompletesIntact();
  }

  @Test
  void aPartWhoseETagNeverMatchesFailsNamingThePartAndAborts() throws Exception {
    setUp(new PartFaultStore(PartFaultStore.Fault.WRONG_ETAG, 4, 1000), HttpVersionPolicy.HTTP_1_1);
    assertThatThrownBy(() -> manager.uploadFile(key("k"), file, null).join())
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("part 4 (5242880 bytes) of s3://" + bucket + "/k failed after 3 tries: ")
        .hasMessageContaining("integrity check failed")
        .hasMessageContaining("00000000000000000000000000000000");
    assertNoUploadsLeft();
    assertThat(server.requestCount("AbortMultipartUpload")).isEqualTo(1);
    assertThat(server.requestCount("CompleteMultipartUpload")).isZero();
  }

  @Test
  void aPartThatKeepsFailingAbortsTheUpload() throws Exception {
    setUp(new PartFaultStore(PartFaultStore.Fault.ACCESS_DENIED, 3, 1), HttpVersionPolicy.HTTP_1_1);
    assertThatThrownBy(() -> manager.uploadFile(key("k"), file, null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("AccessDenied");
          assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageStartingWith("part 3 (5242880 bytes) of s3://" + bucket + "/k failed: "));
        });
    assertNoUploadsLeft();
    assertThat(client.headObject(key("k")).handle((i, e) -> e)).succeedsWithin(10, TimeUnit.SECONDS).isNotNull();
  }

  @Test
  void cancellingStopsThePartsAndAborts() throws Exception {
    setUp(HttpVersionPolicy.HTTP_2);
    server.addFaultRule(FaultRule.when().method("PUT").bandwidth(MIB));
    CountDownLatch moving = new CountDownLatch(1);
    TransferListener listener = new TransferListener() {
      @Override
      public void onPartBytes(int partNumber, long bytes, TransferProgress total) {
        moving.countDown();
      }
    };
    Transfer<PutObjectResult> t = manager.uploadFile(key("k"), file, UploadOptions.DEFAULTS.withListener(listener));
    assertThat(moving.await(30, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    t.cancel();
    assertThatThrownBy(t::join).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
    assertNoUploadsLeft();
    assertThat(server.requestCount("CompleteMultipartUpload")).isZero();
  }

  @Test
  void cancellingStopsAPartSentStraightFromTheFile() throws Exception {
    // Plain HTTP/1.1 and CRC32C: each part goes from the file to the socket by sendfile, so nothing
    // reads it through the body where a cancellation could be noticed.
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withMaxConcurrency(3),
        ChecksumTransferTest.CHECKSUMS);
    file = Files.write(temp.resolve("src.bin"), random(SIZE, 98));
    // At this rate a 5 MiB part takes 20 s.
    server.addFaultRule(FaultRule.when().method("PUT").bandwidth(256 * 1024));
    CountDownLatch sending = new CountDownLatch(1);
    server.addObserver(r -> {
      if (r.operation().equals("UploadPart")) {
        sending.countDown();
      }
    });
    Transfer<PutObjectResult> t = manager.uploadFile(key("k"), file, UploadOptions.DEFAULTS);
    assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    t.cancel();
    assertThatThrownBy(t::join).isInstanceOfSatisfying(TransportException.class,
        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds to cancel").isLessThan(5);
    assertNoUploadsLeft();
    assertThat(server.requestCount("CompleteMultipartUpload")).isZero();
  }

  static boolean isS3(Throwable t) {
    return t instanceof S3Exception;
  }
}
