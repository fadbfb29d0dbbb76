package io.s3wire.rgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.ObjectInfo;
import io.s3wire.PartInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.S3Client;
import io.s3wire.UploadInfo;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.TransportException;
import io.s3wire.it.S3Target;
import io.s3wire.transfer.Transfer;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferListener;
import io.s3wire.transfer.TransferManager;
import io.s3wire.transfer.TransferProgress;
import io.s3wire.transfer.UploadOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transfer engine against Ceph RGW 16.2, on its plain-HTTP front end and through the TLS/HTTP/2
 * front: multipart uploads of files and streams, parallel ranged downloads, server-side multipart
 * copy, and a resumed upload. Files of a few tens of MiB, so parts and ranges really run side by side.
 */
@Tag("rgw")
@Timeout(180)
class RgwTransferTest {
  private static final int MIB = 1024 * 1024;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @TempDir Path temp;

  enum Front {
    PLAIN, TLS;

    S3Target target() {
      return this == PLAIN ? RgwCluster.get().plainTarget() : RgwCluster.get().tlsTarget();
    }
  }

  private static S3Client client(Front front) {
    S3Target t = front.target();
    return t.configure(S3Client.builder()
        .awsConfig(new AwsConfigResolver(Map.of(), Path.of("target", "no-aws-home")))
        .endpoint(t.endpoint())
        .region(RgwCluster.get().region())
        .credentials(t.accessKey(), t.secretKey())
        .provider(t.profile())).build();
  }

  private static String bucket(S3Client client) {
    String name = "s3w-transfer-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    client.createBucket(name);
    return name;
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  void fileUploadInPartsThenRangedDownloadsAndAMultipartCopy(Front front) throws Exception {
    byte[] data = random(40 * MIB + 123, 1);
    Path source = Files.write(temp.resolve("source.bin"), data);
    TransferConfig config = TransferConfig.defaults().withPartSize(8L * MIB).withMaxConcurrency(4);
    try (S3Client client = client(front); TransferManager manager = TransferManager.create(client.async(), config)) {
      String bucket = bucket(client);
      BucketKey key = BucketKey.of(bucket, "big/source.bin");
      Set<Integer> completed = new ConcurrentSkipListSet<>();
      PutObjectResult put = manager.uploadFile(key, source, UploadOptions.DEFAULTS.withListener(new TransferListener() {
        @Override
        public void onPartCompleted(int partNumber, long size, TransferProgress total) {
          completed.add(partNumber);
        }
      })).join();
      assertThat(put.parts()).isEqualTo(6);
      assertThat(completed).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(put.eTag()).isEqualTo(multipartETag(data, 8 * MIB));
      ObjectInfo head = client.headObject(key);
      assertThat(head.contentLength()).isEqualTo(data.length);
      assertThat(head.eTag()).isEqualTo(put.eTag());
      assertThat(client.listMultipartUploads(bucket, null)).isEmpty();

      Path target = temp.resolve("download.bin");
      Files.write(target, new byte[] {1, 2, 3});
      ObjectInfo got = manager.downloadFile(key, target, null).join();
      assertThat(got.contentLength()).isEqualTo(data.length);
      assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(data));
      try (var files = Files.list(temp)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("source.bin", "download.bin");
      }

      try (InputStream in = manager.downloadStream(key, null).join()) {
        assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
      }

      BucketKey copy = BucketKey.of(bucket, "big/copy.bin");
      PutObjectResult copied = manager.copy(key, copy, null).join();
      assertThat(copied.parts()).isEqualTo(6);
      assertThat(client.headObject(copy).contentLength()).isEqualTo(data.length);
      assertThat(sha256(client.getObjectBytes(copy).bytes())).isEqualTo(sha256(data));
      client.deleteObjects(bucket, List.of(key.key(), copy.key()));
    }
  }

  @ParameterizedTest
  @EnumSource(Front.class)
  void streamOfUnknownLengthGoesInParts(Front front) throws Exception {
    byte[] data = random(21 * MIB + 7, 2);
    TransferConfig config = TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(5L * MIB);
    try (S3Client client = client(front); TransferManager manager = TransferManager.create(client.async(), config)) {
      String bucket = bucket(client);
      BucketKey key = BucketKey.of(bucket, "stream.bin");
      PutObjectResult put = manager.uploadStream(key, new ByteArrayInputStream(data), null).join();
      assertThat(put.parts()).isEqualTo(5);
      assertThat(put.eTag()).isEqualTo(multipartETag(data, 5 * MIB));
      assertThat(sha256(client.getObjectBytes(key).bytes())).isEqualTo(sha256(data));
      assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
      client.deleteObject(key);
    }
  }

  /**
   * A resumable upload cancelled after its second part keeps its multipart upload and state file;
   * the next upload of the same file sends exactly the parts RGW does not list, and completes.
   */
  @ParameterizedTest
  @EnumSource(Front.class)
  void aCancelledResumableUploadResumesWithOnlyTheMissingParts(Front front) throws Exception {
    byte[] data = random(26 * MIB + 5, 3);
    Path source = Files.write(temp.resolve("resume.bin"), data);
    Path state = temp.resolve("resume.bin.s3wire-upload");
    TransferConfig config = TransferConfig.defaults().withPartSize(5L * MIB).withMultipartThreshold(5L * MIB)
        .withMaxConcurrency(1);
    try (S3Client client = client(front); TransferManager manager = TransferManager.create(client.async(), config)) {
      String bucket = bucket(client);
      BucketKey key = BucketKey.of(bucket, "resume.bin");
      CountDownLatch twoParts = new CountDownLatch(2);
      Transfer<PutObjectResult> first = manager.uploadFile(key, source, UploadOptions.DEFAULTS.withResume()
          .withListener(new TransferListener() {
            @Override
            public void onPartCompleted(int partNumber, long size, TransferProgress total) {
              twoParts.countDown();
            }
          }));
      assertThat(twoParts.await(120, TimeUnit.SECONDS)).as("two parts uploaded").isTrue();
      first.cancel();
      assertThatThrownBy(first::join).isInstanceOfSatisfying(TransportException.class,
          e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
      assertThat(state).exists();
      List<UploadInfo> open = client.listMultipartUploads(bucket, null);
      assertThat(open).hasSize(1);
      Set<Integer> stored = client.listParts(open.get(0).upload()).stream().map(PartInfo::partNumber)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(stored).contains(1, 2).hasSizeLessThan(6);

      Set<Integer> sent = new ConcurrentSkipListSet<>();
      PutObjectResult resumed = manager.uploadFile(key, source, UploadOptions.DEFAULTS.withResume()
          .withListener(new TransferListener() {
            @Override
            public void onPartBytes(int partNumber, long bytes, TransferProgress total) {
              sent.add(partNumber);
            }
          })).join();
      Set<Integer> missing = IntStream.rangeClosed(1, 6).boxed().filter(p -> !stored.contains(p))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(sent).containsExactlyElementsOf(missing);
      assertThat(resumed.parts()).isEqualTo(6);
      assertThat(resumed.eTag()).isEqualTo(multipartETag(data, 5 * MIB));
      assertThat(sha256(client.getObjectBytes(key).bytes())).isEqualTo(sha256(data));
      assertThat(state).doesNotExist();
      assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
      client.deleteObject(key);
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** S3's multipart ETag: the MD5 of the parts' MD5s, then "-" and the number of parts. */
  static String multipartETag(byte[] data, int partSize) throws Exception {
    MessageDigest all = MessageDigest.getInstance("MD5");
    int parts = 0;
    for (int at = 0; at < data.length; at += partSize) {
      MessageDigest one = MessageDigest.getInstance("MD5");
      one.update(data, at, Math.min(partSize, data.length - at));
      all.update(one.digest());
      parts++;
    }
    return HexFormat.of().formatHex(all.digest()) + "-" + parts;
  }
}
