package io.s3wire.server;

import static io.s3wire.server.GetObjectAttributesTest.PART_SIZES;
import static io.s3wire.server.GetObjectAttributesTest.crc32;
import static io.s3wire.server.GetObjectAttributesTest.data;
import static io.s3wire.server.GetObjectAttributesTest.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * A completed multipart object keeps each part's checksum, in both stores (the file store across
 * reopen), and answers GET and HEAD of a part with it as S3 does: of a COMPOSITE object the part's
 * own checksum, of another object only a checksum that covers the part's bytes. The SDK's own
 * multipart download (partNumber GETs, over HTTP/1.1 and HTTP/2) validates every part against it.
 */
@Timeout(180)
class PartChecksumsTest {
  @TempDir
  Path dir;

  private ObjectStore store(String kind) throws Exception {
    return kind.equals("file") ? ObjectStore.file(dir.resolve("store")) : ObjectStore.memory();
  }

  /** Records, per part number the SDK asked for, the CRC32 its answer carried. */
  static final class PartReads implements ExecutionInterceptor {
    final Map<Integer, String> crc32ByPart = new ConcurrentSkipListMap<>();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      List<String> part = context.httpRequest().rawQueryParameters().get("partNumber");
      if (part != null) {
        crc32ByPart.put(Integer.valueOf(part.get(0)),
            context.httpResponse().firstMatchingHeader("x-amz-checksum-crc32").orElse("none"));
      }
    }
  }

  static S3AsyncClient multipartClient(S3Server server, Protocol protocol, ExecutionInterceptor interceptor) {
    return S3AsyncClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(Peers.credentials(server))
        .forcePathStyle(true)
        .multipartEnabled(true)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(protocol)
            .readTimeout(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(30)))
        .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
        .build();
  }

  private static List<String> crc32OfParts(byte[] data) {
    return List.of(crc32(Arrays.copyOfRange(data, 0, PART_SIZES[0])),
        crc32(Arrays.copyOfRange(data, PART_SIZES[0], PART_SIZES[0] + PART_SIZES[1])),
        crc32(Arrays.copyOfRange(data, PART_SIZES[0] + PART_SIZES[1], data.length)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void aPartOfACompositeObjectCarriesItsOwnChecksum(String kind) throws Exception {
    byte[] data = data();
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      List<UploadPartResponse> ups = upload(s3, "parts", "mp", data, ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE);
      assertThat(ups).extracting(UploadPartResponse::checksumCRC32).containsExactlyElementsOf(crc32OfParts(data));
      assertThat(server.store().headObjectParts("parts", "mp").partChecksums())
          .extracting(ObjectChecksum::value).containsExactlyElementsOf(crc32OfParts(data));
      int first = 0;
      for (int i = 0; i < PART_SIZES.length; i++) {
        int n = i + 1;
        HeadObjectResponse head = s3.headObject(r -> r.bucket("parts").key("mp").partNumber(n)
            .checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isEqualTo(crc32OfParts(data).get(i));
        assertThat(head.checksumTypeAsString()).isEqualTo("COMPOSITE");
        // The sync client validates the part's bytes against it.
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("parts").key("mp").partNumber(n)
            .checksumMode(ChecksumMode.ENABLED));
        assertThat(got.response().checksumCRC32()).isEqualTo(crc32OfParts(data).get(i));
        assertThat(got.asByteArray()).isEqualTo(Arrays.copyOfRange(data, first, first + PART_SIZES[i]));
        assertThat(s3.headObject(r -> r.bucket("parts").key("mp").partNumber(n)).checksumCRC32())
            .as("only in checksum mode").isNull();
        first += PART_SIZES[i];
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "file"})
  void otherObjectsGiveAChecksumForAPartOnlyWhenThePartIsTheWholeObject(String kind) throws Exception {
    byte[] data = data();
    byte[] small = Arrays.copyOf(data, 1000);
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      PartNumberReadTest.uploadInParts(s3, "parts", "default", data);
      for (int n = 1; n <= 3; n++) {
        int part = n;
        HeadObjectResponse head = s3.headObject(r -> r.bucket("parts").key("default").partNumber(part)
            .checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC64NVME()).isNull();
        assertThat(head.checksumCRC32()).isNull();
        assertThat(head.checksumTypeAsString()).isNull();
      }
      String id = s3.createMultipartUpload(r -> r.bucket("parts").key("one").checksumAlgorithm(ChecksumAlgorithm.CRC32)
          .checksumType(ChecksumType.FULL_OBJECT)).uploadId();
      String etag = s3.uploadPart(r -> r.bucket("parts").key("one").uploadId(id).partNumber(1)
          .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(small)).eTag();
      s3.completeMultipartUpload(r -> r.bucket("parts").key("one").uploadId(id).multipartUpload(m -> m.parts(p -> p
          .partNumber(1).eTag(etag).checksumCRC32(crc32(small)))));
      s3.putObject(r -> r.bucket("parts").key("whole"), RequestBody.fromBytes(small));
      for (String key : List.of("one", "whole")) {
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("parts").key(key).partNumber(1)
            .checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(small);
        assertThat(got.response().checksumCRC32()).as(key).isEqualTo(crc32(small));
        assertThat(got.response().checksumTypeAsString()).isEqualTo("FULL_OBJECT");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory HTTP1_1", "file HTTP1_1", "memory HTTP2"})
  void theSdksMultipartDownloadValidatesEveryPart(String args) throws Exception {
    String kind = args.split(" ")[0];
    Protocol protocol = Protocol.valueOf(args.split(" ")[1]);
    byte[] data = data();
    PartReads reads = new PartReads();
    try (ObjectStore store = store(kind);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server);
        S3AsyncClient mp = multipartClient(server, protocol, reads)) {
      s3.createBucket(r -> r.bucket("parts"));
      upload(s3, "parts", "mp", data, ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE);
      ResponseBytes<GetObjectResponse> got = mp.getObject(r -> r.bucket("parts").key("mp")
          .checksumMode(ChecksumMode.ENABLED), AsyncResponseTransformer.toBytes()).get(60, TimeUnit.SECONDS);
      assertThat(got.asByteArray()).isEqualTo(data);
      TreeMap<Integer, String> expected = new TreeMap<>(Map.of(1, crc32OfParts(data).get(0),
          2, crc32OfParts(data).get(1), 3, crc32OfParts(data).get(2)));
      assertThat(reads.crc32ByPart).as("one GET per part, each with the part's CRC32").isEqualTo(expected);

      // S3TransferManager's file download goes the same way.
      reads.crc32ByPart.clear();
      Path target = dir.resolve("target.bin");
      try (S3TransferManager tm = S3TransferManager.builder().s3Client(mp).build()) {
        tm.downloadFile(d -> d.destination(target).getObjectRequest(g -> g.bucket("parts").key("mp")
            .checksumMode(ChecksumMode.ENABLED))).completionFuture().get(60, TimeUnit.SECONDS);
      }
      assertThat(Files.readAllBytes(target)).isEqualTo(data);
      assertThat(reads.crc32ByPart).isEqualTo(expected);
    }
  }

  /** The SDK really checks each part: a part checksum the file store kept wrong fails the download. */
  @Test
  void theSdkRefusesAPartWhoseKeptChecksumIsWrong() throws Exception {
    byte[] data = data();
    Path root = dir.resolve("store");
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      upload(s3, "parts", "mp", data, ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE);
    }
    String wrong = crc32("not part 2".getBytes(StandardCharsets.UTF_8));
    editMeta(root, p -> p.setProperty("partChecksums", p.getProperty("partChecksums")
        .replace(crc32OfParts(data).get(1), wrong)));
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3AsyncClient mp = multipartClient(server, Protocol.HTTP1_1, new PartReads())) {
      assertThat(store.headObjectParts("parts", "mp").partChecksum(2).value()).isEqualTo(wrong);
      assertThatThrownBy(() -> mp.getObject(r -> r.bucket("parts").key("mp").checksumMode(ChecksumMode.ENABLED),
          AsyncResponseTransformer.toBytes()).get(60, TimeUnit.SECONDS))
          .hasStackTraceContaining("Data read has a different checksum than expected");
    }
  }

  @Test
  void theFileStoreKeepsPartChecksumsAcrossReopenAndReadsOlderMetadataWithoutThem() throws Exception {
    byte[] data = data();
    Path root = dir.resolve("store");
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      s3.createBucket(r -> r.bucket("parts"));
      upload(s3, "parts", "mp", data, ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE);
    }
    try (ObjectStore store = ObjectStore.file(root)) {
      ObjectParts parts = store.headObjectParts("parts", "mp");
      assertThat(parts.partChecksums()).containsExactlyElementsOf(crc32OfParts(data).stream()
          .map(v -> new ObjectChecksum(io.s3wire.checksum.ChecksumAlgorithm.CRC32, v,
              io.s3wire.server.ChecksumType.FULL_OBJECT)).toList());
      assertThat(parts.partSizes()).hasSize(3);
    }
    // Metadata from before part checksums were kept has no partChecksums line: parts without checksums.
    editMeta(root, p -> {
      assertThat(p.getProperty("partChecksums")).isNotNull();
      p.remove("partChecksums");
    });
    try (ObjectStore store = ObjectStore.file(root);
        S3Server server = Peers.onOneDigitDay().store(store).start();
        S3Client s3 = Peers.apache(server)) {
      assertThat(store.headObjectParts("parts", "mp").partChecksums()).isEmpty();
      assertThat(s3.headObject(r -> r.bucket("parts").key("mp").partNumber(2).checksumMode(ChecksumMode.ENABLED))
          .checksumCRC32()).isNull();
      assertThat(s3.getObjectAttributes(r -> r.bucket("parts").key("mp").objectAttributes(
          software.amazon.awssdk.services.s3.model.ObjectAttributes.OBJECT_PARTS)).objectParts().parts())
          .hasSize(3).allSatisfy(p -> assertThat(p.checksumCRC32()).isNull());
    }
  }

  private static void editMeta(Path root, java.util.function.Consumer<java.util.Properties> edit) throws Exception {
    try (Stream<Path> metas = Files.list(root.resolve("buckets/parts/objects"))) {
      for (Path meta : metas.filter(p -> p.toString().endsWith(".meta")).toList()) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
          p.load(in);
        }
        edit.accept(p);
        try (var out = Files.newOutputStream(meta)) {
          p.store(out, null);
        }
      }
    }
  }
}
