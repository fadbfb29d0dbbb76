package io.s3wire.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.Conditions;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.checksum.ChecksumAlgorithm;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.server.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transfer engine with each flexible-checksum algorithm: CRC32, CRC32C and CRC64NVME upload
 * FULL_OBJECT (the parts' values combined, checked by the server), SHA1 and SHA256 COMPOSITE; over
 * plain HTTP a part's checksum goes in a header, over TLS in a trailer. Downloads check whichever
 * FULL_OBJECT checksum the object has: a CRC range by range, a SHA over the whole file.
 */
@Timeout(120)
class AlgorithmTransferTest extends TransferFixture {
  private static String name(ChecksumAlgorithm a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  /** The object checksum S3 forms for {@code data} sent in 5 MiB parts with {@code a}. */
  private static String expected(ChecksumAlgorithm a, byte[] data) {
    if (a.supportsFullObject()) {
      return a.base64(a.of(data));
    }
    List<byte[]> parts = new ArrayList<>();
    for (int off = 0; off < data.length; off += 5 * MIB) {
      parts.add(a.of(Arrays.copyOfRange(data, off, Math.min(data.length, off + 5 * MIB))));
    }
    return a.composite(parts);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TransferChecksum.class, names = {"CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"})
  void overPlainHttpEachAlgorithmChecksThePartsAndTheObject(TransferChecksum checksum) throws Exception {
    ChecksumAlgorithm a = checksum.algorithm();
    ChecksumTransferTest.PartHeaders sent = new ChecksumTransferTest.PartHeaders();
    start(ObjectStore.memory(), io.s3wire.http.TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
        .build(), fiveMiBParts().withChecksum(checksum), ChecksumTransferTest.TRAILERS, sent);
    byte[] data = random(11 * MIB + 5, a.ordinal());
    Path file = Files.write(temp.resolve("up.bin"), data);

    PutObjectResult r = manager.uploadFile(key("k"), file, null).join();

    assertThat(r.parts()).isEqualTo(3);
    assertThat(sent.parts()).hasSize(3).allSatisfy(h -> assertThat(h).containsKey(a.headerName())
        .doesNotContainKey("x-amz-trailer"));
    ObjectInfo info = client.headObject(key("k"), Conditions.NONE, true).join();
    assertThat(info.checksums()).isEqualTo(Map.of(name(a), expected(a, data)));
    assertThat(Arrays.equals(stored("k"), data)).isTrue();

    Path back = temp.resolve("back.bin");
    manager.downloadFile(key("k"), back, TransferListener.NONE).join();
    assertThat(Arrays.equals(Files.readAllBytes(back), data)).isTrue();

    // A stream of unknown length goes the same way.
    manager.uploadStream(key("s"), new java.io.ByteArrayInputStream(data), null).join();
    assertThat(client.headObject(key("s"), Conditions.NONE, true).join().checksums())
        .isEqualTo(Map.of(name(a), expected(a, data)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TransferChecksum.class, names = {"CRC32", "CRC64NVME", "SHA256"})
  void overTlsEachAlgorithmTravelsInATrailer(TransferChecksum checksum) throws Exception {
    ChecksumAlgorithm a = checksum.algorithm();
    ChecksumTransferTest.PartHeaders sent = new ChecksumTransferTest.PartHeaders();
    startTls(HttpVersionPolicy.HTTP_2, fiveMiBParts().withChecksum(checksum), ChecksumTransferTest.TRAILERS, sent);
    byte[] data = random(11 * MIB + 5, 10 + a.ordinal());
    Path file = Files.write(temp.resolve("up.bin"), data);

    manager.uploadFile(key("t"), file, null).join();

    assertThat(sent.parts()).hasSize(3).allSatisfy(h -> assertThat(h)
        .containsEntry("x-amz-trailer", a.headerName()).doesNotContainKey(a.headerName()));
    assertThat(client.headObject(key("t"), Conditions.NONE, true).join().checksums())
        .isEqualTo(Map.of(name(a), expected(a, data)));
  }

  /** What S3 keeps for a body sent without a checksum (CRC64NVME) is checked on download, range by range. */
  @Test
  void autoDownloadsCheckTheDefaultCrc64nvmeAndRefuseBytesThatDoNotMatchIt() throws Exception {
    byte[] data = random(11 * MIB, 21);
    Path dir = temp.resolve("store");
    try (ObjectStore store = ObjectStore.file(dir)) {
      store.createBucket("seed");
      store.putObject("seed", "k", io.s3wire.server.ObjectAttributes.empty(), new java.io.ByteArrayInputStream(data));
      store.putObject("seed", "sha", io.s3wire.server.ObjectAttributes.empty(), ChecksumAlgorithm.SHA256,
          new java.io.ByteArrayInputStream(data));
    }
    start(ObjectStore.file(dir), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), ChecksumTransferTest.CHECKSUMS);
    Path target = temp.resolve("out.bin");
    manager.downloadFile(io.s3wire.BucketKey.of("seed", "k"), target, TransferListener.NONE).join();
    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    manager.downloadFile(io.s3wire.BucketKey.of("seed", "sha"), target, TransferListener.NONE).join();
    assertThat(Arrays.equals(Files.readAllBytes(target), data)).isTrue();
    manager.close();
    client.close();
    server.close();

    // The stored values now name other bytes, as if the objects had rotted on disk.
    try (java.util.stream.Stream<Path> metas = Files.list(dir.resolve("buckets/seed/objects"))) {
      for (Path meta : metas.filter(m -> m.toString().endsWith(".meta")).toList()) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
          p.load(in);
        }
        ChecksumAlgorithm a = ChecksumAlgorithm.valueOf(p.getProperty("checksumAlgorithm"));
        p.setProperty("checksum", a.base64(a.of(new byte[1])));
        try (var out = Files.newOutputStream(meta)) {
          p.store(out, null);
        }
      }
    }
    start(ObjectStore.file(dir), HttpVersionPolicy.HTTP_1_1, fiveMiBParts(), ChecksumTransferTest.CHECKSUMS);
    for (ChecksumAlgorithm a : List.of(ChecksumAlgorithm.CRC64NVME, ChecksumAlgorithm.SHA256)) {
      String key = a == ChecksumAlgorithm.SHA256 ? "sha" : "k";
      assertThatThrownBy(() -> manager.downloadFile(io.s3wire.BucketKey.of("seed", key), target,
          TransferListener.NONE).join())
          .isInstanceOf(io.s3wire.error.TransportException.class)
          .hasMessageContaining("integrity check failed for s3://seed/" + key)
          .hasMessageContaining(a + " " + a.base64(a.of(data)))
          .hasMessageContaining("the server stored " + a.base64(a.of(new byte[1])));
    }
  }

  @Test
  void shaAskedOfAProviderWithoutChecksumsIsRefusedByName() throws Exception {
    start(ObjectStore.memory(), HttpVersionPolicy.HTTP_1_1, fiveMiBParts().withChecksum(TransferChecksum.SHA256),
        io.s3wire.provider.ProviderProfiles.generic());
    Path file = Files.write(temp.resolve("x.bin"), random(6 * MIB, 1));
    assertThatThrownBy(() -> manager.uploadFile(key("x"), file, null).join())
        .isInstanceOf(io.s3wire.error.ClientException.class)
        .hasMessageContaining("SHA256 needs flexible checksums").hasMessageContaining("generic");
    assertThat(server.requestCount("CreateMultipartUpload")).isZero();
  }
}
