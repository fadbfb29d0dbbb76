package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.PutObjectResult;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.server.FaultRule;
import io.s3wire.server.S3ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Uploads of files, streams and arrays of the sizes where part arithmetic goes wrong, byte for byte. */
@Timeout(120)
class UploadTest extends TransferFixture {

  @ParameterizedTest(name = "{0} bytes over {2}: {1} parts")
  @CsvSource({
    "0, 0, HTTP_1_1",
    "1, 0, HTTP_1_1",
    "5242880, 0, HTTP_1_1",
    "5242881, 2, HTTP_1_1",
    "5242881, 2, HTTP_2",
    "104857600, 20, HTTP_1_1",
    "104857600, 20, HTTP_2"
  })
  void fileUploadsArriveByteForByte(int size, int parts, HttpVersionPolicy policy) throws Exception {
    start(policy, fiveMiBParts());
    byte[] data = random(size, size);
    Path file = Files.write(temp.resolve("src.bin"), data);
    ConcurrentLinkedQueue<Integer> completed = new ConcurrentLinkedQueue<>();
    AtomicLong lastTotal = new AtomicLong();
    TransferListener listener = new TransferListener() {
      @Override
      public void onPartCompleted(int partNumber, long partSize, TransferProgress total) {
        completed.add(partNumber);
        lastTotal.accumulateAndGet(total.transferredBytes(), Math::max);
      }
    };

    Transfer<PutObjectResult> t = manager.uploadFile(key("f"), file, UploadOptions.DEFAULTS.withListener(listener));
    PutObjectResult r = t.join();

    assertThat(stored("f")).isEqualTo(data);
    assertThat(r.parts()).isEqualTo(parts);
    assertThat(r.eTag()).isEqualTo(parts == 0 ? md5Hex(data) : multipartETag(data, 5 * MIB));
    assertThat(completed).hasSize(Math.max(parts, 1));
    assertThat(lastTotal.get()).isEqualTo(size);
    assertThat(t.progress().transferredBytes()).isEqualTo(size);
    assertThat(t.progress().totalBytes()).isEqualTo(size);
    assertThat(t.progress().fraction()).isEqualTo(1.0);
    assertThat(server.requestCount("UploadPart")).isEqualTo(parts);
    assertNoUploadsLeft();
  }

  @Test
  void exactlyOnePartAboveTheThresholdIsAOnePartMultipartUpload() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withMultipartThreshold(0));
    byte[] data = random(5 * MIB, 7);
    Path file = Files.write(temp.resolve("one.bin"), data);

    PutObjectResult r = manager.uploadFile(key("one"), file, null).join();

    assertThat(r.parts()).isEqualTo(1);
    assertThat(r.eTag()).isEqualTo(multipartETag(data, 5 * MIB));
    assertThat(stored("one")).isEqualTo(data);
  }

  @ParameterizedTest(name = "{0} bytes from a stream: {1} parts")
  @CsvSource({"0, 0", "3, 0", "5242879, 0", "10485760, 2", "12582915, 3"})
  void unknownLengthStreamsGoInPartsFromBoundedBuffers(int size, int parts) throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withMaxConcurrency(2));
    byte[] data = random(size, 31L * size);

    PutObjectResult r = manager.uploadStream(key("s"), new ShortReads(new ByteArrayInputStream(data)), null).join();

    assertThat(r.parts()).isEqualTo(parts);
    assertThat(stored("s")).isEqualTo(data);
    assertThat(r.eTag()).isEqualTo(parts == 0 ? md5Hex(data) : multipartETag(data, 5 * MIB));
    assertNoUploadsLeft();
  }

  @Test
  void bytesUploadInParts() throws Exception {
    start(HttpVersionPolicy.HTTP_2, fiveMiBParts());
    byte[] data = random(17 * MIB + 5, 3);

    PutObjectResult r = manager.uploadBytes(key("b"), data, null).join();

    assertThat(r.parts()).isEqualTo(4);
    assertThat(stored("b")).isEqualTo(data);
  }

  @Test
  void eachPartCarriesContentMd5() throws Exception {
    start(HttpVersionPolicy.HTTP_1_1, fiveMiBParts());
    server.addFaultRule(FaultRule.when().method("PUT").header("content-md5").error(403, S3ErrorCode.ACCESS_DENIED));
    byte[] data = random(11 * MIB, 5);

    assertThatThrownBy(() -> manager.uploadBytes(key("m"), data, null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDenied"));
    assertNoUploadsLeft();

    TransferManager withoutMd5 = TransferManager.create(client, fiveMiBParts().withContentMd5(false));
    PutObjectResult r = withoutMd5.uploadBytes(key("m"), data, null).join();
    withoutMd5.close();
    assertThat(r.eTag()).isEqualTo(multipartETag(data, 5 * MIB));
  }

  @Test
  void automaticPartSizeKeepsToTenThousandParts() {
    TransferConfig c = TransferConfig.defaults();
    assertThat(c.partSizeFor(0)).isEqualTo(8L * MIB);
    assertThat(c.partSizeFor(80_000L * MIB)).isEqualTo(8L * MIB);
    assertThat(c.partSizeFor(80_000L * MIB + 1)).isEqualTo(9L * MIB);
    long fiveTiB = 5L * 1024 * 1024 * MIB;
    assertThat(c.partSizeFor(fiveTiB)).isEqualTo(525L * MIB);
    assertThat(fiveTiB / c.partSizeFor(fiveTiB)).isLessThanOrEqualTo(10_000);
    assertThatThrownBy(() -> c.partSizeFor(fiveTiB + 1)).hasMessageContaining("5 TiB");
    assertThatThrownBy(() -> c.withPartSize(5L * MIB).partSizeFor(50_001L * MIB))
        .hasMessageContaining("10,001 parts").hasMessageContaining("at most 10,000");
    assertThatThrownBy(() -> c.withPartSize(MIB)).hasMessageContaining("5 MiB to 5 GiB");
  }

  static String md5Hex(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
  }

  static String multipartETag(byte[] data, int partSize) throws Exception {
    MessageDigest all = MessageDigest.getInstance("MD5");
    int parts = 0;
    for (int off = 0; off < data.length; off += partSize) {
      MessageDigest one = MessageDigest.getInstance("MD5");
      one.update(data, off, Math.min(partSize, data.length - off));
      all.update(one.digest());
      parts++;
    }
    return HexFormat.of().formatHex(all.digest()) + "-" + parts;
  }

  /** A stream that returns at most 1,000 bytes per read, as sockets and pipes do. */
  static final class ShortReads extends FilterInputStream {
    ShortReads(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1000));
    }
  }

  static List<Integer> sorted(ConcurrentLinkedQueue<Integer> q) {
    return q.stream().sorted().toList();
  }
}
