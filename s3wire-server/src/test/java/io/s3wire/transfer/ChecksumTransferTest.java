package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.Conditions;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.checksum.Crc32c;
import io.s3wire.error.ClientException;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transfers checked by CRC32C (a provider that accepts flexible checksums): parts carry theirs, the
 * object gets the whole file's, and downloads check the stored value.
 */
@Timeout(120)
class ChecksumTransferTest extends TransferFixture {
  static final ProviderProfile CHECKSUMS = ProviderProfiles.generic().withOverrides(Map.of("acceptsFlexibleChecksums", "true", "acceptsFullObjectCrc32c", "true"));

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void partsCarryTheirCrc32cAndTheObjectGetsTheWholeFilesCrc(HttpVersionPolicy policy) throws Exception {
    start(ObjectStore.memory(), policy, fiveMiBParts(), CHECKSUMS);
    byte[] data = random(23 * MIB + 17, 5);
    Path file = Files.write(temp.resolve("up.bin"), data);

    PutObjectResult r = manager.uploadFile(key("k"), file, null).join();

    assertThat(r.parts()).isEqualTo(5);
    assertThat(server.requestCount("UploadPart")).isEqualTo(5);
    ObjectInfo info = client.headObject(key("k"), Conditions.NONE, true).join();
    assertThat(info.checksums()).containsEntry("crc32c", Crc32c.base64(Crc32c.of(data)));
    assertThat(Arrays.equals(stored("k"), data)).isTrue();

    Path back = temp.resolve("back.bin");
    manager.downloadFile(key("k"), back, TransferListener.NONE).join();
    assertThat(Arrays.equals(Files.readAllBytes(back), data)).isTrue();
  }

  @Test
  void aStreamOfUnknownLengthIsCheckedTheSameWay() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), CHECKSUMS);
    byte[] data = random(17 * MIB + 3, 8);
    PutObjectResult r = manager.uploadStream(key("st"), new java.io.ByteArrayInputStream(data), null).join();
    assertThat(r.parts()).isEqualTo(4);
    assertThat(client.headObject(key("st"), Conditions.NONE, true).join().checksums())
        .containsEntry("crc32c", Crc32c.base64(Crc32c.of(data)));
    assertThat(Arrays.equals(stored("st"), data)).isTrue();
  }

  @Test
  void withoutChecksumModeTheServerShowsNone() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), CHECKSUMS);
    Path file = Files.write(temp.resolve("small.bin"), random(6 * MIB, 9));
    manager.uploadFile(key("s"), file, null).join();
    assertThat(client.headObject(key("s")).join().checksums()).isEmpty();
    assertThat(client.headObject(key("s"), Conditions.NONE, true).join().checksums()).containsKey("crc32c");
  }

  @Test
  void progressCountsPartsSentWithoutBeingRead() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), CHECKSUMS);
    byte[] data = random(12 * MIB, 3);
    Path file = Files.write(temp.resolve("p.bin"), data);
    java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
    TransferListener listener = new TransferListener() {
      @Override
      public void onPartCompleted(int partNumber, long partSize, TransferProgress total) {
        last.accumulateAndGet(total.transferredBytes(), Math::max);
      }
    };
    manager.uploadFile(key("p"), file, UploadOptions.DEFAULTS.withListener(listener)).join();
    assertThat(last.get()).isEqualTo(data.length);
  }

  @Test
  void aResumedUploadGivesTheFoundPartsTheirCrc32c() throws Exception {
    start(new PartFaultStore(PartFaultStore.Fault.ACCESS_DENIED, 4, 1), HttpVersionPolicy.HTTP_1_1,
        fiveMiBParts().withMaxConcurrency(1), CHECKSUMS);
    byte[] data = random(31 * MIB, 12);
    Path file = Files.write(temp.resolve("big.bin"), data);
    assertThatThrownBy(() -> manager.uploadFile(key("big"), file, UploadOptions.DEFAULTS.withResume()).join())
        .isInstanceOf(ServiceException.class);

    server.resetRequestCounts();
    manager.uploadFile(key("big"), file, UploadOptions.DEFAULTS.withResume()).join();

    assertThat(server.requestCount("UploadPart")).isEqualTo(4);
    assertThat(client.headObject(key("big"), Conditions.NONE, true).join().checksums())
        .containsEntry("crc32c", Crc32c.base64(Crc32c.of(data)));
    assertThat(Arrays.equals(stored("big"), data)).isTrue();
    assertNoUploadsLeft();
  }

  @Test
  void crc32cAskedOfAProviderWithoutChecksumsIsRefusedByName() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withChecksum(TransferChecksum.CRC32C),
        ProviderProfiles.generic());
    Path file = Files.write(temp.resolve("x.bin"), random(6 * MIB, 1));
    assertThatThrownBy(() -> manager.uploadFile(key("x"), file, null).join())
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("CRC32C needs a full-object CRC32C on multipart uploads").hasMessageContaining("generic");
    assertThat(server.requestCount("CreateMultipartUpload")).isZero();
  }

  @Test
  void md5StaysAvailableWhereChecksumsAreAccepted() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withChecksum(TransferChecksum.MD5), CHECKSUMS);
    byte[] data = random(11 * MIB, 4);
    Path file = Files.write(temp.resolve("m.bin"), data);
    PutObjectResult r = manager.uploadFile(key("m"), file, null).join();
    assertThat(r.eTag()).isEqualTo(UploadTest.multipartETag(data, 5 * MIB));
  }
}
