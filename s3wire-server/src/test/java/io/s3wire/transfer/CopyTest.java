package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.ObjectMetadata;
import io.s3wire.PutObjectResult;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-side copies: one CopyObject when small, parallel UploadPartCopy ranges when large. */
@Timeout(120)
class CopyTest extends TransferFixture {

  @Test
  void aLargeObjectIsCopiedInParallelParts() throws Exception {
    start(HttpVersionPolicy.HTTP_2, fiveMiBParts());
    byte[] data = random(21 * MIB + 9, 4);
    manager.uploadBytes(key("src"), data, UploadOptions.DEFAULTS.withMetadata(
        ObjectMetadata.contentType("application/x-test").withUserMetadata("origin", "copy-test"))).join();
    server.addFaultRule(FaultRule.when().method("PUT").nth(2).error(S3ErrorCode.SLOW_DOWN));
    server.resetRequestCounts();

    Transfer<PutObjectResult> t = manager.copy(key("src"), key("dst"), null);
    PutObjectResult r = t.join();

    assertThat(r.parts()).isEqualTo(5);
    assertThat(r.eTag()).isEqualTo(UploadTest.multipartETag(data, 5 * MIB));
    assertThat(server.requestCount("UploadPartCopy")).isEqualTo(6);
    assertThat(server.requestCount("UploadPart")).isZero();
    assertThat(Arrays.equals(stored("dst"), data)).isTrue();
    var head = client.headObject(key("dst")).join();
    assertThat(head.metadata().contentType()).isEqualTo("application/x-test");
    assertThat(head.metadata().userMetadata()).containsEntry("origin", "copy-test");
    assertThat(t.progress().transferredBytes()).isEqualTo(data.length);
    assertNoUploadsLeft();
  }

  @Test
  void aSmallObjectIsOneCopyObject() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts());
    byte[] data = random(1000, 8);
    client.putObject(key("src"), data).join();

    PutObjectResult r = manager.copy(key("src"), key("dst"), null).join();

    assertThat(r.parts()).isZero();
    assertThat(server.requestCount("CopyObject")).isEqualTo(1);
    assertThat(stored("dst")).isEqualTo(data);
  }
}
