package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.checksum.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing an object's metadata in place (PutObjectTagging) keeps what its parts left: sizes and checksums. */
class AttributeChangeKeepsPartsTest {
  @TempDir Path dir;

  private static void tagAMultipartObject(ObjectStore store) throws Exception {
    store.createBucket("b");
    String upload = store.createMultipartUpload("b", "k", ObjectAttributes.empty(), ChecksumAlgorithm.CRC32,
        ChecksumType.COMPOSITE);
    StoredPart one = store.uploadPart("b", "k", upload, 1, new ByteArrayInputStream(new byte[] {1, 2, 3}));
    StoredPart two = store.uploadPart("b", "k", upload, 2, new ByteArrayInputStream(new byte[] {4, 5}));
    store.completeMultipartUpload("b", "k", upload, List.of(1, 2), "\"etag-2\"");
    ObjectParts before = store.headObjectParts("b", "k");
    assertThat(before.partChecksums()).containsExactly(one.checksum(), two.checksum());

    store.replaceObjectAttributes("b", "k", a -> a.withTags(Map.of("team", "storage")));

    ObjectParts after = store.headObjectParts("b", "k");
    assertThat(after.info().attributes().tags()).containsEntry("team", "storage");
    assertThat(after.partSizes()).containsExactly(3L, 2L);
    assertThat(after.partChecksums()).isEqualTo(before.partChecksums());
  }

  @Test
  void memoryStore() throws Exception {
    tagAMultipartObject(ObjectStore.memory());
  }

  @Test
  void fileStoreAlsoAfterReopen() throws Exception {
    List<ObjectChecksum> kept;
    try (ObjectStore store = ObjectStore.file(dir)) {
      tagAMultipartObject(store);
      kept = store.headObjectParts("b", "k").partChecksums();
    }
    try (ObjectStore store = ObjectStore.file(dir)) {
      assertThat(store.headObjectParts("b", "k").partChecksums()).isEqualTo(kept).isNotEmpty();
    }
  }
}
