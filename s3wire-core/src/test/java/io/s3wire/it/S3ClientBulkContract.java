package io.s3wire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import io.s3wire.DeleteObjectsResult;
import io.s3wire.ListObjectsPage;
import io.s3wire.ListObjectsRequest;
import io.s3wire.MultipartUpload;
import io.s3wire.ObjectMetadata;
import io.s3wire.PartInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.S3Client;
import io.s3wire.S3Object;
import io.s3wire.UploadInfo;
import io.s3wire.error.ClientException;
import io.s3wire.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The client suite's bulk half: listing over many pages, multipart uploads, batch deletes.
 */
public abstract class S3ClientBulkContract extends ClientFixture {
  private static final int MIB = 1024 * 1024;

  /** Writes {@code count} small objects named {@code prefix%05d}, 32 at a time through the async client. */
  private List<String> putMany(String bucket, String prefix, int count) {
    List<String> keys = IntStream.range(0, count).mapToObj(i -> String.format(java.util.Locale.ROOT, "%s%05d", prefix, i))
        .collect(Collectors.toList());
    for (int from = 0; from < count; from += 32) {
      List<CompletableFuture<PutObjectResult>> batch = new ArrayList<>();
      for (String k : keys.subList(from, Math.min(count, from + 32))) {
        batch.add(client.async().putObject(BucketKey.of(bucket, k), utf8(k)));
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
    }
    return keys;
  }

  /** One set of 1,050 keys serves both: listed over two pages, then deleted in two batches. */
  @Test
  void listingAndBatchDeletePastAThousandKeys() {
    String bucket = newBucket();
    List<String> keys = putMany(bucket, "many/", 1_050);
    List<ListObjectsPage> pages = new ArrayList<>();
    client.listObjects(ListObjectsRequest.of(bucket)).forEach(pages::add);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).objects()).hasSize(1000);
    assertThat(pages.get(0).truncated()).isTrue();
    assertThat(pages.get(1).truncated()).isFalse();
    assertThat(pages.get(1).nextToken()).isNull();
    assertThat(pages.stream().flatMap(p -> p.objects().stream()).map(S3Object::key)).containsExactlyElementsOf(keys);

    List<ListObjectsPage> small = client.listObjects(ListObjectsRequest.of(bucket).withMaxKeys(250)).pages().toList();
    assertThat(small).extracting(p -> p.objects().size()).containsExactly(250, 250, 250, 250, 50);
    S3Object first = small.get(0).objects().get(0);
    assertThat(first.key()).isEqualTo("many/00000");
    assertThat(first.size()).isEqualTo(10);
    assertThat(first.eTag()).hasSize(32);

    DeleteObjectsResult r = client.deleteObjects(bucket, keys);
    assertThat(r.allDeleted()).isTrue();
    assertThat(r.deleted()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(client.listObjects(ListObjectsRequest.of(bucket)).objects()).isEmpty();
    client.deleteBucket(bucket);
    assertStatus(() -> client.headBucket(bucket), 404, "NoSuchBucket");
  }

  @Test
  void prefixDelimiterAndStartAfter() {
    String bucket = newBucket();
    for (String k : List.of("a/1", "a/2", "b/1", "b/c/1", "top1", "top2")) {
      client.putObject(BucketKey.of(bucket, k), utf8(k));
    }
    var root = client.listObjects(ListObjectsRequest.of(bucket).withDelimiter("/"));
    assertThat(root.objects().map(S3Object::key)).containsExactly("top1", "top2");
    assertThat(root.commonPrefixes()).containsExactly("a/", "b/");
    var underB = client.listObjects(ListObjectsRequest.of(bucket).withPrefix("b/").withDelimiter("/"));
    assertThat(underB.objects().map(S3Object::key)).containsExactly("b/1");
    assertThat(underB.commonPrefixes()).containsExactly("b/c/");
    assertThat(client.listObjects(ListObjectsRequest.of(bucket).withStartAfter("b/1")).objects().map(S3Object::key))
        .containsExactly("b/c/1", "top1", "top2");
  }

  @Test
  void listingV1FollowsMarkers() {
    String bucket = newBucket();
    List<String> keys = putMany(bucket, "v1/", 25);
    try (S3Client v1 = builder(target().secretKey()).provider(profile().toBuilder().supportsListObjectsV2(false).build()).build()) {
      List<ListObjectsPage> pages = v1.listObjects(ListObjectsRequest.of(bucket).withMaxKeys(10)).pages().toList();
      assertThat(pages).extracting(p -> p.objects().size()).containsExactly(10, 10, 5);
      assertThat(pages.get(0).nextToken()).isEqualTo("v1/00009");
      assertThat(pages.stream().flatMap(p -> p.objects().stream()).map(S3Object::key)).containsExactlyElementsOf(keys);
    }
  }

  @Test
  void threePartMultipartUpload() throws Exception {
    String bucket = newBucket();
    BucketKey key = BucketKey.of(bucket, "multi part/object");
    byte[][] parts = {random(5 * MIB), random(5 * MIB), random(1024)};
    MultipartUpload upload = client.createMultipartUpload(key, ObjectMetadata.contentType("application/x-test"));
    assertThat(client.listMultipartUploads(bucket, null)).extracting(UploadInfo::upload).containsExactly(upload);
    List<CompletedPart> done = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      CompletedPart p = client.uploadPart(upload, i + 1, RequestBody.ofBytes(parts[i]));
      assertThat(p.eTag()).isEqualTo(md5(parts[i]));
      done.add(p);
    }
    assertThat(client.listParts(upload)).extracting(PartInfo::partNumber, PartInfo::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 5L * MIB), org.assertj.core.groups.Tuple.tuple(2, 5L * MIB),
            org.assertj.core.groups.Tuple.tuple(3, 1024L));
    PutObjectResult result = client.completeMultipartUpload(upload, done);
    assertThat(result.parts()).isEqualTo(3);
    assertThat(result.eTag()).endsWith("-3");
    byte[] all = concat(parts);
    assertThat(client.getObjectBytes(key).bytes()).isEqualTo(all);
    assertThat(client.headObject(key).metadata().contentType()).isEqualTo("application/x-test");
    assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
  }

  @Test
  void abortedUploadsLeaveNothing() {
    String bucket = newBucket();
    MultipartUpload upload = client.createMultipartUpload(BucketKey.of(bucket, "aborted"), ObjectMetadata.NONE);
    client.uploadPart(upload, 1, RequestBody.ofBytes(utf8("part")));
    client.abortMultipartUpload(upload);
    assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
    assertStatus(() -> client.headObject(BucketKey.of(bucket, "aborted")), 404, "NoSuchKey");
  }

  @Test
  void partRulesAreCheckedBeforeSending() {
    String bucket = newBucket();
    MultipartUpload upload = client.createMultipartUpload(BucketKey.of(bucket, "rules"), ObjectMetadata.NONE);
    assertThatThrownBy(() -> client.uploadPart(upload, 0, RequestBody.ofBytes(utf8("x"))))
        .isInstanceOf(ClientException.class).hasMessage("part number: must be 1..10000, was 0");
    assertThatThrownBy(() -> client.uploadPart(upload, 10_001, RequestBody.ofBytes(utf8("x"))))
        .isInstanceOf(ClientException.class).hasMessage("part number: must be 1..10000, was 10001");
    CompletedPart small = client.uploadPart(upload, 1, RequestBody.ofBytes(utf8("too small")));
    CompletedPart last = client.uploadPart(upload, 2, RequestBody.ofBytes(utf8("last")));
    assertThatThrownBy(() -> client.completeMultipartUpload(upload, List.of(small, last)))
        .isInstanceOf(ClientException.class)
        .hasMessage("part 1: is 9 bytes; every part but the last must be at least 5 MiB (5242880 bytes)");
    client.abortMultipartUpload(upload);
  }

  @Test
  void streamsOfUnknownLengthGoMultipart() throws Exception {
    String bucket = newBucket();
    byte[] big = random(11 * MIB);
    try (S3Client c = builder(target().secretKey()).multipartPartSize(5 * MIB).build()) {
      PutObjectResult r = c.putObject(BucketKey.of(bucket, "unknown-big"), new ByteArrayInputStream(big), -1, ObjectMetadata.NONE);
      assertThat(r.parts()).isEqualTo(3);
      assertThat(c.getObjectBytes(BucketKey.of(bucket, "unknown-big")).bytes()).isEqualTo(big);
      byte[] small = random(1000);
      PutObjectResult s = c.putObject(BucketKey.of(bucket, "unknown-small"), new ByteArrayInputStream(small), -1, ObjectMetadata.NONE);
      assertThat(s.parts()).isZero();
      assertThat(s.eTag()).isEqualTo(md5(small));
    }
    assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
  }

  @Test
  void oneDeletePerKeyWhereTheProviderHasNoBatchDelete() {
    String bucket = newBucket();
    List<String> keys = putMany(bucket, "single/", 3);
    try (S3Client noBatch = builder(target().secretKey()).provider(profile().toBuilder().supportsDeleteObjects(false).build()).build()) {
      DeleteObjectsResult r = noBatch.deleteObjects(bucket, keys);
      assertThat(r.deleted()).containsExactlyElementsOf(keys);
      assertThat(r.failures()).isEmpty();
    }
    assertThat(client.listObjects(ListObjectsRequest.of(bucket)).objects()).isEmpty();
  }

  @Test
  void batchDeleteWithAndWithoutContentMd5() {
    String bucket = newBucket();
    for (boolean md5 : new boolean[] {true, false}) {
      List<String> keys = putMany(bucket, "md5-" + md5 + "/", 3);
      try (S3Client c = builder(target().secretKey()).provider(profile().toBuilder().deleteObjectsNeedsContentMd5(md5).build()).build()) {
        assertThat(c.deleteObjects(bucket, keys).deleted()).containsExactlyInAnyOrderElementsOf(keys);
      }
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[][] parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
