package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.PutObjectResult;
import io.s3wire.UploadInfo;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Resumable uploads: a failed try keeps its upload and state file; the next sends only missing parts. */
@Timeout(120)
class ResumeTest extends TransferFixture {

  @Test
  void aResumedUploadSendsOnlyTheMissingParts() throws Exception {
    start(new PartFaultStore(PartFaultStore.Fault.ACCESS_DENIED, 4, 1), HttpVersionPolicy.HTTP_1_1,
        fiveMiBParts().withMaxConcurrency(1));
    byte[] data = random(31 * MIB, 11);
    Path file = Files.write(temp.resolve("big.bin"), data);
    Path state = temp.resolve("big.bin.s3wire-upload");

    assertThatThrownBy(() -> manager.uploadFile(key("big"), file, UploadOptions.DEFAULTS.withResume()).join())
        .isInstanceOf(ServiceException.class);

    List<UploadInfo> open = client.listMultipartUploads(bucket, null).join();
    assertThat(open).hasSize(1);
    String journal = Files.readString(state, StandardCharsets.UTF_8);
    assertThat(journal).startsWith("s3wire-upload-state 1\nbucket " + bucket + "\nkey big\nupload-id ")
        .contains("\npart-size 5242880\nsource-size " + data.length + "\n")
        .contains("\npart 1 ").contains("\npart 2 ").contains("\npart 3 ").doesNotContain("\npart 4 ")
        .doesNotContain(server.secretKey()).doesNotContain(server.accessKey());
    assertThat(server.requestCount("AbortMultipartUpload")).isZero();

    server.resetRequestCounts();
    PutObjectResult r = manager.uploadFile(key("big"), file, UploadOptions.DEFAULTS.withResume()).join();

    assertThat(server.requestCount("UploadPart")).isEqualTo(7 - 3);
    assertThat(server.requestCount("CreateMultipartUpload")).isZero();
    assertThat(server.requestCount("ListParts")).isEqualTo(1);
    assertThat(r.parts()).isEqualTo(7);
    assertThat(r.eTag()).isEqualTo(UploadTest.multipartETag(data, 5 * MIB));
    assertThat(Arrays.equals(stored("big"), data)).isTrue();
    assertThat(state).doesNotExist();
    assertNoUploadsLeft();
  }

  @Test
  void aStateFileForAnotherSourceIsNotUsed() throws Exception {
    start(new PartFaultStore(PartFaultStore.Fault.ACCESS_DENIED, 2, 1), HttpVersionPolicy.HTTP_1_1,
        fiveMiBParts().withMaxConcurrency(1));
    Path file = Files.write(temp.resolve("a.bin"), random(12 * MIB, 1));
    Path state = temp.resolve("elsewhere.state");
    assertThatThrownBy(() -> manager.uploadFile(key("a"), file, UploadOptions.DEFAULTS.withResume(state)).join())
        .isInstanceOf(ServiceException.class);
    assertThat(state).exists();

    byte[] changed = random(12 * MIB + 1, 2);
    Files.write(file, changed);
    server.resetRequestCounts();
    manager.uploadFile(key("a"), file, UploadOptions.DEFAULTS.withResume(state)).join();

    assertThat(server.requestCount("CreateMultipartUpload")).isEqualTo(1);
    assertThat(server.requestCount("UploadPart")).isEqualTo(3);
    assertThat(Arrays.equals(stored("a"), changed)).isTrue();
    // The first try's upload, which only the replaced state file named, is not left open.
    assertThat(server.requestCount("AbortMultipartUpload")).isEqualTo(1);
    assertNoUploadsLeft();
  }
}
