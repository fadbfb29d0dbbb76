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
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfile;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.ObjectStore;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  /** As {@link #CHECKSUMS}, taking aws-chunked bodies with checksum trailers too (as AWS and MinIO do). */
  static final ProviderProfile TRAILERS = CHECKSUMS.withOverrides(Map.of("acceptsAwsChunked", "true",
      "acceptsAwsChunkedTrailers", "true"));

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

  @ParameterizedTest
  @EnumSource(value = HttpVersionPolicy.class, names = {"HTTP_1_1", "HTTP_2"})
  void overTlsPartsCarryTheirCrc32cInATrailerComputedWhileSending(HttpVersionPolicy policy) throws Exception {
    PartHeaders sent = new PartHeaders();
    startTls(policy, fiveMiBParts(), TRAILERS, sent);
    byte[] data = random(23 * MIB + 17, 6);
    Path file = Files.write(temp.resolve("up.bin"), data);

    PutObjectResult r = manager.uploadFile(key("t"), file, null).join();

    assertThat(r.parts()).isEqualTo(5);
    assertThat(sent.parts()).hasSize(5).allSatisfy(h -> {
      assertThat(h).containsEntry("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
          .containsEntry("content-encoding", "aws-chunked").containsEntry("x-amz-trailer", "x-amz-checksum-crc32c")
          .doesNotContainKey("x-amz-checksum-crc32c");
      assertThat(Long.parseLong(h.get("x-amz-decoded-content-length"))).isIn(5L * MIB, 3L * MIB + 17);
    });
    // The server checked each trailer against the bytes, and the parts' CRC32Cs (from the trailers)
    // combine into the whole file's.
    assertThat(client.headObject(key("t"), Conditions.NONE, true).join().checksums())
        .containsEntry("crc32c", Crc32c.base64(Crc32c.of(data)));
    assertThat(Arrays.equals(stored("t"), data)).isTrue();
  }

  @Test
  void overPlainHttpPartsKeepTheirCrc32cHeaderAndGoWithoutCopies() throws Exception {
    PartHeaders sent = new PartHeaders();
    start(ObjectStore.memory(), TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1).build(),
        fiveMiBParts(), TRAILERS, sent);
    byte[] data = random(11 * MIB, 7);
    Path file = Files.write(temp.resolve("plain.bin"), data);

    manager.uploadFile(key("p"), file, null).join();

    assertThat(sent.parts()).hasSize(3).allSatisfy(h -> assertThat(h).containsKey("x-amz-checksum-crc32c")
        .doesNotContainKey("x-amz-trailer").doesNotContainKey("content-encoding"));
    assertThat(Arrays.equals(stored("p"), data)).isTrue();
  }

  /** The headers of every UploadPart the client sent, lower-case names, over HTTP/1.1 or HTTP/2. */
  static final class PartHeaders implements WireListener {
    private final List<Map<String, String>> parts = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(WireEvent event) {
      if (event instanceof WireEvent.Http1Request req && req.target().contains("partNumber=")) {
        parts.add(lowerCase(req.headers()));
      } else if (event instanceof WireEvent.HeadersFrame h && h.direction() == WireEvent.Direction.SENT) {
        Map<String, String> headers = lowerCase(h.headers());
        if (headers.getOrDefault(":path", "").contains("partNumber=")) {
          parts.add(headers);
        }
      }
    }

    List<Map<String, String>> parts() {
      return parts;
    }

    private static Map<String, String> lowerCase(List<WireEvent.Header> headers) {
      Map<String, String> m = new HashMap<>();
      headers.forEach(x -> m.put(x.name().toLowerCase(Locale.ROOT), x.value()));
      return m;
    }
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
  void aDownloadWhoseBytesDoNotMatchTheStoredCrc32cFailsAndLeavesNoFile() throws Exception {
    byte[] data = random(11 * MIB, 21);
    Path dir = temp.resolve("store");
    try (ObjectStore store = ObjectStore.file(dir)) {
      store.createBucket("seed");
      store.putObject("seed", "k", io.s3wire.server.ObjectAttributes.empty(), io.s3wire.checksum.ChecksumAlgorithm.CRC32C,
          new java.io.ByteArrayInputStream(data));
    }
    // The stored CRC32C now names other bytes, as if the object had rotted on disk.
    try (java.util.stream.Stream<Path> metas = Files.list(dir.resolve("buckets/seed/objects"))) {
      for (Path meta : metas.filter(m -> m.toString().endsWith(".meta")).toList()) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
          p.load(in);
        }
        assertThat(p.getProperty("checksum")).isEqualTo(Crc32c.base64(Crc32c.of(data)));
        p.setProperty("checksum", Crc32c.base64(Crc32c.of(new byte[1])));
        try (var out = Files.newOutputStream(meta)) {
          p.store(out, null);
        }
      }
    }
    start(ObjectStore.file(dir), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), CHECKSUMS);
    Path target = temp.resolve("out.bin");
    io.s3wire.BucketKey k = io.s3wire.BucketKey.of("seed", "k");

    assertThatThrownBy(() -> manager.downloadFile(k, target, TransferListener.NONE).join())
        .isInstanceOf(io.s3wire.error.TransportException.class)
        .hasMessageContaining("integrity check failed for s3://seed/k")
        .hasMessageContaining("CRC32C " + Crc32c.base64(Crc32c.of(data)))
        .hasMessageContaining("the server stored " + Crc32c.base64(Crc32c.of(new byte[1])));
    assertThat(target).doesNotExist();
    try (java.util.stream.Stream<Path> left = Files.list(temp)) {
      assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.endsWith(".s3wire-download"));
    }

    // The MD5 ETag still matches: checked by MD5 the same download passes, so the CRC32C decided.
    TransferManager byMd5 = TransferManager.create(client, fiveMiBParts().withChecksum(TransferChecksum.MD5));
    byMd5.downloadFile(k, target, TransferListener.NONE).join();
    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    byMd5.close();
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
        .hasMessageContaining("CRC32C needs a full-object checksum on multipart uploads").hasMessageContaining("generic");
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
