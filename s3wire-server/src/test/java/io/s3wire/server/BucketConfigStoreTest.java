package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bucket configuration documents in both built-in stores: kept, replaced, removed, gone with their bucket. */
class BucketConfigStoreTest {
  @TempDir Path dir;

  private static byte[] doc(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void roundTrip(ObjectStore store) throws Exception {
    store.createBucket("b");
    assertThat(store.bucketConfig("b", "cors")).isEmpty();
    store.putBucketConfig("b", "cors", doc("<CORSConfiguration/>"));
    store.putBucketConfig("b", "tagging", doc("<Tagging/>"));
    store.putBucketConfig("b", "cors", doc("<CORSConfiguration>2</CORSConfiguration>"));
    assertThat(store.bucketConfig("b", "cors")).hasValueSatisfying(
        d -> assertThat(new String(d, StandardCharsets.UTF_8)).isEqualTo("<CORSConfiguration>2</CORSConfiguration>"));
    store.deleteBucketConfig("b", "tagging");
    store.deleteBucketConfig("b", "tagging");
    assertThat(store.bucketConfig("b", "tagging")).isEmpty();
    assertThatThrownBy(() -> store.bucketConfig("nope", "cors"))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.NO_SUCH_BUCKET));
    assertThatThrownBy(() -> store.putBucketConfig("b", "../escape", doc("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memoryStoreKeepsReplacesAndRemovesDocuments() throws Exception {
    roundTrip(ObjectStore.memory());
  }

  @Test
  void fileStoreKeepsDocumentsAcrossReopenAndDropsThemWithTheBucket() throws Exception {
    try (ObjectStore store = ObjectStore.file(dir)) {
      roundTrip(store);
    }
    try (ObjectStore store = ObjectStore.file(dir)) {
      assertThat(store.bucketConfig("b", "cors")).isPresent();
      assertThat(store.bucketConfig("b", "tagging")).isEmpty();
      store.deleteBucket("b");
      store.createBucket("b");
      assertThat(store.bucketConfig("b", "cors")).isEmpty();
    }
  }

  @Test
  void aStoredDocumentIsACopyNotTheCallersArray() throws Exception {
    ObjectStore store = ObjectStore.memory();
    store.createBucket("b");
    byte[] mine = doc("<Tagging/>");
    store.putBucketConfig("b", "tagging", mine);
    mine[0] = 'X';
    assertThat(store.bucketConfig("b", "tagging").orElseThrow()[0]).isEqualTo((byte) '<');
  }

  @Test
  void aReadOnlyStoreRefusesChangesButReads() throws Exception {
    ObjectStore inner = ObjectStore.memory();
    inner.createBucket("b");
    inner.putBucketConfig("b", "policy", doc("{}"));
    ObjectStore ro = ObjectStore.readOnly(inner);
    assertThat(ro.bucketConfig("b", "policy")).isPresent();
    assertThatThrownBy(() -> ro.deleteBucketConfig("b", "policy"))
        .isInstanceOfSatisfying(S3ErrorException.class, e -> assertThat(e.code()).isEqualTo(S3ErrorCode.ACCESS_DENIED));
  }
}
