package io.s3wire.server;

import static io.s3wire.server.RawS3.MIB;
import static io.s3wire.server.RawS3.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * GetObjectAttributes through the AWS SDK for Java v2 at its defaults, on both stores and over
 * HTTP/1.1 and HTTP/2: every attribute of an object stored whole, of a multipart object with a
 * COMPOSITE checksum (its parts paged by marker and max-parts, each with its own checksum) and of a
 * FULL_OBJECT one (the parts count alone, as S3 answers).
 */
@Timeout(120)
class GetObjectAttributesTest {
  static final ObjectAttributes[] ALL = ObjectAttributes.knownValues().toArray(ObjectAttributes[]::new);
  /** Whole MiBs but the last: 5, 5 and 1 MiB + 3 bytes. */
  static final int[] PART_SIZES = {5 * MIB, 5 * MIB, MIB + 3};

  @TempDir
  Path dir;

  private ObjectStore store(String kind) throws Exception {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  static String crc32(byte[] data) {
    return io.s3wire.checksum.ChecksumAlgorithm.CRC32.base64(io.s3wire.checksum.ChecksumAlgorithm.CRC32.of(data));
  }

  /**
   * An upload of PART_SIZES parts (the SDK sends each part's checksum of {@code algorithm}) and its
   * completion; returns the UploadPart responses.
   */
  static List<UploadPartResponse> upload(S3Client s3, String bucket, String key, byte[] data,
      ChecksumAlgorithm algorithm, software.amazon.awssdk.services.s3.model.ChecksumType type) {
    String id = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).checksumAlgorithm(algorithm).checksumType(type))
        .uploadId();
    List<UploadPartResponse> ups = new ArrayList<>();
    List<CompletedPart> parts = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < PART_SIZES.length; i++) {
      int n = i + 1;
      byte[] part = Arrays.copyOfRange(data, offset, offset + PART_SIZES[i]);
      UploadPartResponse up = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(id).partNumber(n)
          .checksumAlgorithm(algorithm), RequestBody.fromBytes(part));
      ups.add(up);
      parts.add(CompletedPart.builder().partNumber(n).eTag(up.eTag()).checksumCRC32(up.checksumCRC32())
          .checksumSHA256(up.checksumSHA256()).checksumCRC64NVME(up.checksumCRC64NVME()).build());
      offset += PART_SIZES[i];
    }
    s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(parts)));
    return ups;
  }

  static byte[] data() {
    return bytes(Arrays.stream(PART_SIZES).sum(), 16);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void everyAttributeOfAnObjectStoredWhole(String kind) throws Exception {
    byte[] data = bytes(100_003, 1);
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("attrs"));
      PutObjectResponse put = s3.putObject(r -> r.bucket("attrs").key("whole"), RequestBody.fromBytes(data));
      GetObjectAttributesResponse a = s3.getObjectAttributes(r -> r.bucket("attrs").key("whole").objectAttributes(ALL));
      assertThat(a.eTag()).isEqualTo(put.eTag().replace("\"", "")).doesNotContain("\"");
      assertThat(a.checksum().checksumCRC32()).isEqualTo(crc32(data));
      assertThat(a.checksum().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
      assertThat(a.objectParts()).as("S3 gives no ObjectParts for an object stored whole").isNull();
      assertThat(a.storageClass()).isEqualTo(StorageClass.STANDARD);
      assertThat(a.objectSize()).isEqualTo(data.length);
      assertThat(a.lastModified()).isEqualTo(s3.headObject(r -> r.bucket("attrs").key("whole")).lastModified())
          .isEqualTo(server.store().headObject("attrs", "whole").lastModified());

      GetObjectAttributesResponse onlySize = s3.getObjectAttributes(r -> r.bucket("attrs").key("whole")
          .objectAttributes(ObjectAttributes.OBJECT_SIZE));
      assertThat(onlySize.objectSize()).isEqualTo(data.length);
      assertThat(onlySize.eTag()).isNull();
      assertThat(onlySize.checksum()).isNull();
      assertThat(onlySize.storageClass()).isNull();
      assertThat(onlySize.lastModified()).isNotNull();

      assertThatThrownBy(() -> s3.getObjectAttributes(r -> r.bucket("attrs").key("absent").objectAttributes(ALL)))
          .isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
          });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aCompositeMultipartObjectListsItsPartsWithTheirChecksumsPageByPage(String kind) throws Exception {
    byte[] data = data();
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("attrs"));
      List<UploadPartResponse> ups = upload(s3, "attrs", "mp", data, ChecksumAlgorithm.CRC32,
          software.amazon.awssdk.services.s3.model.ChecksumType.COMPOSITE);
      ObjectChecksum kept = server.store().headObject("attrs", "mp").checksum();
      assertThat(kept.value()).endsWith("-3");

      GetObjectAttributesResponse a = s3.getObjectAttributes(r -> r.bucket("attrs").key("mp").objectAttributes(ALL));
      assertThat(a.eTag()).endsWith("-3").doesNotContain("\"");
      assertThat(a.checksum().checksumCRC32()).as("S3 drops the -N here").isEqualTo(kept.value().replace("-3", ""));
      assertThat(a.checksum().checksumTypeAsString()).isEqualTo("COMPOSITE");
      assertThat(a.objectSize()).isEqualTo(data.length);
      assertThat(a.objectParts().totalPartsCount()).isEqualTo(3);
      assertThat(a.objectParts().isTruncated()).isFalse();
      assertThat(a.objectParts().maxParts()).isEqualTo(1000);
      assertThat(a.objectParts().partNumberMarker()).isEqualTo(0);
      assertThat(a.objectParts().nextPartNumberMarker()).isEqualTo(3);
      assertThat(a.objectParts().parts()).extracting(ObjectPart::partNumber).containsExactly(1, 2, 3);
      assertThat(a.objectParts().parts()).extracting(ObjectPart::size)
          .containsExactly((long) PART_SIZES[0], (long) PART_SIZES[1], (long) PART_SIZES[2]);
      assertThat(a.objectParts().parts()).extracting(ObjectPart::checksumCRC32)
          .containsExactlyElementsOf(ups.stream().map(UploadPartResponse::checksumCRC32).toList())
          .containsExactly(crc32(Arrays.copyOfRange(data, 0, PART_SIZES[0])),
              crc32(Arrays.copyOfRange(data, PART_SIZES[0], PART_SIZES[0] + PART_SIZES[1])),
              crc32(Arrays.copyOfRange(data, PART_SIZES[0] + PART_SIZES[1], data.length)));

      // One part a page, as a caller walks them.
      List<ObjectPart> walked = new ArrayList<>();
      List<Integer> markers = new ArrayList<>();
      int marker = 0;
      while (true) {
        int from = marker;
        GetObjectAttributesResponse page = s3.getObjectAttributes(r -> r.bucket("attrs").key("mp")
            .objectAttributes(ObjectAttributes.OBJECT_PARTS).maxParts(1).partNumberMarker(from));
        assertThat(page.objectParts().maxParts()).isEqualTo(1);
        assertThat(page.objectParts().partNumberMarker()).isEqualTo(from);
        assertThat(page.objectParts().totalPartsCount()).isEqualTo(3);
        assertThat(page.objectParts().parts()).hasSize(1);
        walked.addAll(page.objectParts().parts());
        marker = page.objectParts().nextPartNumberMarker();
        markers.add(marker);
        if (!page.objectParts().isTruncated()) {
          break;
        }
      }
      assertThat(markers).containsExactly(1, 2, 3);
      assertThat(walked).containsExactlyElementsOf(a.objectParts().parts());

      GetObjectAttributesResponse rest = s3.getObjectAttributes(r -> r.bucket("attrs").key("mp")
          .objectAttributes(ObjectAttributes.OBJECT_PARTS).partNumberMarker(1).maxParts(5));
      assertThat(rest.objectParts().parts()).extracting(ObjectPart::partNumber).containsExactly(2, 3);
      assertThat(rest.objectParts().isTruncated()).isFalse();
      assertThat(rest.objectParts().maxParts()).isEqualTo(5);

      // ListParts of an open upload gives each part's checksum too.
      String open = s3.createMultipartUpload(r -> r.bucket("attrs").key("open")
          .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
      s3.uploadPart(r -> r.bucket("attrs").key("open").uploadId(open).partNumber(1)
          .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(Arrays.copyOf(data, 1000)));
      assertThat(s3.listParts(r -> r.bucket("attrs").key("open").uploadId(open)).parts())
          .singleElement().satisfies(p -> assertThat(p.checksumCRC32()).isEqualTo(crc32(Arrays.copyOf(data, 1000))));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aFullObjectMultipartObjectGivesThePartsCountAlone(String kind) throws Exception {
    byte[] data = data();
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("attrs"));
      // No algorithm named: S3's default, CRC64NVME FULL_OBJECT, whatever the SDK sends with the parts.
      PartNumberReadTest.uploadInParts(s3, "attrs", "default", data);
      upload(s3, "attrs", "crc32", data, ChecksumAlgorithm.CRC32,
          software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT);
      for (String key : List.of("default", "crc32")) {
        ObjectChecksum kept = server.store().headObject("attrs", key).checksum();
        GetObjectAttributesResponse a = s3.getObjectAttributes(r -> r.bucket("attrs").key(key).objectAttributes(ALL));
        assertThat(a.objectParts().totalPartsCount()).isEqualTo(3);
        assertThat(a.objectParts().parts()).isEmpty();
        assertThat(a.objectParts().hasParts()).isFalse();
        assertThat(a.objectParts().maxParts()).isNull();
        assertThat(a.objectParts().isTruncated()).isNull();
        assertThat(a.checksum().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
        assertThat(key.equals("crc32") ? a.checksum().checksumCRC32() : a.checksum().checksumCRC64NVME())
            .isEqualTo(kept.value());
      }
    }
  }

  @Test
  void overHttp2() throws Exception {
    byte[] data = data();
    try (S3Server server = Peers.onOneDigitDay().start();
        S3Client s3 = Peers.apache(server);
        S3AsyncClient h2 = Peers.nettyHttp2(server)) {
      s3.createBucket(r -> r.bucket("attrs"));
      List<UploadPartResponse> ups = upload(s3, "attrs", "mp", data, ChecksumAlgorithm.SHA256,
          software.amazon.awssdk.services.s3.model.ChecksumType.COMPOSITE);
      GetObjectAttributesResponse a = h2.getObjectAttributes(r -> r.bucket("attrs").key("mp").objectAttributes(ALL)
          .maxParts(2)).get(60, TimeUnit.SECONDS);
      assertThat(a.objectParts().parts()).extracting(ObjectPart::checksumSHA256)
          .containsExactly(ups.get(0).checksumSHA256(), ups.get(1).checksumSHA256());
      assertThat(a.objectParts().isTruncated()).isTrue();
      assertThat(a.objectParts().nextPartNumberMarker()).isEqualTo(2);
      assertThat(a.checksum().checksumSHA256()).doesNotContain("-")
          .isEqualTo(io.s3wire.checksum.ChecksumAlgorithm.SHA256.composite(ups.stream()
              .map(u -> io.s3wire.checksum.ChecksumAlgorithm.SHA256.parse(u.checksumSHA256())).toList())
              .replace("-3", ""));
      assertThat(a.objectSize()).isEqualTo(data.length);
    }
  }
}
